// The app shell: header with product name and language switch, then the routed page.
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Switch, useLocation } from 'wouter';
import { DocumentsPage } from '../features/documents/DocumentsPage';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { paths } from '../paths';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { NotFoundPage } from '../ui/NotFoundPage';

// The reading view pulls in ProseMirror; the list page does not need it.
const DocumentPage = lazy(() => import('../features/documents/DocumentPage').then((module) => ({ default: module.DocumentPage })));

export function App() {
  const { t } = useTranslation();
  const [location] = useLocation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link href={paths.documents} className="app-header__brand" data-testid="home-link">
            {t('app.name')}
          </Link>
          <nav className="app-header__nav" aria-label={t('header.navigation')}>
            <Link href={paths.documents}>{t('header.home')}</Link>
          </nav>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {/* Keyed by location so a page that failed does not keep failing after navigation. */}
        <ErrorBoundary key={location}>
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
            <Route>
              <NotFoundPage />
            </Route>
          </Switch>
        </ErrorBoundary>
      </main>
    </>
  );
}
