// The review queue (contradiction flags and submitted annotations), decisions on submitted
// annotations, and workspace-wide annotation search for picking a counterpart passage.
import { z } from 'zod';
import { Annotation, AnnotationTag } from './annotations';
import { FlagStatus, Link, Severity } from './links';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_SEARCH_CHARACTERS, MAX_RATIONALE_CHARACTERS } from './limits';

export const QueueStatus = z.enum([...FlagStatus.options, 'submitted'], { error: 'status must be open, in_review, confirmed, dismissed, resolved or submitted' });
export type QueueStatus = z.infer<typeof QueueStatus>;

const Limit = z.coerce
  .number({ error: 'limit must be a number' })
  .int('limit must be a whole number')
  .min(1, 'limit must be at least 1')
  .max(MAX_PAGE_SIZE, `limit must be at most ${MAX_PAGE_SIZE}`);

export const ReviewQueueQuery = z.strictObject({
  workspaceId: z.uuid({ error: 'workspaceId must be a workspace id' }).optional(),
  /** Without it: what still needs someone (open, in_review, submitted). */
  status: QueueStatus.optional(),
  severity: Severity.optional(),
  documentId: z.uuid({ error: 'documentId must be a document id' }).optional(),
  tag: AnnotationTag.optional(),
  assigneeId: z.uuid({ error: 'assigneeId must be a user id' }).optional(),
  raisedBy: z.uuid({ error: 'raisedBy must be a user id' }).optional(),
  limit: Limit.default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(200, 'cursor is not valid').optional(),
});
export type ReviewQueueQuery = z.infer<typeof ReviewQueueQuery>;

/** An annotation with the title of its document, as search and the queue show it. */
export const AnnotationInContext = Annotation.extend({ documentTitle: z.string() });
export type AnnotationInContext = z.infer<typeof AnnotationInContext>;

export const QueueItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('link'), link: Link }),
  z.object({ kind: z.literal('annotation'), annotation: AnnotationInContext }),
]);
export type QueueItem = z.infer<typeof QueueItem>;

export const QueueCounts = z.object({
  open: z.number().int(),
  in_review: z.number().int(),
  confirmed: z.number().int(),
  dismissed: z.number().int(),
  resolved: z.number().int(),
  submitted: z.number().int(),
});
export type QueueCounts = z.infer<typeof QueueCounts>;

export const ReviewQueue = z.object({
  /** Newest first. */
  items: z.array(QueueItem),
  /** Per status, with every filter but `status` applied. */
  counts: QueueCounts,
  nextCursor: z.string().nullable(),
});
export type ReviewQueue = z.infer<typeof ReviewQueue>;

export const AnnotationDecisionBody = z.strictObject({
  decision: z.enum(['accept', 'reject'], { error: 'decision must be accept or reject' }),
  comment: z
    .string({ error: 'comment must be a string' })
    .refine((value) => value.trim().length > 0, 'comment must not be empty')
    .refine((value) => [...value].length <= MAX_RATIONALE_CHARACTERS, `comment must be at most ${MAX_RATIONALE_CHARACTERS} characters`)
    .optional(),
});
export type AnnotationDecisionBody = z.infer<typeof AnnotationDecisionBody>;

export const SearchAnnotationsQuery = z.strictObject({
  /** Literal, case-insensitive substring of the quote or the note (2-character Chinese works). */
  q: z.string({ error: 'q is required' }).min(1, 'q must not be empty').max(MAX_SEARCH_CHARACTERS, `q must be at most ${MAX_SEARCH_CHARACTERS} characters`),
  workspaceId: z.uuid({ error: 'workspaceId must be a workspace id' }).optional(),
  tag: AnnotationTag.optional(),
  documentId: z.uuid({ error: 'documentId must be a document id' }).optional(),
  authorId: z.uuid({ error: 'authorId must be a user id' }).optional(),
  limit: Limit.default(20),
});
export type SearchAnnotationsQuery = z.infer<typeof SearchAnnotationsQuery>;

export const AnnotationSearchResult = z.object({ items: z.array(AnnotationInContext) });
export type AnnotationSearchResult = z.infer<typeof AnnotationSearchResult>;
