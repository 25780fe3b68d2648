// What a new password must not be, beyond the length rules the contract checks (ASVS 5.0 V6.2):
// one of the most common passwords, or the account's own email or name.
import { COMMON_PASSWORDS } from './common-passwords';

const COMMON = new Set(COMMON_PASSWORDS);

export const TOO_COMMON = 'password is one of the most common passwords; choose another';
export const TOO_PERSONAL = 'password must not be your email or name';

/** The reason to refuse `password` for this account, or null when it is acceptable. */
export function passwordProblem(password: string, account: { email: string; name: string }): string | null {
  const folded = password.toLowerCase();
  // Case variants ("Password1") of a listed password are just as guessable.
  if (COMMON.has(folded)) return TOO_COMMON;
  const local = account.email.split('@')[0] ?? '';
  if (folded === account.email || folded === local || folded === account.name.toLowerCase()) return TOO_PERSONAL;
  return null;
}
