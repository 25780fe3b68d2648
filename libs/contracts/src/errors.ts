// Stable error codes and the one error envelope every API failure uses.
// The HTTP status is chosen at the edge (apps/api http filter), never in the domain.
import { z } from 'zod';

export const ErrorCode = {
  ValidationFailed: 'validation_failed',
  MalformedJson: 'malformed_json',
  NotFound: 'not_found',
  Unauthenticated: 'unauthenticated',
  Forbidden: 'forbidden',
  CsrfFailed: 'csrf_failed',
  SignupClosed: 'signup_closed',
  Conflict: 'conflict',
  RateLimited: 'rate_limited',
  PayloadTooLarge: 'payload_too_large',
  UnsupportedMediaType: 'unsupported_media_type',
  UnprocessableContent: 'unprocessable_content',
  PreconditionFailed: 'precondition_failed',
  PreconditionRequired: 'precondition_required',
  ServiceUnavailable: 'service_unavailable',
  /** The request (headers and body) did not arrive within the server's request time limit. */
  RequestTimeout: 'request_timeout',
  /** Not HTTP the server can read (a malformed request line or headers, headers too large). */
  MalformedRequest: 'malformed_request',
  Internal: 'internal_error',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const FieldError = z.object({
  /** Dotted path of the offending field, e.g. `title` or `content`. */
  path: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

export const ApiErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(FieldError).optional(),
    /** With `precondition_failed`: the version the resource has now (its ETag without quotes). */
    currentVersion: z.number().int().optional(),
    /** With `conflict` from an illegal review transition: the actions allowed from the current state. */
    allowed: z.array(z.string()).optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** Turns zod issues into field-level reasons (no input values echoed back). */
export function fieldErrorsFromZod(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join('.') : '(body)',
    message: issue.message,
  }));
}
