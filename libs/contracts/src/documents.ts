// Request and response shapes for documents and their revisions.
import { z } from 'zod';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_TITLE_LENGTH } from './limits';

export const DocumentFormat = z.enum(['text', 'markdown', 'html']);
export type DocumentFormat = z.infer<typeof DocumentFormat>;

/** BCP 47 tags; `und` when the text has too few letters to tell. */
export const DocumentLanguage = z.enum(['zh-Hant', 'zh-Hans', 'en', 'und']);
export type DocumentLanguage = z.infer<typeof DocumentLanguage>;

export const Title = z
  .string({ error: 'title is required' })
  .trim()
  .min(1, 'title must not be empty')
  .max(MAX_TITLE_LENGTH, `title must be at most ${MAX_TITLE_LENGTH} characters`);

/** Names one of the caller's workspaces; omitted means their current one. */
export const WorkspaceRef = z.uuid({ error: 'workspaceId must be a workspace id' });

export const CreateDocumentBody = z.strictObject({
  title: Title,
  format: DocumentFormat,
  // Size is checked in bytes by the import use case (413), emptiness here.
  content: z.string({ error: 'content is required' }).min(1, 'content must not be empty'),
  workspaceId: WorkspaceRef.optional(),
});
export type CreateDocumentBody = z.infer<typeof CreateDocumentBody>;

export const ListDocumentsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(200).optional(),
  workspaceId: WorkspaceRef.optional(),
});
export type ListDocumentsQuery = z.infer<typeof ListDocumentsQuery>;

export const DocumentSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  language: DocumentLanguage,
  format: DocumentFormat,
  /** Length of the current revision's canonical text, in Unicode code points. */
  length: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const DocumentPage = z.object({
  items: z.array(DocumentSummary),
  nextCursor: z.string().nullable(),
});
export type DocumentPage = z.infer<typeof DocumentPage>;

export const RevisionView = z.object({
  id: z.uuid(),
  number: z.number().int(),
  createdAt: z.iso.datetime(),
  /** ProseMirror JSON in the schema of @glossa/editor-schema. */
  doc: z.record(z.string(), z.unknown()),
  /** Canonical text length in Unicode code points (the unit every offset counts in). */
  textLength: z.number().int(),
  offsetUnit: z.literal('codepoint'),
});
export type RevisionView = z.infer<typeof RevisionView>;

export const DocumentDetail = DocumentSummary.extend({
  /** The workspace the document belongs to (a person may belong to several). */
  workspaceId: z.uuid(),
  revision: RevisionView,
});
export type DocumentDetail = z.infer<typeof DocumentDetail>;

export const HealthBody = z.object({ status: z.enum(['ok', 'unavailable']) });
export type HealthBody = z.infer<typeof HealthBody>;
