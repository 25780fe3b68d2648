// "/signin": email and password, then back to where the person was going (`next`,
// same-origin paths only). Bad credentials, throttling and field errors keep what was typed.
import type { FieldError } from '@glossa/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Redirect, useSearch } from 'wouter';
import { isApiError } from '../../api/client';
import { FormBanner } from '../../ui/FormBanner';
import { placeServerErrors } from '../../ui/formErrors';
import { TextField } from '../../ui/TextField';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useFocusRequest } from '../../ui/useFocusRequest';
import { describeAuthError, problemMessage } from './authMessages';
import { checkSignIn, credentialFieldForErrorPath } from './credentialsDraft';
import { nextFromSearch, signUpPath } from './nextPath';
import { useMe, useSignIn } from './queries';

type Field = 'email' | 'password';

export function SignInPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.signIn.heading'));
  const next = nextFromSearch(useSearch());
  const me = useMe();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [banner, setBanner] = useState<{ error: unknown; unplaced: FieldError[] } | null>(null);
  const focus = useFocusRequest();
  const refs = { email: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };
  const bannerRef = useRef<HTMLDivElement>(null);

  if (me.data) return <Redirect to={next} replace />;

  function edit(field: Field, setter: (value: string) => void) {
    return (value: string) => {
      setter(value);
      setFieldErrors(({ [field]: _, ...rest }) => rest);
    };
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (signIn.isPending) return;
    const problems = checkSignIn({ email, password });
    if (problems.length > 0) {
      const found: Partial<Record<Field, string>> = {};
      for (const problem of problems) if (problem.field !== 'name') found[problem.field] ??= problemMessage(problem, t);
      setFieldErrors(found);
      setBanner(null);
      focus(refs[problems[0]!.field as Field]);
      return;
    }
    setFieldErrors({});
    setBanner(null);
    signIn.mutate(
      { email: email.trim(), password },
      {
        onError: (error) => {
          const placed = placeServerErrors(error, (path) => {
            const field = credentialFieldForErrorPath(path);
            return field === 'name' ? undefined : field;
          });
          setFieldErrors(placed.fields);
          setBanner(placed.banner ? { error, unplaced: placed.unplaced } : null);
          const first = (Object.keys(placed.fields) as Field[])[0];
          focus(placed.banner || !first ? bannerRef : refs[first]);
        },
      },
    );
  }

  return (
    <section className="page auth-page" aria-labelledby="signin-heading" data-testid="signin-page">
      <h1 id="signin-heading">{t('auth.signIn.heading')}</h1>
      <p className="auth-page__intro">{t('auth.signIn.intro')}</p>
      <form className="auth-form" onSubmit={handleSubmit} noValidate aria-busy={signIn.isPending}>
        {banner && (
          <FormBanner
            message={describeAuthError(banner.error, t, 'signIn')}
            unplaced={banner.unplaced}
            code={isApiError(banner.error) ? banner.error.code : undefined}
            testId="auth-error"
            bannerRef={bannerRef}
          />
        )}
        <TextField
          label={t('auth.email')}
          type="email"
          name="email"
          autoComplete="username"
          value={email}
          onChange={edit('email', setEmail)}
          error={fieldErrors.email}
          inputRef={refs.email}
          testId="signin-email"
        />
        <TextField
          label={t('auth.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={edit('password', setPassword)}
          error={fieldErrors.password}
          inputRef={refs.password}
          testId="signin-password"
        />
        <p className="auth-form__actions">
          <button type="submit" className="button button--primary" disabled={signIn.isPending} data-testid="signin-submit">
            {signIn.isPending ? t('auth.signIn.submitting') : t('auth.signIn.submit')}
          </button>
        </p>
      </form>
      <p className="auth-page__switch">
        {t('auth.signIn.noAccount')}{' '}
        <Link href={signUpPath(next)} data-testid="signup-link">
          {t('auth.signIn.signUpLink')}
        </Link>
      </p>
    </section>
  );
}
