import { DocumentPage } from '@glossa/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, ClientErrorCode, apiRequest, apiUrl, fillPath, parseApiError } from './client';

const json = (body: unknown, status: number, statusText = '') =>
  new Response(JSON.stringify(body), { status, statusText, headers: { 'Content-Type': 'application/json' } });

describe('parseApiError', () => {
  it('reads code, message and field errors from an ApiErrorBody', async () => {
    const error = await parseApiError(
      json(
        {
          error: {
            code: 'validation_failed',
            message: 'Invalid request body',
            fields: [
              { path: 'title', message: 'title must not be empty' },
              { path: 'content', message: 'content is required' },
            ],
          },
        },
        400,
      ),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(Error);
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('Invalid request body');
    expect(error.fromServer).toBe(true);
    expect(error.fields).toEqual([
      { path: 'title', message: 'title must not be empty' },
      { path: 'content', message: 'content is required' },
    ]);
  });

  it.each([
    [413, 'payload_too_large', 'Content is 6291456 bytes; the limit is 5242880'],
    [415, 'unsupported_media_type', 'The file contains NUL bytes'],
    [422, 'unprocessable_content', 'Content is not valid UTF-8'],
    [404, 'not_found', 'No document with this id'],
  ])('keeps the server message of a %i without fields', async (status, code, message) => {
    const error = await parseApiError(json({ error: { code, message } }, status));
    expect({ status: error.status, code: error.code, message: error.message, fields: error.fields }).toEqual({ status, code, message, fields: [] });
    expect(error.isNotFound).toBe(status === 404);
  });

  it('falls back to the status when the body is not JSON (a proxy error page)', async () => {
    const error = await parseApiError(new Response('<html><body>Bad gateway</body></html>', { status: 502, statusText: 'Bad Gateway' }));
    expect(error.status).toBe(502);
    expect(error.code).toBe(ClientErrorCode.Http);
    expect(error.fromServer).toBe(false);
    expect(error.message).toContain('502 Bad Gateway');
    expect(error.fields).toEqual([]);
  });

  it('falls back when the JSON is not an ApiErrorBody', async () => {
    const error = await parseApiError(json({ statusCode: 500, message: 'Internal server error' }, 500));
    expect(error.code).toBe(ClientErrorCode.Http);
    expect(error.status).toBe(500);
    expect(error.fromServer).toBe(false);
  });

  it('handles an empty body', async () => {
    const error = await parseApiError(new Response(null, { status: 503 }));
    expect(error.status).toBe(503);
    expect(error.code).toBe(ClientErrorCode.Http);
  });
});

describe('URLs', () => {
  it('fills and encodes path parameters', () => {
    expect(fillPath('/documents/:id', { id: 'a b/c' })).toBe('/documents/a%20b%2Fc');
    expect(() => fillPath('/documents/:id')).toThrow(/id/);
  });

  it('prefixes /api and drops empty query values', () => {
    expect(apiUrl('/documents', { cursor: null, limit: 20, q: undefined })).toBe('/api/documents?limit=20');
    expect(apiUrl('/documents')).toBe('/api/documents');
  });
});

describe('apiRequest', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('sends same-origin credentials and returns the parsed body', async () => {
    const page = { items: [], nextCursor: null };
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => json(page, 200));
    vi.stubGlobal('fetch', fetchMock);
    await expect(apiRequest('/documents', DocumentPage, { query: { limit: 5 } })).resolves.toEqual(page);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/documents?limit=5');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.method).toBe('GET');
  });

  it('sends JSON bodies with a JSON content type', async () => {
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => json({ items: [], nextCursor: null }, 200));
    vi.stubGlobal('fetch', fetchMock);
    await apiRequest('/documents', DocumentPage, { method: 'POST', json: { title: '標題' } });
    const init = fetchMock.mock.calls[0]![1]!;
    expect(new Headers(init.headers).get('Content-Type')).toBe('application/json');
    expect(init.body).toBe('{"title":"標題"}');
  });

  it('throws the parsed ApiError for an error status', async () => {
    vi.stubGlobal('fetch', async () => json({ error: { code: 'not_found', message: 'No such document' } }, 404));
    const error = await apiRequest('/documents/x', DocumentPage).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('not_found');
  });

  it('turns a network failure into a status-0 ApiError', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = await apiRequest('/documents', DocumentPage).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(0);
    expect((error as ApiError).code).toBe(ClientErrorCode.Network);
  });

  it('rethrows an abort as is', async () => {
    const controller = new AbortController();
    const abort = new DOMException('aborted', 'AbortError');
    vi.stubGlobal('fetch', async () => {
      controller.abort();
      throw abort;
    });
    await expect(apiRequest('/documents', DocumentPage, { signal: controller.signal })).rejects.toBe(abort);
  });

  it('rejects a body that breaks the contract', async () => {
    vi.stubGlobal('fetch', async () => json({ items: 'nope' }, 200));
    const error = await apiRequest('/documents', DocumentPage).catch((e: unknown) => e);
    expect((error as ApiError).code).toBe(ClientErrorCode.InvalidResponse);
  });
});
