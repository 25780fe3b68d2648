// A failure the domain expects and names with a stable code; the edge picks the HTTP status.
import { ErrorCode, fieldErrorsFromZod, type FieldError } from '@glossa/contracts';
import type { z } from 'zod';
import type { Decision } from '../policies/workspace-policy';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
    /** For `rate_limited`: when the client may try again. */
    readonly retryAfterSeconds?: number,
    /** For `precondition_failed`: the version the resource has now. */
    readonly currentVersion?: number,
    /** For a `conflict` from an illegal review transition: what is allowed from the current state. */
    readonly allowed?: readonly string[],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound(what: string): DomainError {
    return new DomainError(ErrorCode.NotFound, `${what} not found`);
  }

  static unauthenticated(message = 'Sign in to continue'): DomainError {
    return new DomainError(ErrorCode.Unauthenticated, message);
  }

  static forbidden(message: string): DomainError {
    return new DomainError(ErrorCode.Forbidden, message);
  }

  static conflict(message: string): DomainError {
    return new DomainError(ErrorCode.Conflict, message);
  }

  /** An action the current state does not allow; `allowed` lists the ones it does. */
  static illegalTransition(message: string, allowed: readonly string[]): DomainError {
    return new DomainError(ErrorCode.Conflict, message, undefined, undefined, undefined, allowed);
  }

  static invalidField(path: string, message: string): DomainError {
    return new DomainError(ErrorCode.ValidationFailed, 'Some fields are invalid', [{ path, message }]);
  }

  /** A stale If-Match: someone else changed the resource first (never a silent overwrite). */
  static preconditionFailed(currentVersion: number): DomainError {
    return new DomainError(ErrorCode.PreconditionFailed, 'This was changed by someone else; reload it and try again', undefined, undefined, currentVersion);
  }

  static preconditionRequired(): DomainError {
    return new DomainError(ErrorCode.PreconditionRequired, 'Send If-Match with the version you last read (its ETag)');
  }

  static rateLimited(retryAfterSeconds: number): DomainError {
    return new DomainError(ErrorCode.RateLimited, 'Too many attempts; try again later', undefined, Math.max(1, Math.ceil(retryAfterSeconds)));
  }
}

/** Turns a policy's refusal into the matching domain error. */
export function enforce(decision: Decision): void {
  if (decision.allowed) return;
  throw decision.reason === 'conflict' ? DomainError.conflict(decision.message) : DomainError.forbidden(decision.message);
}

/** Parses untrusted input with a contract schema; field-level reasons on failure. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (!result.success) {
    throw new DomainError(ErrorCode.ValidationFailed, 'Some fields are invalid', fieldErrorsFromZod(result.error));
  }
  return result.data;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id that is not a UUID cannot name anything: answer exactly as for a missing one. */
export function requireId(id: string, what: string): string {
  if (!UUID.test(id)) throw DomainError.notFound(what);
  return id.toLowerCase();
}
