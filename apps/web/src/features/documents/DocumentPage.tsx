// One document ("/documents/:id"): title, metadata line, "New version" (re-import, for those who
// may import) with its re-anchoring summary, "Export", and the ProseMirror reading view with annotating.
// A document of another of the person's workspaces (opened by a link) makes that workspace the
// current one, so roles, the flag search, mentions and the header all speak of the document's own.
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { isApiError } from '../../api/client';
import { formatDateTime } from '../../i18n/format';
import { paths } from '../../paths';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useEffect, useMemo, useState } from 'react';
import type { ReanchorCounts } from '@glossa/contracts';
import { AnnotatingReader } from '../annotations/AnnotatingReader';
import { ExportDialog } from '../exports/ExportDialog';
import { useSwitchWorkspace } from '../session/queries';
import { useSession } from '../session/SessionContext';
import { useDocument } from './queries';
import { RevisionDialog } from './RevisionDialog';

export function DocumentPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const query = useDocument(id);
  const session = useSession();
  // The document's own workspace decides what the person may do here, not the one last chosen.
  const workspace = query.data ? session.workspaces.find((w) => w.id === query.data.workspaceId) : undefined;
  const switchWorkspace = useSwitchWorkspace();
  const documentWorkspaceId = query.data?.workspaceId;
  useEffect(() => {
    if (!documentWorkspaceId || documentWorkspaceId === session.currentWorkspaceId || switchWorkspace.isPending) return;
    if (session.workspaces.some((w) => w.id === documentWorkspaceId)) switchWorkspace.mutate(documentWorkspaceId);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per document and current workspace
  }, [documentWorkspaceId, session.currentWorkspaceId]);
  const me = useMemo(() => ({ id: session.user.id, name: session.user.name }), [session.user.id, session.user.name]);
  const language = i18n.resolvedLanguage ?? i18n.language;
  const [revisionOpen, setRevisionOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  const [reanchored, setReanchored] = useState<ReanchorCounts | null>(null);
  const canImport = workspace?.abilities.importDocuments ?? false;
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
          <span data-testid="document-revision">{t('document.revision', { number: document.revision.number })}</span>
        </p>
        <p className="document__actions">
          {canImport && (
            <button type="button" className="button button--secondary" onClick={() => setRevisionOpen(true)} data-testid="new-version">
              {t('revisionDialog.open')}
            </button>
          )}{' '}
          {workspace && (
            <button type="button" className="button button--secondary" onClick={() => setExportOpen(true)} data-testid="export-open">
              {t('exports.open')}
            </button>
          )}
        </p>
        {reanchored && (
          <div className="notice" role="status" data-testid="revision-summary">
            <p>
              {t('revisionDialog.summary', {
                exact: t('revisionDialog.counts.exact', { count: reanchored.exact }),
                moved: t('revisionDialog.counts.moved', { count: reanchored.moved }),
                fuzzy: t('revisionDialog.counts.fuzzy', { count: reanchored.fuzzy }),
                detached: t('revisionDialog.counts.detached', { count: reanchored.detached }),
              })}{' '}
              <button type="button" className="button button--link" onClick={() => setReanchored(null)}>
                {t('annotations.dismiss')}
              </button>
            </p>
          </div>
        )}
      </header>
      {canImport && (
        <RevisionDialog
          documentId={document.id}
          initialFormat={document.format}
          open={revisionOpen}
          onClose={() => setRevisionOpen(false)}
          onImported={(result) => {
            setRevisionOpen(false);
            setReanchored(result.reanchored);
          }}
        />
      )}
      {workspace && (
        <ExportDialog
          workspaceId={workspace.id}
          target={{ kind: 'document', documentId: document.id, title: document.title }}
          open={exportOpen}
          onClose={() => setExportOpen(false)}
        />
      )}
      <AnnotatingReader
        key={document.revision.id}
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
