// Maps any failure to the one error envelope and an HTTP status. Clients never see
// stacks, SQL or echoed input; unexpected errors are logged here with their stack.
import { HttpException, type LoggerService } from '@nestjs/common';
import { ErrorCode, type ApiErrorBody } from '@glossa/contracts';
import { DomainError } from '../common/domain-error';

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  [ErrorCode.ValidationFailed]: 400,
  [ErrorCode.MalformedJson]: 400,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.CsrfFailed]: 403,
  [ErrorCode.SignupClosed]: 403,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.RateLimited]: 429,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.UnsupportedMediaType]: 415,
  [ErrorCode.UnprocessableContent]: 422,
  [ErrorCode.PreconditionFailed]: 412,
  [ErrorCode.PreconditionRequired]: 428,
  [ErrorCode.ServiceUnavailable]: 503,
  [ErrorCode.RequestTimeout]: 408,
  [ErrorCode.MalformedRequest]: 400,
  [ErrorCode.Internal]: 500,
};

/** Seconds a client should wait before retrying while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

export interface ErrorResponse {
  status: number;
  body: ApiErrorBody;
  headers: Record<string, string>;
}

function envelope(code: ErrorCode, message: string, extra: Partial<ErrorResponse> = {}, fields?: DomainError['fields']): ErrorResponse {
  return {
    status: STATUS_BY_CODE[code],
    body: { error: fields ? { code, message, fields } : { code, message } },
    headers: {},
    ...extra,
  };
}

// Connection-level failures from pg / the pool, and PostgreSQL's "shutting down" class.
const DB_UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004']);

/**
 * TypeORM releases a transaction's query runner when its connection breaks; the transaction's next
 * query (or its COMMIT) then fails with one of these instead of the network error. The outcome of
 * such a request is unknown to the client, which is what 503 + Retry-After says: retry (with the
 * same Idempotency-Key for a create).
 */
const RELEASED_RUNNER_ERRORS = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown; driverError?: unknown; name?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  if (typeof e.code === 'string' && DB_UNAVAILABLE_CODES.has(e.code)) return true;
  if (typeof e.name === 'string' && RELEASED_RUNNER_ERRORS.has(e.name)) return true;
  if (e.driverError && e.driverError !== error && isDatabaseUnavailable(e.driverError)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(message);
}

export function toErrorResponse(error: unknown, logger: LoggerService): ErrorResponse {
  if (error instanceof DomainError) {
    const headers: Record<string, string> = error.retryAfterSeconds !== undefined ? { 'retry-after': String(error.retryAfterSeconds) } : {};
    const response = envelope(error.code, error.message, { headers }, error.fields);
    if (error.currentVersion !== undefined) {
      response.body.error.currentVersion = error.currentVersion;
      headers.etag = `"${error.currentVersion}"`;
    }
    if (error.allowed !== undefined) response.body.error.allowed = [...error.allowed];
    return response;
  }

  if (isDatabaseUnavailable(error)) {
    return envelope(ErrorCode.ServiceUnavailable, 'The database is unavailable; try again shortly', {
      headers: { 'retry-after': String(RETRY_AFTER_SECONDS) },
    });
  }

  // Errors raised by Fastify and its plugins before a handler runs carry a statusCode and a code.
  const fastifyError = error as { statusCode?: unknown; code?: unknown } | null;
  const statusCode = error instanceof HttpException ? error.getStatus() : typeof fastifyError?.statusCode === 'number' ? fastifyError.statusCode : 500;
  const code = typeof fastifyError?.code === 'string' ? fastifyError.code : '';

  if (statusCode === 413 || code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') {
    return envelope(ErrorCode.PayloadTooLarge, 'The request is larger than the limit');
  }
  if (statusCode === 415) return envelope(ErrorCode.UnsupportedMediaType, 'Unsupported content type');
  // Nest hands Fastify's body-parser failures to the filter as an HttpException(400) with Fastify's message.
  const jsonParseFailure = error instanceof HttpException && statusCode === 400 && /json/i.test(error.message);
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error instanceof SyntaxError || jsonParseFailure) {
    return envelope(ErrorCode.MalformedJson, 'The request body is not valid JSON');
  }
  if (statusCode === 404) return envelope(ErrorCode.NotFound, 'Not found');
  if (statusCode >= 400 && statusCode < 500) {
    return { status: statusCode, body: { error: { code: ErrorCode.ValidationFailed, message: 'The request could not be processed' } }, headers: {} };
  }
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error), 'UnhandledError');
  return envelope(ErrorCode.Internal, 'Something went wrong on our side');
}
