// Words for what went wrong with an annotation request: the HTTP meanings the annotations API
// gives 409, 412, 422 and 403, else the app's general description.
import type { TFunction } from 'i18next';
import { isApiError } from '../../api/client';
import { describeError } from '../../ui/describeError';

export function annotationErrorMessage(error: unknown, t: TFunction): string {
  if (error == null) return '';
  if (isApiError(error)) {
    if (error.status === 412) return t('annotations.errors.stale');
    if (error.status === 409) return t('annotations.errors.conflict');
    if (error.status === 422) return t('annotations.errors.quoteMismatch');
    if (error.status === 403 && error.code !== 'csrf_failed') return t('annotations.errors.forbidden');
  }
  return describeError(error, t).headline;
}
