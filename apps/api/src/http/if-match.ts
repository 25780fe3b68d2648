// Reads the version a client last saw from If-Match (RFC 9110 §13.1.1). Writes to versioned
// resources require it: missing → 428, so a client can never overwrite by omission.
import { DomainError } from '../common/domain-error';

const VERSION_TAG = /^\s*(?:W\/)?"(\d{1,9})"\s*$/;

export function requiredVersion(header: string | string[] | undefined): number {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (value === undefined || value.trim() === '') throw DomainError.preconditionRequired();
  const match = VERSION_TAG.exec(value);
  if (!match) throw DomainError.invalidField('If-Match', 'If-Match must be one version ETag, e.g. "3"');
  return Number(match[1]);
}
