// The live channel (Socket.IO at /socket.io): what a client may send and what the server pushes.
// Every pushed change is built from an event row after its transaction committed, with the same
// presenters as the HTTP API, and filtered for each recipient; clients never relay to each other.
import { z } from 'zod';
import { Annotation } from './annotations';
import { Comment, Link } from './links';

/** Socket.IO's default path; the API serves it next to /api. */
export const LIVE_PATH = '/socket.io';

/** Largest frame the server accepts from a client (Socket.IO maxHttpBufferSize). */
export const LIVE_MAX_FRAME_BYTES = 16 * 1024;

/** Messages a socket may send per second before it is told to slow down (then disconnected). */
export const LIVE_MAX_MESSAGES_PER_SECOND = 20;

/** Events a re-subscribe may replay; a client further behind gets `cursor_too_old` and reloads. */
export const LIVE_REPLAY_LIMIT = 10_000;

/** Codes a LiveAck may carry besides the HTTP API's (validation_failed, not_found, rate_limited). */
export const LiveErrorCode = {
  /** `after` is further back than LIVE_REPLAY_LIMIT events: reload the document instead. */
  CursorTooOld: 'cursor_too_old',
} as const;

/** Open live connections one person may hold on one server instance (tabs, devices, scripts). */
export const LIVE_MAX_SOCKETS_PER_USER = 20;

/** Client → server event names. Each is acknowledged with a LiveAck. */
export const LiveClientEvent = {
  /** Join a document's room: `{documentId, after?}`; `after` replays the events missed since that cursor. */
  Subscribe: 'subscribe',
  /** Leave a document's room: `{documentId}`. */
  Unsubscribe: 'unsubscribe',
  /** Where the sender's selection is (presence only; never stored): `{documentId, range}`. */
  Cursor: 'cursor',
} as const;

/** Server → client event names. */
export const LiveServerEvent = {
  /** One committed change the recipient may see (LiveChange). */
  Change: 'change',
  /** Who is viewing a document now (LivePresence). */
  Presence: 'presence',
  /** The recipient's review badge counts changed (LiveBadge). */
  Badge: 'badge',
  /** The server is closing this socket: session ended or membership removed (LiveClosing). */
  Closing: 'closing',
} as const;

/**
 * An opaque position in the committed event stream. Clients store the latest one they applied and
 * send it back on re-subscribe to receive everything committed after it.
 */
export const LiveCursor = z.string().max(64, 'after must be a cursor from a previous message').regex(/^[0-9a-z:.-]+$/i, 'after must be a cursor from a previous message');

export const SubscribeMessage = z.strictObject({
  documentId: z.uuid({ error: 'documentId must be a UUID' }),
  /** The last cursor the client applied (opaque); omitted on a first subscribe. */
  after: LiveCursor.optional(),
});
export type SubscribeMessage = z.infer<typeof SubscribeMessage>;

export const UnsubscribeMessage = z.strictObject({ documentId: z.uuid({ error: 'documentId must be a UUID' }) });
export type UnsubscribeMessage = z.infer<typeof UnsubscribeMessage>;

export const CursorMessage = z.strictObject({
  documentId: z.uuid({ error: 'documentId must be a UUID' }),
  /** Code points over the current revision's canonical text; null when nothing is selected. */
  range: z.strictObject({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }).nullable(),
});
export type CursorMessage = z.infer<typeof CursorMessage>;

/** The acknowledgement of every client message. */
export const LiveAck = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** For subscribe: the cursor to send as `after` next time (everything up to it was delivered). */
    cursor: z.string().optional(),
  }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() }),
  }),
]);
export type LiveAck = z.infer<typeof LiveAck>;

/** What changed; `annotation`, `link` or `comment` carries the recipient's view of it. */
export const LiveChange = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('annotation'),
    /** annotation.created | updated | deleted | restored | reanchored | submitted | decided */
    type: z.string(),
    cursor: z.string(),
    documentId: z.uuid(),
    actorId: z.uuid().nullable(),
    /** Null when the recipient may no longer see it (deleted, or made private by its author). */
    annotation: Annotation.nullable(),
    annotationId: z.uuid(),
  }),
  z.object({
    kind: z.literal('link'),
    /** link.created | link.transitioned */
    type: z.string(),
    cursor: z.string(),
    documentId: z.uuid().nullable(),
    actorId: z.uuid().nullable(),
    link: Link,
  }),
  z.object({
    kind: z.literal('comment'),
    type: z.literal('comment.created'),
    cursor: z.string(),
    documentId: z.uuid().nullable(),
    actorId: z.uuid().nullable(),
    comment: Comment,
  }),
  z.object({
    kind: z.literal('document'),
    /** document.revised: a new revision; the client reloads the document and its annotations. */
    type: z.string(),
    cursor: z.string(),
    documentId: z.uuid(),
    actorId: z.uuid().nullable(),
  }),
]);
export type LiveChange = z.infer<typeof LiveChange>;

export const LiveViewer = z.object({
  userId: z.uuid(),
  name: z.string(),
  /** Their selection in code points, when they share one. */
  range: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
});
export type LiveViewer = z.infer<typeof LiveViewer>;

export const LivePresence = z.object({ documentId: z.uuid(), viewers: z.array(LiveViewer) });
export type LivePresence = z.infer<typeof LivePresence>;

export const LiveBadge = z.object({
  /** Open and in-review flags plus submitted annotations the recipient may see, in `workspaceId`. */
  openReviewItems: z.number().int(),
  /** Unread notifications (mentions and decisions), as GET /api/notifications counts them. */
  unreadMentions: z.number().int(),
  /** The workspace `openReviewItems` counts. */
  workspaceId: z.uuid().optional(),
});
export type LiveBadge = z.infer<typeof LiveBadge>;

export const LiveClosing = z.object({ reason: z.enum(['session_ended', 'membership_removed', 'rate_limited']) });
export type LiveClosing = z.infer<typeof LiveClosing>;
