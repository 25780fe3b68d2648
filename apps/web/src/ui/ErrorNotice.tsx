// An inline error: translated headline, the server's detail, and an optional retry.
import { useTranslation } from 'react-i18next';
import { describeError } from './describeError';

interface Props {
  error: unknown;
  /** Shown above the description, e.g. "The documents could not be loaded." */
  context?: string;
  onRetry?: () => void;
  testId?: string;
}

export function ErrorNotice({ error, context, onRetry, testId }: Props) {
  const { t } = useTranslation();
  const { headline, detail } = describeError(error, t);
  return (
    <div className="notice notice--error" role="alert" data-testid={testId}>
      {context && <p className="notice__title">{context}</p>}
      <p>{headline}</p>
      {detail && <p className="notice__detail">{detail}</p>}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      )}
    </div>
  );
}
