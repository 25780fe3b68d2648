// Public API paths, named once. Scripts and other tools rely on these exact paths.
import type { z } from 'zod';
import { ApiErrorBody } from './errors';
import { CreateDocumentBody, DocumentDetail, DocumentPage, HealthBody, ListDocumentsQuery } from './documents';

export const API_PREFIX = '/api';

export const Routes = {
  health: '/health',
  docs: '/docs',
  documents: '/documents',
  document: '/documents/:id',
  documentText: '/documents/:id/text',
} as const;

export interface RouteDoc {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  summary: string;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Content types accepted besides JSON (documented only). */
  alsoAccepts?: string[];
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
}

const errorResponse = (description: string) => ({ description, schema: ApiErrorBody });

/** The route table the OpenAPI document is generated from. */
export const routeDocs: RouteDoc[] = [
  {
    method: 'get',
    path: Routes.health,
    summary: 'Liveness and database reachability',
    responses: { 200: { description: 'The database answers', schema: HealthBody }, 503: { description: 'The database does not answer', schema: HealthBody } },
  },
  {
    method: 'get',
    path: Routes.documents,
    summary: 'List documents, newest first (cursor pagination)',
    query: ListDocumentsQuery,
    responses: { 200: { description: 'A page of documents', schema: DocumentPage }, 400: errorResponse('Bad query') },
  },
  {
    method: 'post',
    path: Routes.documents,
    summary: 'Import a document (JSON body, or multipart with fields title, format and a file)',
    body: CreateDocumentBody,
    alsoAccepts: ['multipart/form-data'],
    responses: {
      201: { description: 'Imported', schema: DocumentDetail },
      400: errorResponse('Invalid fields'),
      413: errorResponse('Content over the limit'),
      415: errorResponse('Not text (binary, NUL bytes) or an unsupported media type'),
      422: errorResponse('Not valid UTF-8, or too deep / too long to lay out'),
    },
  },
  {
    method: 'get',
    path: Routes.document,
    summary: 'A document with its current revision (ProseMirror JSON)',
    responses: { 200: { description: 'The document', schema: DocumentDetail }, 404: errorResponse('No such document') },
  },
  {
    method: 'get',
    path: Routes.documentText,
    summary: 'The canonical plain text of the current revision; offsets count code points in this text',
    responses: { 200: { description: 'text/plain; charset=utf-8', contentType: 'text/plain' }, 404: errorResponse('No such document') },
  },
];
