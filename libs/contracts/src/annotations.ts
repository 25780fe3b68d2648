// Request, response and history shapes for annotations: a tagged, noted span of a document
// revision, anchored by a TextPositionSelector (code points) and a TextQuoteSelector (DESIGN 2, 3).
import { z } from 'zod';
import { DocumentDetail, DocumentFormat } from './documents';
import { MAX_BULK_ANNOTATIONS, MAX_IDEMPOTENCY_KEY_LENGTH, MAX_NOTE_CHARACTERS, MAX_QUOTE_CODE_POINTS } from './limits';

export const ANNOTATION_TAGS = ['claim', 'opinion', 'data'] as const;
export const AnnotationTag = z.enum(ANNOTATION_TAGS, { error: 'tag must be claim, opinion or data' });
export type AnnotationTag = z.infer<typeof AnnotationTag>;

export const AnnotationVisibility = z.enum(['shared', 'private'], { error: 'visibility must be shared or private' });
export type AnnotationVisibility = z.infer<typeof AnnotationVisibility>;

export const AnnotationStatus = z.enum(['draft', 'submitted', 'accepted', 'rejected']);
export type AnnotationStatus = z.infer<typeof AnnotationStatus>;

/** `detached`: no longer found in the current revision; kept with its old selectors and quote. */
export const AnchorStatus = z.enum(['anchored', 'detached']);
export type AnchorStatus = z.infer<typeof AnchorStatus>;

/** Header carrying a client-chosen key that makes a create safe to retry. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

const codePoints = (value: string): number => [...value].length;

const Offset = z
  .number({ error: 'offsets must be numbers (code points)' })
  .int('offsets must be whole code points')
  .nonnegative('offsets must not be negative');

const QuotePart = (name: string) =>
  z
    .string({ error: `${name} must be a string` })
    .refine((value) => codePoints(value) <= MAX_QUOTE_CODE_POINTS, `${name} must be at most ${MAX_QUOTE_CODE_POINTS} characters`);

export const TextPositionSelectorBody = z
  .strictObject({
    type: z.literal('TextPositionSelector'),
    start: Offset,
    end: Offset,
  })
  .refine((s) => s.start < s.end, { path: ['end'], message: 'end must be greater than start' });

export const TextQuoteSelectorBody = z.strictObject({
  type: z.literal('TextQuoteSelector'),
  exact: QuotePart('exact').refine((value) => value.length > 0, 'exact must not be empty'),
  prefix: QuotePart('prefix').optional(),
  suffix: QuotePart('suffix').optional(),
});

/** Either selector alone is enough (the server completes the other); each at most once. */
export const SelectorListBody = z
  .array(z.discriminatedUnion('type', [TextPositionSelectorBody, TextQuoteSelectorBody], { error: 'type must be TextPositionSelector or TextQuoteSelector' }), {
    error: 'selector must be a list of selectors',
  })
  .min(1, 'selector needs a TextPositionSelector or a TextQuoteSelector')
  .max(2, 'selector holds at most one selector of each type')
  .refine((list) => new Set(list.map((s) => s.type)).size === list.length, 'selector holds at most one selector of each type');

export const AnnotationTargetBody = z.strictObject({
  revisionId: z.uuid({ error: 'revisionId must be a revision id' }),
  selector: SelectorListBody,
});
export type AnnotationTargetBody = z.infer<typeof AnnotationTargetBody>;

export const Note = z
  .string({ error: 'note must be a string' })
  .refine((value) => codePoints(value) <= MAX_NOTE_CHARACTERS, `note must be at most ${MAX_NOTE_CHARACTERS} characters`);

export const CreateAnnotationBody = z.strictObject({
  tag: AnnotationTag,
  note: Note.nullable().optional(),
  visibility: AnnotationVisibility.default('shared'),
  target: AnnotationTargetBody,
});
export type CreateAnnotationBody = z.infer<typeof CreateAnnotationBody>;

export const UpdateAnnotationBody = z
  .strictObject({
    tag: AnnotationTag.optional(),
    note: Note.nullable().optional(),
    visibility: AnnotationVisibility.optional(),
    /** A new extent (or re-attaching a detached annotation) on the document's current revision. */
    target: AnnotationTargetBody.optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), 'send at least one of tag, note, visibility, target');
export type UpdateAnnotationBody = z.infer<typeof UpdateAnnotationBody>;

export const IdempotencyKey = z
  .string()
  .min(1, `Idempotency-Key must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`)
  .max(MAX_IDEMPOTENCY_KEY_LENGTH, `Idempotency-Key must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`);

export const ListAnnotationsQuery = z.strictObject({
  tag: AnnotationTag.optional(),
  authorId: z.uuid({ error: 'authorId must be a user id' }).optional(),
  visibility: AnnotationVisibility.optional(),
  status: AnnotationStatus.optional(),
  /** Literal, case-insensitive substring of the quote or the note. */
  q: z.string().max(200, 'q must be at most 200 characters').optional(),
});
export type ListAnnotationsQuery = z.infer<typeof ListAnnotationsQuery>;

export const TextPositionSelector = z.object({ type: z.literal('TextPositionSelector'), start: z.number().int(), end: z.number().int() });
export const TextQuoteSelector = z.object({ type: z.literal('TextQuoteSelector'), exact: z.string(), prefix: z.string(), suffix: z.string() });

export const PersonRef = z.object({ id: z.uuid(), name: z.string() });
export type PersonRef = z.infer<typeof PersonRef>;

export const Annotation = z.object({
  id: z.uuid(),
  documentId: z.uuid(),
  tag: AnnotationTag,
  note: z.string().nullable(),
  visibility: AnnotationVisibility,
  status: AnnotationStatus,
  /** Offsets count code points over the canonical text of target.revisionId. */
  target: z.object({ revisionId: z.uuid(), selector: z.tuple([TextPositionSelector, TextQuoteSelector]) }),
  anchorStatus: AnchorStatus,
  author: PersonRef,
  created: z.iso.datetime(),
  modified: z.iso.datetime(),
  /** Starts at 1; the ETag is this number in quotes; PATCH/DELETE send it back in If-Match. */
  version: z.number().int(),
  /** What the caller may do with this annotation. */
  abilities: z.object({ edit: z.boolean(), delete: z.boolean() }),
});
export type Annotation = z.infer<typeof Annotation>;

export const AnnotationList = z.object({
  /** The document's current revision; detached annotations point at an older one. */
  revisionId: z.uuid(),
  /** Document order; detached ones last. */
  items: z.array(Annotation),
});
export type AnnotationList = z.infer<typeof AnnotationList>;

export const ANNOTATION_EVENT_TYPES = [
  'annotation.created',
  'annotation.updated',
  'annotation.deleted',
  'annotation.restored',
  'annotation.reanchored',
  'annotation.submitted',
  'annotation.decided',
] as const;
export const AnnotationEventType = z.enum(ANNOTATION_EVENT_TYPES);
export type AnnotationEventType = z.infer<typeof AnnotationEventType>;

export const AnnotationHistoryEntry = z.object({
  /** The event log's sequence number (a decimal string would be safer past 2^53; ours stay far below). */
  seq: z.number().int(),
  type: AnnotationEventType,
  /** Null for changes made by the system (a re-import's re-anchoring by a removed account). */
  actor: PersonRef.nullable(),
  at: z.iso.datetime(),
  /** created: the initial fields; updated: `{field: {from, to}}`; reanchored: `{status, from, to}`. */
  changes: z.record(z.string(), z.unknown()),
});
export type AnnotationHistoryEntry = z.infer<typeof AnnotationHistoryEntry>;

export const AnnotationHistory = z.object({ items: z.array(AnnotationHistoryEntry) });
export type AnnotationHistory = z.infer<typeof AnnotationHistory>;

export const CreateRevisionBody = z.strictObject({
  format: DocumentFormat,
  content: z.string({ error: 'content is required' }).min(1, 'content must not be empty'),
});
export type CreateRevisionBody = z.infer<typeof CreateRevisionBody>;

export const ReanchorCounts = z.object({
  /** Same characters at the same offsets. */
  exact: z.number().int(),
  /** The same quote found elsewhere. */
  moved: z.number().int(),
  /** An approximate match; the stored quote now holds the new text. */
  fuzzy: z.number().int(),
  /** Not found: kept, listed last, with the old selectors and quote. */
  detached: z.number().int(),
});
export type ReanchorCounts = z.infer<typeof ReanchorCounts>;

export const RevisionImported = z.object({ document: DocumentDetail, reanchored: ReanchorCounts });
export type RevisionImported = z.infer<typeof RevisionImported>;

/** One annotation of a bulk delete or restore, with the version the caller last read. */
export const BulkAnnotationItem = z.strictObject({
  id: z.uuid({ error: 'id must be an annotation id' }),
  version: z.number({ error: 'version must be a number' }).int('version must be a whole number').min(1, 'version must be at least 1'),
});

/**
 * Delete or restore many annotations of one document at once: all or nothing. Each item names the
 * version last read (as If-Match does for one); one already in the asked-for state is left as it is,
 * so a retry of a request that did commit changes nothing twice.
 */
export const BulkAnnotationsBody = z.strictObject({
  items: z
    .array(BulkAnnotationItem, { error: 'items must be a list of {id, version}' })
    .min(1, 'name at least one annotation')
    .max(MAX_BULK_ANNOTATIONS, `at most ${MAX_BULK_ANNOTATIONS} annotations at once`)
    .superRefine((items, context) => {
      const seen = new Set<string>();
      items.forEach((item, index) => {
        if (seen.has(item.id)) context.addIssue({ code: 'custom', path: [index, 'id'], message: 'this annotation is listed twice' });
        seen.add(item.id);
      });
    }),
});
export type BulkAnnotationsBody = z.infer<typeof BulkAnnotationsBody>;

export const BulkAnnotationsResult = z.object({
  /** Every named annotation with its version now (send these to undo). */
  items: z.array(z.object({ id: z.uuid(), version: z.number().int() })),
  /** How many changed in this request (the rest were already in the asked-for state). */
  changed: z.number().int(),
});
export type BulkAnnotationsResult = z.infer<typeof BulkAnnotationsResult>;
