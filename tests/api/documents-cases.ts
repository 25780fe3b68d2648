// Bad document imports and the status and field each must be refused with.
import { MAX_DOCUMENT_BYTES } from '@glossa/contracts';

export interface BadImportCase {
  name: string;
  /** A JSON body, or a raw body with its content type. */
  body: unknown;
  raw?: { contentType: string; data: string };
  status: number;
  code: string;
  field?: string;
}

const PNG_HEADER = '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR';

export const badImportCases: BadImportCase[] = [
  { name: 'empty title', body: { title: '', format: 'text', content: 'x' }, status: 400, code: 'validation_failed', field: 'title' },
  { name: 'blank title', body: { title: '   ', format: 'text', content: 'x' }, status: 400, code: 'validation_failed', field: 'title' },
  { name: 'missing title', body: { format: 'text', content: 'x' }, status: 400, code: 'validation_failed', field: 'title' },
  { name: 'title over 300 characters', body: { title: 'a'.repeat(301), format: 'text', content: 'x' }, status: 400, code: 'validation_failed', field: 'title' },
  { name: 'empty content', body: { title: 't', format: 'text', content: '' }, status: 400, code: 'validation_failed', field: 'content' },
  { name: 'content of only blank lines', body: { title: 't', format: 'text', content: '\n \n\t\n' }, status: 400, code: 'validation_failed', field: 'content' },
  { name: 'unknown format', body: { title: 't', format: 'pdf', content: 'x' }, status: 400, code: 'validation_failed', field: 'format' },
  { name: 'content as a number', body: { title: 't', format: 'text', content: 42 }, status: 400, code: 'validation_failed', field: 'content' },
  // workspaceId is a field now (the target workspace); fields the server sets itself are not.
  { name: 'extra field authorId', body: { title: 't', format: 'text', content: 'x', authorId: '00000000-0000-4000-8000-000000000000' }, status: 400, code: 'validation_failed' },
  { name: 'a workspaceId that is not an id', body: { title: 't', format: 'text', content: 'x', workspaceId: 'mine' }, status: 400, code: 'validation_failed', field: 'workspaceId' },
  { name: 'NUL bytes (binary)', body: { title: 't', format: 'text', content: 'a\u0000b' }, status: 415, code: 'unsupported_media_type', field: 'content' },
  { name: 'a PNG pasted as markdown', body: { title: 't', format: 'markdown', content: PNG_HEADER }, status: 415, code: 'unsupported_media_type', field: 'content' },
  { name: 'a lone surrogate', body: { title: 't', format: 'text', content: 'a\ud800b' }, status: 422, code: 'unprocessable_content', field: 'content' },
  { name: 'content over the limit', body: { title: 't', format: 'text', content: 'a'.repeat(MAX_DOCUMENT_BYTES + 1) }, status: 413, code: 'payload_too_large' },
  { name: 'a 10 MB single line', body: { title: 't', format: 'text', content: 'a'.repeat(10 * 1024 * 1024) }, status: 413, code: 'payload_too_large' },
  { name: 'malformed JSON', body: null, raw: { contentType: 'application/json', data: '{"title": "t", ' }, status: 400, code: 'malformed_json' },
  { name: 'a JSON array', body: null, raw: { contentType: 'application/json', data: '[1,2]' }, status: 400, code: 'validation_failed' },
];
