// The failure value every import step returns instead of throwing: expected problems with
// the input are data for the caller, and only bugs surface as exceptions.
import { ErrorCode } from '@glossa/contracts';

/** The error codes an import can end with; the HTTP status is chosen at the API edge. */
export type ImportErrorCode =
  | typeof ErrorCode.PayloadTooLarge
  | typeof ErrorCode.UnsupportedMediaType
  | typeof ErrorCode.UnprocessableContent;

/** Which request field the failure is about, as the API reports it in `fields[].path`. */
export type ImportField = 'content' | 'format';

export interface ImportFailure {
  ok: false;
  code: ImportErrorCode;
  field: ImportField;
  /** Human-readable reason; never echoes the input itself. */
  message: string;
}

export function importFailure(code: ImportErrorCode, message: string, field: ImportField = 'content'): ImportFailure {
  return { ok: false, code, field, message };
}
