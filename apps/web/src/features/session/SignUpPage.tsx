// "/signup": create an account (open sign-up gives a workspace of one's own; a closed
// server says so kindly), then on to `next`.
import { useTranslation } from 'react-i18next';
import { Link, Redirect, useSearch } from 'wouter';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { nextFromSearch, signInPath } from './nextPath';
import { useMe } from './queries';
import { SignUpForm } from './SignUpForm';

export function SignUpPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.signUp.heading'));
  const next = nextFromSearch(useSearch());
  const me = useMe();

  // Signing up puts the new session in the cache, which lands here too.
  if (me.data) return <Redirect to={next} replace />;

  return (
    <section className="page auth-page" aria-labelledby="signup-heading" data-testid="signup-page">
      <h1 id="signup-heading">{t('auth.signUp.heading')}</h1>
      <SignUpForm onSignedUp={() => undefined} />
      <p className="auth-page__switch">
        {t('auth.signUp.haveAccount')}{' '}
        <Link href={signInPath(next)} data-testid="signin-link">
          {t('auth.signUp.signInLink')}
        </Link>
      </p>
    </section>
  );
}
