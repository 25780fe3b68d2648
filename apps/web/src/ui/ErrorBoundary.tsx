// Catches render errors below it and shows a readable message instead of a blank page.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  children: ReactNode;
}

interface State {
  error: unknown;
  hasError: boolean;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, hasError: false };

  static getDerivedStateFromError(error: unknown): State {
    return { error, hasError: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Render error', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.hasError) return <ErrorFallback error={this.state.error} />;
    return this.props.children;
  }
}

function ErrorFallback({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const message = error instanceof Error ? error.message : String(error);
  return (
    <section className="page page--message" role="alert" data-testid="error-boundary">
      <h1>{t('boundary.heading')}</h1>
      <p>{t('boundary.body')}</p>
      <details>
        <summary>{t('boundary.details')}</summary>
        <pre className="error-details">{message}</pre>
      </details>
      <p className="actions">
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          {t('boundary.reload')}
        </button>
        {/* A full navigation, not a router link: the app state that threw is discarded. */}
        <a className="button" href="/">
          {t('boundary.home')}
        </a>
      </p>
    </section>
  );
}
