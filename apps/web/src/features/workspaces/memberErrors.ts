// Words for refused member changes: the last-owner rule (409) and missing permission
// (403) get their own explanation; the server's words follow as detail.
import { ErrorCode } from '@glossa/contracts';
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import { describeError, type ErrorDescription } from '../../ui/describeError';

export function describeMemberError(error: unknown, t: TFunction): ErrorDescription {
  if (error instanceof ApiError) {
    const detail = error.fromServer ? error.message : undefined;
    if (error.status === 409) return { headline: t('members.lastOwner'), detail };
    if (error.status === 403 && error.code !== ErrorCode.CsrfFailed) return { headline: t('members.forbidden'), detail };
  }
  return describeError(error, t);
}
