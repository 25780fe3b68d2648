// One event of the log as the live layer reads it, with its position, and the SELECT that yields it.
import { EventType } from '../events/event-types';
import type { Position } from './live-cursor';

export interface LiveEventRow {
  seq: string;
  txid: string;
  workspace_id: string;
  document_id: string | null;
  type: string;
  subject_id: string;
  actor_id: string | null;
  payload: Record<string, unknown>;
}

export const EVENT_COLUMNS = `e.seq::text AS seq, e.txid::text AS txid, e.workspace_id, e.document_id, e.type, e.subject_id, e.actor_id, e.payload`;

export function positionOf(row: LiveEventRow): Position {
  return { txid: BigInt(row.txid), seq: BigInt(row.seq) };
}

/** Events that name no document but touch documents through a link. */
export const LINK_EVENT_TYPES: readonly string[] = [EventType.LinkCreated, EventType.LinkTransitioned, EventType.CommentCreated];

/** Events after which review queue counts or unread notifications may have changed. */
export const BADGE_EVENT_TYPES: ReadonlySet<string> = new Set<string>([
  EventType.LinkCreated,
  EventType.LinkTransitioned,
  EventType.AnnotationSubmitted,
  EventType.AnnotationDecided,
  EventType.AnnotationDeleted,
  EventType.AnnotationRestored,
  EventType.AnnotationUpdated,
  EventType.CommentCreated,
]);
