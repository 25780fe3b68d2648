// The sign-in gate: pages inside it render only for a signed-in person; anyone else is
// sent to the sign-in page with `next` set to where they were going.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Redirect, useLocation, useSearch } from 'wouter';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { signInPath } from './nextPath';
import { useMe } from './queries';
import { SessionProvider } from './SessionContext';

export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const [location] = useLocation();
  const search = useSearch();

  // Data first: a failed background re-check keeps showing the page for the known person.
  if (me.data) return <SessionProvider me={me.data}>{children}</SessionProvider>;
  if (me.isPending) {
    return (
      <p className="status" role="status" data-testid="session-loading">
        {t('session.loading')}
      </p>
    );
  }
  if (me.isError) {
    return (
      <section className="page page--message">
        <ErrorNotice error={me.error} context={t('session.loadFailed')} onRetry={() => void me.refetch()} testId="session-error" />
      </section>
    );
  }
  return <Redirect to={signInPath(search ? `${location}?${search}` : location)} replace />;
}
