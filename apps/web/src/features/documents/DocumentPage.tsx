// One document ("/documents/:id"): title, metadata line and the ProseMirror reading view.
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { isApiError } from '../../api/client';
import { formatDateTime } from '../../i18n/format';
import { paths } from '../../paths';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useMemo } from 'react';
import { AnnotatingReader } from '../annotations/AnnotatingReader';
import { useCurrentWorkspace, useSession } from '../session/SessionContext';
import { useDocument } from './queries';

export function DocumentPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const query = useDocument(id);
  const session = useSession();
  const workspace = useCurrentWorkspace();
  const me = useMemo(() => ({ id: session.user.id, name: session.user.name }), [session.user.id, session.user.name]);
  const language = i18n.resolvedLanguage ?? i18n.language;
  useDocumentTitle(query.data?.title ?? (query.isError ? t('document.loadFailed') : undefined));

  const backLink = (
    <p className="breadcrumb">
      <Link href={paths.documents}>{t('document.backToList')}</Link>
    </p>
  );

  if (query.isPending) {
    return (
      <section className="page">
        {backLink}
        <p className="status" role="status" data-testid="document-loading">
          {t('document.loading')}
        </p>
      </section>
    );
  }

  if (query.isError) {
    const notFound = isApiError(query.error) && query.error.isNotFound;
    return (
      <section className="page page--message">
        {backLink}
        {notFound ? (
          <>
            <h1>{t('notFound.heading')}</h1>
            <p data-testid="document-not-found">{t('document.notFound')}</p>
          </>
        ) : (
          <ErrorNotice error={query.error} context={t('document.loadFailed')} onRetry={() => void query.refetch()} testId="document-error" />
        )}
      </section>
    );
  }

  const document = query.data;
  return (
    <article className="page document document--annotating" aria-labelledby="document-title">
      {backLink}
      <header className="document__header">
        <h1 id="document-title" lang={document.language} data-testid="document-title">
          {document.title}
        </h1>
        <p className="document__meta" data-testid="document-meta">
          <span>{t(`documentLanguage.${document.language}`)}</span>
          <span>{t('documents.length', { count: document.length })}</span>
          <span>
            <time dateTime={document.createdAt}>{t('document.importedAt', { date: formatDateTime(document.createdAt, language) })}</time>
          </span>
          <span>{t('document.revision', { number: document.revision.number })}</span>
        </p>
      </header>
      <AnnotatingReader
        documentId={document.id}
        revisionId={document.revision.id}
        doc={document.revision.doc}
        lang={document.language}
        label={t('document.readingViewLabel')}
        me={me}
        canAnnotate={workspace?.abilities.annotate ?? false}
      />
    </article>
  );
}
