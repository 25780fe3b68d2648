import { DocumentPage } from '@glossa/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, ClientErrorCode, apiRequest, apiSend, apiUrl, fillPath, parseApiError, parseRetryAfter } from './client';
import { CSRF_COOKIE, CSRF_HEADER, readCookie } from './csrf';

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
    vi.stubGlobal('document', { cookie: `${CSRF_COOKIE}=t` });
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

describe('Retry-After', () => {
  it.each([
    ['120', 120],
    [' 7 ', 7],
    ['0', 0],
    ['soon', undefined],
    ['', undefined],
    ['-5', undefined],
  ])('%j → %j seconds', (value, seconds) => {
    expect(parseRetryAfter(value)).toBe(seconds);
  });

  it('reads an HTTP date relative to now, never negative', () => {
    const now = Date.parse('2026-03-01T10:00:00Z');
    expect(parseRetryAfter('Sun, 01 Mar 2026 10:01:30 GMT', now)).toBe(90);
    expect(parseRetryAfter('Sun, 01 Mar 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('is carried by the ApiError of a 429', async () => {
    const response = new Response(JSON.stringify({ error: { code: 'rate_limited', message: 'Too many sign-in attempts' } }), {
      status: 429,
      headers: { 'Content-Type': 'application/json', 'Retry-After': '42' },
    });
    const error = await parseApiError(response);
    expect({ status: error.status, code: error.code, retryAfterSeconds: error.retryAfterSeconds }).toEqual({ status: 429, code: 'rate_limited', retryAfterSeconds: 42 });
  });
});

describe('readCookie', () => {
  it.each([
    ['glossa_csrf=abc', 'abc'],
    ['a=1; glossa_csrf=abc; b=2', 'abc'],
    ['xglossa_csrf=evil; glossa_csrf=good', 'good'],
    ['glossa_csrf_old=stale', undefined],
    ['glossa_csrf=a%2Bb%3D', 'a+b='],
    ['glossa_csrf="quoted"', 'quoted'],
    ['glossa_csrf=', undefined],
    ['glossa_csrf=%E0%A4%A', '%E0%A4%A'],
    ['', undefined],
  ])('%j → %j', (cookies, value) => {
    expect(readCookie(cookies, CSRF_COOKIE)).toBe(value);
  });
});

describe('CSRF token on requests', () => {
  type Call = { url: string; method: string; headers: Headers; body: RequestInit['body'] };
  let calls: Call[];
  /** Stands in for `document`: the client reads `cookie` from it on every request. */
  let page: { cookie: string };

  function serve(handler: (call: Call) => Response | Promise<Response>) {
    vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
      const call = { url, method: init.method ?? 'GET', headers: new Headers(init.headers), body: init.body };
      calls.push(call);
      return handler(call);
    });
  }

  const csrfFailed = () => json({ error: { code: 'csrf_failed', message: 'CSRF token missing or invalid' } }, 403);

  beforeEach(() => {
    calls = [];
    page = { cookie: `session_hint=1; ${CSRF_COOKIE}=tok-1` };
    vi.stubGlobal('document', page);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('sends no token with a GET', async () => {
    serve(() => json({ items: [], nextCursor: null }, 200));
    await apiRequest('/documents', DocumentPage);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.headers.has(CSRF_HEADER)).toBe(false);
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'] as const)('sends the cookie value as %s header', async (method) => {
    serve(() => new Response(null, { status: 204 }));
    await apiSend('/things/1', { method, json: method === 'DELETE' ? undefined : { a: 1 } });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.method).toBe(method);
    expect(calls[0]!.headers.get(CSRF_HEADER)).toBe('tok-1');
  });

  it('adds the token to multipart uploads without setting a content type', async () => {
    serve(() => json({ items: [], nextCursor: null }, 201));
    const form = new FormData();
    form.append('title', 't');
    form.append('file', new Blob(['x'], { type: 'text/plain' }), 'a.txt');
    await apiRequest('/documents', DocumentPage, { method: 'POST', form });
    expect(calls[0]!.headers.get(CSRF_HEADER)).toBe('tok-1');
    expect(calls[0]!.headers.has('Content-Type')).toBe(false);
    expect(calls[0]!.body).toBe(form);
  });

  it('reads the cookie afresh for each request', async () => {
    serve(() => new Response(null, { status: 204 }));
    await apiSend('/auth/logout', { method: 'POST' });
    page.cookie = `${CSRF_COOKIE}=tok-2`;
    await apiSend('/auth/logout', { method: 'POST' });
    expect(calls.map((c) => c.headers.get(CSRF_HEADER))).toEqual(['tok-1', 'tok-2']);
  });

  it('on a first visit without the cookie, GETs /api/me first so the server sets it', async () => {
    page.cookie = '';
    serve((call) => {
      if (call.method === 'GET') {
        // What the browser does with the server's Set-Cookie on any GET.
        page.cookie = `${CSRF_COOKIE}=fresh`;
        return json({ error: { code: 'unauthenticated', message: 'Sign in first' } }, 401);
      }
      return new Response(null, { status: 204 });
    });
    await apiSend('/auth/login', { method: 'POST', json: { email: 'a@b.c', password: 'x' } });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['GET /api/me', 'POST /api/auth/login']);
    expect(calls[0]!.headers.has(CSRF_HEADER)).toBe(false);
    expect(calls[1]!.headers.get(CSRF_HEADER)).toBe('fresh');
  });

  it('shares one priming GET between concurrent mutations', async () => {
    page.cookie = '';
    serve(async (call) => {
      if (call.method === 'GET') {
        await new Promise((resolve) => setTimeout(resolve, 5));
        page.cookie = `${CSRF_COOKIE}=shared`;
        return json({ error: { code: 'unauthenticated', message: 'Sign in first' } }, 401);
      }
      return new Response(null, { status: 204 });
    });
    await Promise.all([apiSend('/a', { method: 'POST' }), apiSend('/b', { method: 'DELETE' })]);
    expect(calls.filter((c) => c.method === 'GET')).toHaveLength(1);
    expect(calls.filter((c) => c.method !== 'GET').map((c) => c.headers.get(CSRF_HEADER))).toEqual(['shared', 'shared']);
  });

  it('still sends the request when no cookie can be had, and reports the refusal', async () => {
    page.cookie = '';
    serve((call) => (call.method === 'GET' ? json({ error: { code: 'unauthenticated', message: 'x' } }, 401) : csrfFailed()));
    const error = await apiSend('/auth/login', { method: 'POST', json: {} }).catch((e: unknown) => e);
    expect((error as ApiError).code).toBe('csrf_failed');
    expect(calls.map((c) => c.method)).toEqual(['GET', 'POST', 'GET']);
    expect(calls[1]!.headers.has(CSRF_HEADER)).toBe(false);
  });

  it('retries once with the new value when the cookie changed under the page', async () => {
    let posts = 0;
    serve(() => {
      posts++;
      if (posts === 1) {
        page.cookie = `${CSRF_COOKIE}=tok-rotated`;
        return csrfFailed();
      }
      return new Response(null, { status: 204 });
    });
    await apiSend('/auth/password', { method: 'POST', json: { currentPassword: 'a', newPassword: 'b' } });
    expect(calls.map((c) => c.headers.get(CSRF_HEADER))).toEqual(['tok-1', 'tok-rotated']);
    expect(calls[1]!.body).toBe(calls[0]!.body);
  });

  it('does not retry when the cookie is unchanged, nor loop on a second refusal', async () => {
    serve(csrfFailed);
    const unchanged = await apiSend('/x', { method: 'POST' }).catch((e: unknown) => e);
    expect((unchanged as ApiError).code).toBe('csrf_failed');
    expect(calls).toHaveLength(1);

    calls = [];
    serve(() => {
      page.cookie = `${CSRF_COOKIE}=tok-${calls.length + 10}`;
      return csrfFailed();
    });
    const twice = await apiSend('/x', { method: 'POST' }).catch((e: unknown) => e);
    expect((twice as ApiError).status).toBe(403);
    expect(calls).toHaveLength(2);
  });

  it('does not retry other 403s', async () => {
    serve(() => {
      page.cookie = `${CSRF_COOKIE}=tok-other`;
      return json({ error: { code: 'forbidden', message: 'Not allowed' } }, 403);
    });
    const error = await apiSend('/workspaces/w/members/u', { method: 'DELETE' }).catch((e: unknown) => e);
    expect((error as ApiError).code).toBe('forbidden');
    expect(calls).toHaveLength(1);
  });
});

describe('apiSend', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('resolves on 204 and throws the ApiError of a 409', async () => {
    vi.stubGlobal('document', { cookie: `${CSRF_COOKIE}=t` });
    vi.stubGlobal('fetch', async () => new Response(null, { status: 204 }));
    await expect(apiSend('/auth/tokens/1', { method: 'DELETE' })).resolves.toBeUndefined();
    vi.stubGlobal('fetch', async () => json({ error: { code: 'conflict', message: 'A workspace needs an owner' } }, 409));
    const error = await apiSend('/workspaces/w/members/u', { method: 'DELETE' }).catch((e: unknown) => e);
    expect((error as ApiError).status).toBe(409);
    expect((error as ApiError).code).toBe('conflict');
  });
});
