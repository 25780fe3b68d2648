// Shown for any address the router does not know.
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { paths } from '../paths';
import { useDocumentTitle } from './useDocumentTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.heading'));
  return (
    <section className="page page--message" data-testid="not-found">
      <h1>{t('notFound.heading')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link href={paths.documents}>{t('notFound.home')}</Link>
      </p>
    </section>
  );
}
