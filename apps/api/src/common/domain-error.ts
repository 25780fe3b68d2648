// A failure the domain expects and names with a stable code; the edge picks the HTTP status.
import { ErrorCode, fieldErrorsFromZod, type FieldError } from '@glossa/contracts';
import type { z } from 'zod';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound(what: string): DomainError {
    return new DomainError(ErrorCode.NotFound, `${what} not found`);
  }
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
