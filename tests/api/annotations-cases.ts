// Bad annotation creates and the status, code and field each must be refused with. Bodies are
// built against the test document: `target` is a phrase after astral characters, at code points
// [start, end) of a text `length` code points long, whose UTF-16 offsets are start16/end16.
import { MAX_NOTE_CHARACTERS } from '@glossa/contracts';

export interface TargetContext {
  revisionId: string;
  start: number;
  end: number;
  start16: number;
  end16: number;
  length: number;
  phrase: string;
  /** A word that occurs twice in the text. */
  repeated: string;
}

export type Caller = 'analyst' | 'viewer' | 'stranger' | 'anonymous';

export interface BadCreateCase {
  name: string;
  body: (c: TargetContext) => unknown;
  /** A raw body with its content type instead of JSON. */
  raw?: { contentType: string; data: string };
  headers?: Record<string, string>;
  as?: Caller;
  status: number;
  code: string;
  field?: string;
}

const position = (start: unknown, end: unknown) => ({ type: 'TextPositionSelector', start, end });
const quote = (exact: string, more: Record<string, string> = {}) => ({ type: 'TextQuoteSelector', exact, ...more });
const body = (c: TargetContext, selector: unknown[], extra: Record<string, unknown> = {}) => ({ tag: 'claim', target: { revisionId: c.revisionId, selector }, ...extra });
const at = (c: TargetContext) => [position(c.start, c.end)];

export const badCreateCases: BadCreateCase[] = [
  { name: 'a negative offset', body: (c) => body(c, [position(-1, c.end)]), status: 400, code: 'validation_failed', field: 'target.selector.0.start' },
  { name: 'a fractional offset', body: (c) => body(c, [position(c.start + 0.5, c.end)]), status: 400, code: 'validation_failed', field: 'target.selector.0.start' },
  { name: 'an offset as a string', body: (c) => body(c, [position(String(c.start), c.end)]), status: 400, code: 'validation_failed', field: 'target.selector.0.start' },
  { name: 'start equal to end', body: (c) => body(c, [position(c.start, c.start)]), status: 400, code: 'validation_failed', field: 'target.selector.0.end' },
  { name: 'start after end', body: (c) => body(c, [position(c.end, c.start)]), status: 400, code: 'validation_failed', field: 'target.selector.0.end' },
  { name: 'an end past the text', body: (c) => body(c, [position(c.length - 1, c.length + 5)]), status: 400, code: 'validation_failed', field: 'target.selector' },
  { name: 'a quote that does not match the position', body: (c) => body(c, [position(c.start, c.end), quote('不是這段')]), status: 422, code: 'unprocessable_content', field: 'target.selector' },
  {
    name: 'UTF-16 offsets (the drift bug): quote and position disagree',
    body: (c) => body(c, [position(c.start16, c.end16), quote(c.phrase)]),
    status: 422,
    code: 'unprocessable_content',
    field: 'target.selector',
  },
  { name: 'a quote that is not in the text', body: (c) => body(c, [quote('這句話不在文中')]), status: 422, code: 'unprocessable_content', field: 'target.selector' },
  { name: 'a quote that occurs twice', body: (c) => body(c, [quote(c.repeated)]), status: 422, code: 'unprocessable_content', field: 'target.selector' },
  { name: 'an empty selector list', body: (c) => body(c, []), status: 400, code: 'validation_failed', field: 'target.selector' },
  { name: 'two position selectors', body: (c) => body(c, [position(c.start, c.end), position(c.start, c.end)]), status: 400, code: 'validation_failed', field: 'target.selector' },
  { name: 'an unknown selector type', body: (c) => body(c, [{ type: 'XPathSelector', value: '/p[1]' }]), status: 400, code: 'validation_failed', field: 'target.selector.0.type' },
  { name: 'no target', body: () => ({ tag: 'claim' }), status: 400, code: 'validation_failed', field: 'target' },
  { name: 'an unknown tag', body: (c) => body(c, at(c), { tag: 'fact' }), status: 400, code: 'validation_failed', field: 'tag' },
  { name: 'a note over the limit', body: (c) => body(c, at(c), { note: 'n'.repeat(MAX_NOTE_CHARACTERS + 1) }), status: 400, code: 'validation_failed', field: 'note' },
  { name: 'an unknown visibility', body: (c) => body(c, at(c), { visibility: 'public' }), status: 400, code: 'validation_failed', field: 'visibility' },
  { name: 'extra field authorId', body: (c) => body(c, at(c), { authorId: '00000000-0000-4000-8000-000000000000' }), status: 400, code: 'validation_failed' },
  { name: 'extra field version', body: (c) => body(c, at(c), { version: 7 }), status: 400, code: 'validation_failed' },
  { name: 'extra field createdAt', body: (c) => body(c, at(c), { createdAt: '2020-01-01T00:00:00Z' }), status: 400, code: 'validation_failed' },
  { name: 'extra field status', body: (c) => body(c, at(c), { status: 'accepted' }), status: 400, code: 'validation_failed' },
  { name: 'a revisionId that is not the current revision', body: (c) => ({ tag: 'claim', target: { revisionId: '00000000-0000-4000-8000-000000000000', selector: at(c) } }), status: 409, code: 'conflict', field: 'target.revisionId' },
  { name: 'an Idempotency-Key over 200 characters', body: (c) => body(c, at(c)), headers: { 'idempotency-key': 'k'.repeat(201) }, status: 400, code: 'validation_failed', field: 'Idempotency-Key' },
  { name: 'malformed JSON', body: () => null, raw: { contentType: 'application/json', data: '{"tag": "claim", ' }, status: 400, code: 'malformed_json' },
  { name: 'a 10 MB body', body: (c) => body(c, at(c), { note: 'n'.repeat(10 * 1024 * 1024) }), status: 413, code: 'payload_too_large' },
  { name: "a document of another workspace (as a stranger)", body: (c) => body(c, at(c)), as: 'stranger', status: 404, code: 'not_found' },
  { name: 'a viewer', body: (c) => body(c, at(c)), as: 'viewer', status: 403, code: 'forbidden' },
  { name: 'nobody signed in', body: (c) => body(c, at(c)), as: 'anonymous', status: 401, code: 'unauthenticated' },
];

/** PATCH bodies refused with 400: fields the server owns, and nothing to change. */
export const badUpdateCases: Array<{ name: string; body: Record<string, unknown>; field?: string }> = [
  { name: 'authorId', body: { authorId: '00000000-0000-4000-8000-000000000000' } },
  { name: 'status', body: { status: 'accepted' } },
  { name: 'version', body: { version: 9 } },
  { name: 'createdAt', body: { createdAt: '2020-01-01T00:00:00Z' } },
  { name: 'an unknown tag', body: { tag: 'fact' }, field: 'tag' },
  { name: 'an empty body', body: {} },
];
