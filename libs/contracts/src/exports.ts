// Export requests (review memo, CSV, JSON, W3C) and the Glossa JSON export document they produce;
// docs/EXPORTS.md lists the formats, the CSV columns and the limits.
import { z } from 'zod';
import { Annotation, AnnotationStatus, AnnotationTag, PersonRef } from './annotations';
import { Comment, Link } from './links';

export const EXPORT_FORMATS = ['markdown', 'docx', 'csv', 'json', 'w3c'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS, { error: 'format must be markdown, docx, csv, json or w3c' });
export type ExportFormat = z.infer<typeof ExportFormat>;

/** `none`: shared annotations only (the default, fit for an editor); `own`: also the caller's private ones. */
export const IncludePrivate = z.enum(['none', 'own'], { error: 'includePrivate must be none or own' });
export type IncludePrivate = z.infer<typeof IncludePrivate>;

/** Response header with the number of annotations the export holds (for progress). */
export const EXPORT_COUNT_HEADER = 'x-glossa-annotation-count';

/** A workspace export names at most this many documents. */
export const MAX_EXPORT_DOCUMENT_IDS = 500;
/** A DOCX memo is built in memory, so it holds at most this many annotations (the Markdown memo streams). */
export const MAX_DOCX_ANNOTATIONS = 20_000;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` (a whole UTC day) or an ISO 8601 date-time with an offset. */
const DateBound = (name: string) =>
  z
    .string({ error: `${name} must be a date (YYYY-MM-DD) or an ISO date-time` })
    .max(40, `${name} must be a date (YYYY-MM-DD) or an ISO date-time`)
    .refine(
      (value) => (DATE_ONLY.test(value) || z.iso.datetime({ offset: true }).safeParse(value).success) && !Number.isNaN(Date.parse(value)),
      `${name} must be a date (YYYY-MM-DD) or an ISO date-time`,
    );

/** The instant a bound stands for: `from` is the day's start, `to` the end of its day (inclusive). */
export function exportBoundInstant(value: string, bound: 'from' | 'to'): Date {
  if (!DATE_ONLY.test(value)) return new Date(value);
  const start = new Date(`${value}T00:00:00.000Z`);
  return bound === 'from' ? start : new Date(start.getTime() + 86_400_000 - 1);
}

const ExportFilters = {
  format: ExportFormat,
  tag: AnnotationTag.optional(),
  status: AnnotationStatus.optional(),
  author: z.uuid({ error: 'author must be a user id' }).optional(),
  /** Created on or after (annotation creation time). */
  from: DateBound('from').optional(),
  /** Created on or before; a date means the whole day. */
  to: DateBound('to').optional(),
  includePrivate: IncludePrivate.default('none'),
};

const orderedBounds = (query: { from?: string; to?: string }) =>
  query.from === undefined || query.to === undefined || exportBoundInstant(query.from, 'from') <= exportBoundInstant(query.to, 'to');

export const DocumentExportQuery = z.strictObject(ExportFilters).refine(orderedBounds, { path: ['to'], message: 'to must not be before from' });
export type DocumentExportQuery = z.infer<typeof DocumentExportQuery>;

/** `documentIds`: comma-separated (or repeated) document ids of the workspace; all documents without it. */
export const DocumentIdList = z
  .union([z.string(), z.array(z.string())], { error: 'documentIds must be a list of document ids' })
  .transform((value) => (typeof value === 'string' ? value.split(',') : value).map((id) => id.trim()).filter((id) => id.length > 0))
  .pipe(
    z
    .array(z.uuid({ error: 'documentIds must hold document ids' }), { error: 'documentIds must be a list of document ids' })
    .min(1, 'documentIds must not be empty')
    .max(MAX_EXPORT_DOCUMENT_IDS, `documentIds holds at most ${MAX_EXPORT_DOCUMENT_IDS} ids`)
    .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]),
);

export const WorkspaceExportQuery = z
  .strictObject({ ...ExportFilters, documentIds: DocumentIdList.optional() })
  .refine(orderedBounds, { path: ['to'], message: 'to must not be before from' });
export type WorkspaceExportQuery = z.infer<typeof WorkspaceExportQuery>;

export const ExportedDocument = z.object({
  id: z.uuid(),
  title: z.string(),
  /** Where the text came from (the seed corpus's description, else how it was imported). */
  source: z.string(),
  language: z.string(),
  revisionId: z.uuid(),
  revisionNumber: z.number().int(),
  revisionCreated: z.iso.datetime(),
  /** Length of the revision's canonical text in Unicode code points (the unit of every offset). */
  textLength: z.number().int(),
});
export type ExportedDocument = z.infer<typeof ExportedDocument>;

/** One line of the event log about an exported annotation or link. */
export const ExportedEvent = z.object({
  seq: z.number().int(),
  type: z.string(),
  subjectId: z.uuid(),
  documentId: z.uuid().nullable(),
  actor: PersonRef.nullable(),
  at: z.iso.datetime(),
  changes: z.record(z.string(), z.unknown()),
});
export type ExportedEvent = z.infer<typeof ExportedEvent>;

/** A comment with what it is about (an annotation or a link). */
export const ExportedComment = Comment.extend({ annotationId: z.uuid().nullable(), linkId: z.uuid().nullable() });
export type ExportedComment = z.infer<typeof ExportedComment>;

/** `format=json`: the full model, re-importable; keys in this order. */
export const GlossaExport = z.object({
  glossa: z.literal('export'),
  version: z.literal(1),
  exportedAt: z.iso.datetime(),
  workspace: z.object({ id: z.uuid(), name: z.string() }),
  documents: z.array(ExportedDocument),
  annotations: z.array(Annotation),
  links: z.array(Link),
  comments: z.array(ExportedComment),
  events: z.array(ExportedEvent),
});
export type GlossaExport = z.infer<typeof GlossaExport>;

/** Ask for an export as a job instead of a download: `Prefer: respond-async` (RFC 7240) → 202. */
export const PREFER_ASYNC = 'respond-async';

export const EXPORT_JOB_STATUSES = ['running', 'done', 'failed'] as const;
export const ExportJobStatus = z.enum(EXPORT_JOB_STATUSES);
export type ExportJobStatus = z.infer<typeof ExportJobStatus>;

/** An export running (or run) as a job; its file is kept for a day once done. */
export const ExportJob = z.object({
  id: z.uuid(),
  status: ExportJobStatus,
  format: ExportFormat,
  /** The download's file name (as in its Content-Disposition). */
  fileName: z.string(),
  /** Annotations in the export, and how many are written so far. */
  total: z.number().int(),
  done: z.number().int(),
  bytes: z.number().int(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  /** Why a failed job failed, in words for people. */
  error: z.string().nullable(),
  /** Where to download the file once `done`; null before. */
  fileUrl: z.string().nullable(),
});
export type ExportJob = z.infer<typeof ExportJob>;

export const ExportJobList = z.object({ items: z.array(ExportJob) });
export type ExportJobList = z.infer<typeof ExportJobList>;
