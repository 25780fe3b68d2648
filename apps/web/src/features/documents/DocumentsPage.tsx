// The documents list ("/"): newest first, cursor "Load more", and the import entry point.
import type { DocumentSummary } from '@glossa/contracts';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { formatDate, formatDateTime } from '../../i18n/format';
import { documentPath } from '../../paths';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { ImportDialog } from './ImportDialog';
import { useDocumentList } from './queries';

export function DocumentsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('documents.heading'));
  const list = useDocumentList();
  const [, navigate] = useLocation();
  const [importOpen, setImportOpen] = useState(false);
  const importButtonRef = useRef<HTMLButtonElement>(null);
  const documents = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="page" aria-labelledby="documents-heading">
      <div className="page__header">
        <h1 id="documents-heading">{t('documents.heading')}</h1>
        <button
          ref={importButtonRef}
          type="button"
          className="button button--primary"
          onClick={() => setImportOpen(true)}
          data-testid="import-button"
        >
          {t('documents.import')}
        </button>
      </div>

      {list.isPending ? (
        <p className="status" role="status" data-testid="documents-loading">
          {t('documents.loading')}
        </p>
      ) : list.isError && documents.length === 0 ? (
        <ErrorNotice error={list.error} context={t('documents.loadFailed')} onRetry={() => void list.refetch()} testId="documents-error" />
      ) : documents.length === 0 ? (
        <p className="empty" data-testid="documents-empty">
          {t('documents.empty')}
        </p>
      ) : (
        <DocumentTable documents={documents} />
      )}

      {list.isFetchNextPageError && (
        <ErrorNotice error={list.error} context={t('documents.loadFailed')} testId="documents-more-error" />
      )}
      {list.hasNextPage && (
        <p className="load-more">
          <button
            type="button"
            className="button"
            onClick={() => void list.fetchNextPage()}
            disabled={list.isFetchingNextPage}
            data-testid="load-more"
          >
            {list.isFetchingNextPage ? t('documents.loadingMore') : t('documents.loadMore')}
          </button>
        </p>
      )}

      <ImportDialog
        open={importOpen}
        onClose={() => {
          setImportOpen(false);
          importButtonRef.current?.focus();
        }}
        onImported={(document) => {
          setImportOpen(false);
          navigate(documentPath(document.id));
        }}
      />
    </section>
  );
}

function DocumentTable({ documents }: { documents: readonly DocumentSummary[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const columns = {
    title: t('documents.columns.title'),
    language: t('documents.columns.language'),
    length: t('documents.columns.length'),
    imported: t('documents.columns.imported'),
  };
  return (
    <table className="documents-table" data-testid="documents-table">
      <thead>
        <tr>
          <th scope="col">{columns.title}</th>
          <th scope="col">{columns.language}</th>
          <th scope="col" className="numeric">
            {columns.length}
          </th>
          <th scope="col">{columns.imported}</th>
        </tr>
      </thead>
      <tbody>
        {documents.map((document) => (
          <tr key={document.id} data-testid="document-row" data-document-id={document.id}>
            <td className="documents-table__title" data-label={columns.title}>
              <Link href={documentPath(document.id)} lang={document.language}>
                {document.title}
              </Link>
            </td>
            <td data-label={columns.language}>{t(`documentLanguage.${document.language}`)}</td>
            <td className="numeric" data-label={columns.length}>
              {t('documents.length', { count: document.length })}
            </td>
            <td className="nowrap" data-label={columns.imported}>
              <time dateTime={document.createdAt} title={formatDateTime(document.createdAt, language)}>
                {formatDate(document.createdAt, language)}
              </time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
