// Keeps the browser tab title in step with the page and the UI language.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

export function useDocumentTitle(page?: string): void {
  const { t } = useTranslation();
  const title = page ? t('app.documentTitle', { page }) : t('app.name');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
