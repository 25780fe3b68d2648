// HTTP calls for documents: list a workspace's, read one, import into a workspace
// (pasted text as JSON, a file as multipart).
import { DocumentDetail, DocumentPage, RevisionImported, Routes, type DocumentFormat } from '@glossa/contracts';
import { apiRequest, fillPath } from './client';

export interface ListDocumentsParams {
  /** Named explicitly so a list never shows another workspace than the one on screen. */
  workspaceId?: string;
  cursor?: string | null;
  limit?: number;
}

export function listDocuments(params: ListDocumentsParams = {}, signal?: AbortSignal): Promise<DocumentPage> {
  const { workspaceId, cursor, limit } = params;
  return apiRequest(Routes.documents, DocumentPage, { query: { workspaceId, cursor, limit }, signal });
}

export function getDocument(id: string, signal?: AbortSignal): Promise<DocumentDetail> {
  return apiRequest(fillPath(Routes.document, { id }), DocumentDetail, { signal });
}

export type ImportSource = { kind: 'text'; content: string } | { kind: 'file'; file: File };

export interface ImportDocumentInput {
  /** The workspace shown when the import started; the server's current one when absent. */
  workspaceId?: string;
  title: string;
  format: DocumentFormat;
  source: ImportSource;
}

export function importDocument(input: ImportDocumentInput, signal?: AbortSignal): Promise<DocumentDetail> {
  if (input.source.kind === 'text') {
    return apiRequest(Routes.documents, DocumentDetail, {
      method: 'POST',
      json: { title: input.title, format: input.format, content: input.source.content, workspaceId: input.workspaceId },
      signal,
    });
  }
  // Fields go before the file part: a streaming multipart parser sees them first.
  const form = new FormData();
  if (input.workspaceId) form.append('workspaceId', input.workspaceId);
  form.append('title', input.title);
  form.append('format', input.format);
  form.append('file', input.source.file, input.source.file.name);
  return apiRequest(Routes.documents, DocumentDetail, { method: 'POST', form, signal });
}

export interface ImportRevisionInput {
  format: DocumentFormat;
  source: ImportSource;
}

/** A new version of a document: its annotations are re-anchored on the server, with counts per outcome. */
export function importRevision(documentId: string, input: ImportRevisionInput, signal?: AbortSignal): Promise<RevisionImported> {
  const path = fillPath(Routes.documentRevisions, { id: documentId });
  if (input.source.kind === 'text') {
    return apiRequest(path, RevisionImported, { method: 'POST', json: { format: input.format, content: input.source.content }, signal });
  }
  const form = new FormData();
  form.append('format', input.format);
  form.append('file', input.source.file, input.source.file.name);
  return apiRequest(path, RevisionImported, { method: 'POST', form, signal });
}
