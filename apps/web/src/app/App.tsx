// The app shell: header, then the routed page. Sign-in, sign-up and invite pages are
// open to everyone; every other page sits behind the sign-in gate.
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Switch, useLocation } from 'wouter';
import { DocumentsPage } from '../features/documents/DocumentsPage';
import { NotificationsPage } from '../features/review/NotificationsPage';
import { ReviewQueuePage } from '../features/review/ReviewQueuePage';
import { InvitePage } from '../features/session/InvitePage';
import { RequireSession } from '../features/session/RequireSession';
import { SignInPage } from '../features/session/SignInPage';
import { SignUpPage } from '../features/session/SignUpPage';
import { TokensPage } from '../features/tokens/TokensPage';
import { MembersPage } from '../features/workspaces/MembersPage';
import { NewWorkspacePage } from '../features/workspaces/NewWorkspacePage';
import { paths } from '../paths';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { NotFoundPage } from '../ui/NotFoundPage';
import { Header } from './Header';

// The reading view pulls in ProseMirror; the list page does not need it.
const LinkPage = lazy(() => import('../features/review/LinkPage').then((module) => ({ default: module.LinkPage })));
const DocumentPage = lazy(() => import('../features/documents/DocumentPage').then((module) => ({ default: module.DocumentPage })));

export function App() {
  const { t } = useTranslation();
  const [location] = useLocation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Header />
      <main id="main" className="app-main" tabIndex={-1}>
        {/* Keyed by location so a page that failed does not keep failing after navigation. */}
        <ErrorBoundary key={location}>
          <Switch>
            <Route path={paths.signIn}>
              <SignInPage />
            </Route>
            <Route path={paths.signUp}>
              <SignUpPage />
            </Route>
            <Route path={paths.invite}>{(params) => <InvitePage token={params.token} />}</Route>
            <Route>
              <RequireSession>
                <Switch>
                  <Route path={paths.documents}>
                    <DocumentsPage />
                  </Route>
                  <Route path={paths.document}>
                    {(params) => (
                      <Suspense
                        fallback={
                          <p className="status" role="status" data-testid="document-loading">
                            {t('document.loading')}
                          </p>
                        }
                      >
                        <DocumentPage id={params.id} />
                      </Suspense>
                    )}
                  </Route>
                  <Route path={paths.newWorkspace}>
                    <NewWorkspacePage />
                  </Route>
                  <Route path={paths.members}>{(params) => <MembersPage workspaceId={params.id} />}</Route>
                  <Route path={paths.review}>
                    <ReviewQueuePage />
                  </Route>
                  <Route path={paths.link}>
                    {(params) => (
                      <Suspense fallback={<p className="status">{t('review.loading')}</p>}>
                        <LinkPage id={params.id} />
                      </Suspense>
                    )}
                  </Route>
                  <Route path={paths.notifications}>
                    <NotificationsPage />
                  </Route>
                  <Route path={paths.tokens}>
                    <TokensPage />
                  </Route>
                  <Route>
                    <NotFoundPage />
                  </Route>
                </Switch>
              </RequireSession>
            </Route>
          </Switch>
        </ErrorBoundary>
      </main>
    </>
  );
}
