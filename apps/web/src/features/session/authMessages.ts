// Words for the sign-in and sign-up forms: early-check problems, and server refusals
// (a generic line for bad credentials, a friendly one for closed sign-up, the wait for 429).
import { ErrorCode } from '@glossa/contracts';
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import { describeError } from '../../ui/describeError';
import type { BannerMessage } from '../../ui/FormBanner';
import type { CredentialProblem } from './credentialsDraft';

export function problemMessage(problem: CredentialProblem, t: TFunction): string {
  switch (problem.kind) {
    case 'nameRequired':
      return t('auth.problems.nameRequired');
    case 'emailRequired':
      return t('auth.problems.emailRequired');
    case 'emailInvalid':
      return t('auth.problems.emailInvalid');
    case 'passwordRequired':
      return t('auth.problems.passwordRequired');
    case 'passwordTooShort':
      return t('auth.problems.passwordTooShort', { length: problem.length, min: problem.min });
    case 'passwordTooLong':
      return t('auth.problems.passwordTooLong', { bytes: problem.bytes, max: problem.max });
  }
}

export function describeAuthError(error: unknown, t: TFunction, form: 'signIn' | 'signUp'): BannerMessage {
  if (error instanceof ApiError) {
    // The server's wording is deliberately vague (no account enumeration); so is ours.
    if (form === 'signIn' && error.status === 401) return { headline: t('auth.badCredentials') };
    if (error.code === ErrorCode.SignupClosed) return { headline: t('auth.signupClosed.title'), detail: t('auth.signupClosed.body') };
  }
  return describeError(error, t);
}
