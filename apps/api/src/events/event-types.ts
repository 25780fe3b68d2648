// Names of the events written to the log; one constant per change.
export const EventType = {
  DocumentImported: 'document.imported',
} as const;
export type EventType = (typeof EventType)[keyof typeof EventType];
