// Names of the events written to the log; one constant per change.
export const EventType = {
  DocumentImported: 'document.imported',
  WorkspaceCreated: 'workspace.created',
  MemberJoined: 'member.joined',
  MemberRoleChanged: 'member.role_changed',
  MemberRemoved: 'member.removed',
  InviteCreated: 'invite.created',
  InviteRevoked: 'invite.revoked',
} as const;
export type EventType = (typeof EventType)[keyof typeof EventType];
