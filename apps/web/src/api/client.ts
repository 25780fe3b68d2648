// The one way the browser talks to the API: builds /api URLs, sends JSON or multipart,
// validates answers against the shared contracts and turns failures into ApiError.
import { API_PREFIX, ApiErrorBody, type FieldError } from '@glossa/contracts';
import type { z } from 'zod';

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

/** Reads a failed response into an ApiError; never throws, whatever the body holds. */
export async function parseApiError(response: Response): Promise<ApiError> {
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
    return new ApiError(response.status, code, message, fields ?? [], true);
  }
  const reason = response.statusText ? `${response.status} ${response.statusText}` : String(response.status);
  return new ApiError(response.status, ClientErrorCode.Http, `Request failed with HTTP ${reason}`);
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

/**
 * Sends one request and returns the body parsed by `schema`.
 * Throws ApiError for error statuses, network failures and off-contract bodies;
 * an abort is rethrown as is so the query cache can tell it from a failure.
 */
export async function apiRequest<T>(path: string, schema: z.ZodType<T>, options: RequestOptions = {}): Promise<T> {
  const headers = new Headers({ Accept: 'application/json' });
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(options.json);
  } else if (options.form) {
    body = options.form;
  }

  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method: options.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new ApiError(0, ClientErrorCode.Network, `Network request failed: ${detail}`);
  }

  if (!response.ok) throw await parseApiError(response);

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
