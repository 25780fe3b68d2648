// Where a failed submission's reasons are shown: a 400's field errors beside their
// fields, everything else (and fields the form does not have) in the form's banner.
import type { FieldError } from '@glossa/contracts';
import { ApiError } from '../api/client';

export interface PlacedErrors<F extends string> {
  fields: Partial<Record<F, string>>;
  /** Field errors whose path names no field of this form. */
  unplaced: FieldError[];
  /** Whether the banner has something to say (nothing could be placed, or something was left over). */
  banner: boolean;
}

export function placeServerErrors<F extends string>(error: unknown, fieldFor: (path: string) => F | undefined): PlacedErrors<F> {
  if (!(error instanceof ApiError) || error.status !== 400 || error.fields.length === 0) {
    return { fields: {}, unplaced: [], banner: true };
  }
  const fields: Partial<Record<F, string>> = {};
  const unplaced: FieldError[] = [];
  for (const field of error.fields) {
    const slot = fieldFor(field.path);
    if (slot === undefined) unplaced.push(field);
    else fields[slot] ??= field.message;
  }
  return { fields, unplaced, banner: Object.keys(fields).length === 0 || unplaced.length > 0 };
}
