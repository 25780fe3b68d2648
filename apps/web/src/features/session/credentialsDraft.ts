// Pure rules of the sign-in and sign-up forms: the early checks run before sending
// (the server checks again) and which field a server field error belongs to.
import { MAX_PASSWORD_BYTES, MIN_PASSWORD_CHARACTERS } from '@glossa/contracts';
import { codePointLength, utf8ByteLength } from '../../text/measure';

export type CredentialField = 'name' | 'email' | 'password';

export type CredentialProblem =
  | { field: 'name'; kind: 'nameRequired' }
  | { field: 'email'; kind: 'emailRequired' }
  | { field: 'email'; kind: 'emailInvalid' }
  | { field: 'password'; kind: 'passwordRequired' }
  | { field: 'password'; kind: 'passwordTooShort'; length: number; min: number }
  | { field: 'password'; kind: 'passwordTooLong'; bytes: number; max: number };

export interface SignInDraft {
  email: string;
  password: string;
}

export interface SignUpDraft extends SignInDraft {
  name: string;
}

// Deliberately loose: one @ with something on both sides. The server is the judge.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+$/;

function checkEmail(email: string): CredentialProblem[] {
  const trimmed = email.trim();
  if (trimmed === '') return [{ field: 'email', kind: 'emailRequired' }];
  if (!EMAIL_SHAPE.test(trimmed)) return [{ field: 'email', kind: 'emailInvalid' }];
  return [];
}

/** Sign-in only asks for both fields: the password policy may be newer than the account. */
export function checkSignIn(draft: SignInDraft): CredentialProblem[] {
  const problems = checkEmail(draft.email);
  if (draft.password === '') problems.push({ field: 'password', kind: 'passwordRequired' });
  return problems;
}

/**
 * The sign-up policy: a name, an email, and a password of at least 8 characters (code
 * points, never trimmed) and at most 256 UTF-8 bytes, the limit checked before hashing.
 */
export function checkSignUp(draft: SignUpDraft): CredentialProblem[] {
  const problems: CredentialProblem[] = [];
  if (draft.name.trim() === '') problems.push({ field: 'name', kind: 'nameRequired' });
  problems.push(...checkEmail(draft.email));
  const length = codePointLength(draft.password);
  const bytes = utf8ByteLength(draft.password);
  if (length === 0) problems.push({ field: 'password', kind: 'passwordRequired' });
  else if (length < MIN_PASSWORD_CHARACTERS) problems.push({ field: 'password', kind: 'passwordTooShort', length, min: MIN_PASSWORD_CHARACTERS });
  else if (bytes > MAX_PASSWORD_BYTES) problems.push({ field: 'password', kind: 'passwordTooLong', bytes, max: MAX_PASSWORD_BYTES });
  return problems;
}

/** Which field shows a server field error with this path; undefined → the form's banner. */
export function credentialFieldForErrorPath(path: string): CredentialField | undefined {
  const head = path.split('.')[0];
  return head === 'name' || head === 'email' || head === 'password' ? head : undefined;
}
