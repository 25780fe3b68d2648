// Writes an event row inside the caller's transaction, so the audit row exists iff the change does.
import type { EntityManager } from 'typeorm';
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
