// The one way the browser talks to the API: builds /api URLs, sends JSON or multipart with
// the CSRF token on every mutation, validates answers against the shared contracts and
// turns failures into ApiError.
import { API_PREFIX, ApiErrorBody, ErrorCode, Routes, type FieldError } from '@glossa/contracts';
import type { z } from 'zod';
import { CSRF_HEADER, currentCsrfToken, isMutating } from './csrf';

/** Any GET sets the CSRF cookie when the browser has none; this one is cheap and always routed. */
const CSRF_PRIMING_PATH = Routes.me;

/** Error codes the client assigns itself, next to the server's ErrorCode values. */
export const ClientErrorCode = {
  /** fetch itself failed: offline, DNS, connection refused. */
  Network: 'network_error',
  /** A response arrived but its body is not what the contract promises. */
  InvalidResponse: 'invalid_response',
  /** An error status without an ApiErrorBody (a proxy page, an empty 502). */
  Http: 'http_error',
} as const;

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status; 0 when no response arrived. */
    readonly status: number,
    /** The server's stable error code, or one of ClientErrorCode. */
    readonly code: string,
    message: string,
    readonly fields: readonly FieldError[] = [],
    /** True when `message` is the server's own explanation (an ApiErrorBody). */
    readonly fromServer = false,
    /** Seconds to wait before trying again, from a `Retry-After` header (429, 503). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/**
 * `Retry-After` as whole seconds from now: either delay-seconds or an HTTP date
 * (RFC 9110 §10.2.3); undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  // An HTTP date always names its weekday and month; this keeps `-5` from parsing as a year.
  const at = /[a-z]/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** Reads a failed response into an ApiError; never throws, whatever the body holds. */
export async function parseApiError(response: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  let text = '';
  try {
    text = await response.text();
  } catch {
    // A body that cannot be read is treated like an empty one.
  }
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const parsed = ApiErrorBody.safeParse(json);
  if (parsed.success) {
    const { code, message, fields } = parsed.data.error;
    return new ApiError(response.status, code, message, fields ?? [], true, retryAfter);
  }
  const reason = response.statusText ? `${response.status} ${response.statusText}` : String(response.status);
  return new ApiError(response.status, ClientErrorCode.Http, `Request failed with HTTP ${reason}`, [], false, retryAfter);
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Undefined and null values are left out of the query string. */
  query?: Record<string, QueryValue>;
  /** Sent as application/json. */
  json?: unknown;
  /** Sent as multipart/form-data (the browser sets the boundary). */
  form?: FormData;
  /** Extra request headers (If-Match, Idempotency-Key); never Content-Type or the CSRF token. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** `/documents/:id` + `{ id }` → `/documents/<encoded id>`. */
export function fillPath(pattern: string, params: Record<string, string> = {}): string {
  return pattern.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter "${name}" for ${pattern}`);
    return encodeURIComponent(value);
  });
}

export function apiUrl(path: string, query: Record<string, QueryValue> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) search.set(key, String(value));
  }
  const qs = search.toString();
  return `${API_PREFIX}${path}${qs ? `?${qs}` : ''}`;
}

let priming: Promise<void> | null = null;

/** One GET so the server sets the CSRF cookie; concurrent callers share it. */
function primeCsrfCookie(): Promise<void> {
  priming ??= fetch(apiUrl(CSRF_PRIMING_PATH), { method: 'GET', headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(
      (response) => response.body?.cancel(),
      () => undefined,
    )
    .then(() => {
      priming = null;
    });
  return priming;
}

/** The cookie's token, fetching one first on a first visit that has none yet. */
async function csrfTokenForRequest(): Promise<string | undefined> {
  const token = currentCsrfToken();
  if (token) return token;
  await primeCsrfCookie();
  return currentCsrfToken();
}

/** Sends one request; resolves with a 2xx response, throws ApiError for anything else. */
async function send(path: string, options: RequestOptions): Promise<Response> {
  let body: BodyInit | undefined;
  let contentType: string | undefined;
  if (options.json !== undefined) {
    contentType = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form) {
    // The browser sets the multipart boundary itself.
    body = options.form;
  }
  const method = options.method ?? (body === undefined ? 'GET' : 'POST');
  const mutating = isMutating(method);

  const attempt = async (csrfToken: string | undefined): Promise<Response> => {
    const headers = new Headers({ ...options.headers, Accept: 'application/json' });
    if (contentType) headers.set('Content-Type', contentType);
    if (csrfToken) headers.set(CSRF_HEADER, csrfToken);
    try {
      return await fetch(apiUrl(path, options.query), { method, headers, body, credentials: 'same-origin', signal: options.signal });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const detail = error instanceof Error ? error.message : String(error);
      throw new ApiError(0, ClientErrorCode.Network, `Network request failed: ${detail}`);
    }
  };

  const sentToken = mutating ? await csrfTokenForRequest() : undefined;
  let response = await attempt(sentToken);
  if (!response.ok && mutating && response.status === 403) {
    const error = await parseApiError(response);
    // The cookie can change under a page (another tab signed in, the server rotated it):
    // a refused token gets exactly one retry with the fresh value. The server refused
    // before acting, so repeating the request is safe.
    const fresh = error.code === ErrorCode.CsrfFailed ? await csrfTokenForRequest() : undefined;
    if (!fresh || fresh === sentToken) throw error;
    response = await attempt(fresh);
  }
  if (!response.ok) throw await parseApiError(response);
  return response;
}

/**
 * Sends one request and returns the body parsed by `schema`.
 * Throws ApiError for error statuses, network failures and off-contract bodies;
 * an abort is rethrown as is so the query cache can tell it from a failure.
 */
export async function apiRequest<T>(path: string, schema: z.ZodType<T>, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  let json: unknown;
  try {
    json = await response.json();
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(response.status, ClientErrorCode.InvalidResponse, 'Response body is not JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? `${first.path.join('.') || '(body)'}: ${first.message}` : 'unknown shape';
    throw new ApiError(response.status, ClientErrorCode.InvalidResponse, `Response does not match the contract (${where})`);
  }
  return parsed.data;
}

/** Sends one request whose success carries no body (204); same errors as apiRequest. */
export async function apiSend(path: string, options: RequestOptions = {}): Promise<void> {
  const response = await send(path, options);
  await response.body?.cancel();
}
