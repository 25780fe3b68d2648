// Writes an event row inside the caller's transaction, so the audit row exists iff the change does.
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { EventEntity } from './event.entity';
import type { EventType } from './event-types';

export interface NewEvent {
  type: EventType;
  workspaceId: string;
  documentId: string | null;
  subjectId: string;
  actorId: string | null;
  payload?: Record<string, unknown>;
}

export async function recordEvent(manager: EntityManager, event: NewEvent): Promise<EventEntity> {
  return manager.getRepository(EventEntity).save(
    manager.getRepository(EventEntity).create({ ...event, payload: event.payload ?? {} }),
  );
}

/** Rows per INSERT: PostgreSQL allows 65,535 parameters per statement, an event takes 6. */
const EVENTS_PER_INSERT = 1_000;

/** Many events in the caller's transaction (a re-import re-anchoring thousands of annotations). */
export async function recordEvents(manager: EntityManager, events: readonly NewEvent[]): Promise<void> {
  const repository = manager.getRepository(EventEntity);
  for (let i = 0; i < events.length; i += EVENTS_PER_INSERT) {
    // jsonb payloads are plain objects; TypeORM's deep-partial type cannot express that.
    await repository.insert(events.slice(i, i + EVENTS_PER_INSERT).map((event) => ({ ...event, payload: event.payload ?? {} })) as QueryDeepPartialEntity<EventEntity>[]);
  }
}
