// The sign-up form, used on "/signup" and on an invite page (with the invite's token):
// name, email, password with a live length hint; early checks, server field errors
// beside their fields, nothing typed lost on an error.
import { MIN_PASSWORD_CHARACTERS, type FieldError, type Me } from '@glossa/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { codePointLength } from '../../text/measure';
import { FormBanner } from '../../ui/FormBanner';
import { placeServerErrors } from '../../ui/formErrors';
import { TextField } from '../../ui/TextField';
import { useFocusRequest } from '../../ui/useFocusRequest';
import { describeAuthError, problemMessage } from './authMessages';
import { checkSignUp, credentialFieldForErrorPath, type CredentialField } from './credentialsDraft';
import { useSignUp } from './queries';

interface Props {
  /** Joins the invite's workspace as part of signing up. */
  inviteToken?: string;
  onSignedUp: (me: Me) => void;
}

export function SignUpForm({ inviteToken, onSignedUp }: Props) {
  const { t } = useTranslation();
  const signUp = useSignUp();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<CredentialField, string>>>({});
  const [banner, setBanner] = useState<{ error: unknown; unplaced: FieldError[] } | null>(null);
  const focus = useFocusRequest();
  const refs = { name: useRef<HTMLInputElement>(null), email: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };
  const bannerRef = useRef<HTMLDivElement>(null);

  function edit(field: CredentialField, setter: (value: string) => void) {
    return (value: string) => {
      setter(value);
      setFieldErrors(({ [field]: _, ...rest }) => rest);
    };
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (signUp.isPending) return;
    const problems = checkSignUp({ name, email, password });
    if (problems.length > 0) {
      const found: Partial<Record<CredentialField, string>> = {};
      for (const problem of problems) found[problem.field] ??= problemMessage(problem, t);
      setFieldErrors(found);
      setBanner(null);
      focus(refs[problems[0]!.field]);
      return;
    }
    setFieldErrors({});
    setBanner(null);
    signUp.mutate(
      { name: name.trim(), email: email.trim(), password, ...(inviteToken ? { inviteToken } : {}) },
      {
        onSuccess: onSignedUp,
        onError: (error) => {
          const placed = placeServerErrors(error, credentialFieldForErrorPath);
          setFieldErrors(placed.fields);
          setBanner(placed.banner ? { error, unplaced: placed.unplaced } : null);
          const first = (Object.keys(placed.fields) as CredentialField[])[0];
          focus(placed.banner || !first ? bannerRef : refs[first]);
        },
      },
    );
  }

  const length = codePointLength(password);
  const passwordHint =
    length === 0 ? t('auth.passwordHint', { min: MIN_PASSWORD_CHARACTERS }) : t('auth.passwordCount', { count: length, min: MIN_PASSWORD_CHARACTERS });

  return (
    <form className="auth-form" onSubmit={handleSubmit} noValidate aria-busy={signUp.isPending} data-testid="signup-form">
      {banner && (
        <FormBanner
          message={describeAuthError(banner.error, t, 'signUp')}
          unplaced={banner.unplaced}
          code={isApiError(banner.error) ? banner.error.code : undefined}
          testId="auth-error"
          bannerRef={bannerRef}
        />
      )}
      <TextField
        label={t('auth.name')}
        name="name"
        autoComplete="name"
        value={name}
        onChange={edit('name', setName)}
        error={fieldErrors.name}
        inputRef={refs.name}
        testId="signup-name"
      />
      <TextField
        label={t('auth.email')}
        type="email"
        name="email"
        autoComplete="email"
        value={email}
        onChange={edit('email', setEmail)}
        error={fieldErrors.email}
        inputRef={refs.email}
        testId="signup-email"
      />
      <TextField
        label={t('auth.password')}
        type="password"
        name="password"
        autoComplete="new-password"
        value={password}
        onChange={edit('password', setPassword)}
        hint={fieldErrors.password ? undefined : passwordHint}
        error={fieldErrors.password}
        inputRef={refs.password}
        testId="signup-password"
      />
      <p className="auth-form__actions">
        <button type="submit" className="button button--primary" disabled={signUp.isPending} data-testid="signup-submit">
          {signUp.isPending ? t('auth.signUp.submitting') : t('auth.signUp.submit')}
        </button>
      </p>
    </form>
  );
}
