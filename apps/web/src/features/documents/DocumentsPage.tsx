// The documents list ("/") of the current workspace: newest first, cursor "Load more",
// the import entry point for those whose role allows importing, importing annotations (W3C or
// Glossa JSON) for those who may annotate, and exporting the workspace or a selection of its documents.
import type { DocumentSummary, WorkspaceSummary } from '@glossa/contracts';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { formatDate, formatDateTime } from '../../i18n/format';
import { documentPath, paths } from '../../paths';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { ExportDialog } from '../exports/ExportDialog';
import { ImportAnnotationsDialog } from '../imports/ImportAnnotationsDialog';
import { useCurrentWorkspace } from '../session/SessionContext';
import { ImportDialog } from './ImportDialog';
import { useDocumentList } from './queries';

export function DocumentsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('documents.heading'));
  const workspace = useCurrentWorkspace();
  if (!workspace) {
    return (
      <section className="page page--message" aria-labelledby="documents-heading">
        <h1 id="documents-heading">{t('documents.heading')}</h1>
        <p className="empty" data-testid="no-workspace">
          {t('documents.noWorkspace')}
        </p>
        <p>
          <Link href={paths.newWorkspace} className="button button--primary">
            {t('header.newWorkspace')}
          </Link>
        </p>
      </section>
    );
  }
  // Keyed so that switching workspace starts from a fresh page state (dialog closed).
  return <WorkspaceDocuments key={workspace.id} workspace={workspace} />;
}

function WorkspaceDocuments({ workspace }: { workspace: WorkspaceSummary }) {
  const { t } = useTranslation();
  const list = useDocumentList(workspace.id);
  const [, navigate] = useLocation();
  const [importOpen, setImportOpen] = useState(false);
  const importButtonRef = useRef<HTMLButtonElement>(null);
  const [exportOpen, setExportOpen] = useState(false);
  const [annotationImportOpen, setAnnotationImportOpen] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const documents = list.data?.pages.flatMap((page) => page.items) ?? [];
  const selectedIds = documents.filter((document) => selected.has(document.id)).map((document) => document.id);

  return (
    <section className="page" aria-labelledby="documents-heading">
      <div className="page__header">
        <div>
          <h1 id="documents-heading">{t('documents.heading')}</h1>
          <p className="page__subtitle" data-testid="documents-workspace">
            {t('documents.inWorkspace', { workspace: workspace.name })}
          </p>
        </div>
        <div className="page__actions">
          <button type="button" className="button" onClick={() => setExportOpen(true)} data-testid="export-open">
            {selectedIds.length > 0 ? t('exports.openSelection', { count: selectedIds.length }) : t('exports.openWorkspace')}
          </button>{' '}
        {workspace.abilities.importDocuments && (
          <button
            ref={importButtonRef}
            type="button"
            className="button button--primary"
            onClick={() => setImportOpen(true)}
            data-testid="import-button"
          >
            {t('documents.import')}
          </button>
        )}
        {workspace.abilities.annotate && (
          <>
            {' '}
            <button type="button" className="button" onClick={() => setAnnotationImportOpen(true)} data-testid="import-annotations-open">
              {t('annotationImport.open')}
            </button>
          </>
        )}
        </div>
      </div>

      {list.isPending ? (
        <p className="status" role="status" data-testid="documents-loading">
          {t('documents.loading')}
        </p>
      ) : list.isError && documents.length === 0 ? (
        <ErrorNotice error={list.error} context={t('documents.loadFailed')} onRetry={() => void list.refetch()} testId="documents-error" />
      ) : documents.length === 0 ? (
        <p className="empty" data-testid="documents-empty">
          {workspace.abilities.importDocuments ? t('documents.empty') : t('documents.emptyReadOnly')}
        </p>
      ) : (
        <DocumentTable documents={documents} selected={selected} onSelect={setSelected} />
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

      <ExportDialog
        workspaceId={workspace.id}
        target={{ kind: 'workspace', workspaceId: workspace.id, name: workspace.name, documentIds: selectedIds }}
        open={exportOpen}
        onClose={() => setExportOpen(false)}
      />

      {workspace.abilities.annotate && (
        <ImportAnnotationsDialog
          workspaceId={workspace.id}
          documents={documents}
          open={annotationImportOpen}
          onClose={() => setAnnotationImportOpen(false)}
        />
      )}

      {workspace.abilities.importDocuments && (
        <ImportDialog
          workspaceId={workspace.id}
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
      )}
    </section>
  );
}

interface DocumentTableProps {
  documents: readonly DocumentSummary[];
  /** Documents chosen for a multi-document export. */
  selected: ReadonlySet<string>;
  onSelect: (selected: ReadonlySet<string>) => void;
}

function DocumentTable({ documents, selected, onSelect }: DocumentTableProps) {
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
          <th scope="col" className="documents-table__select">
            <input
              type="checkbox"
              aria-label={t('exports.selectAll')}
              checked={documents.length > 0 && documents.every((document) => selected.has(document.id))}
              onChange={(e) => onSelect(new Set(e.target.checked ? documents.map((document) => document.id) : []))}
              data-testid="select-all-documents"
            />
          </th>
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
            <td className="documents-table__select" data-label={t('exports.open')}>
              <input
                type="checkbox"
                aria-label={t('exports.select', { title: document.title })}
                checked={selected.has(document.id)}
                onChange={(e) => {
                  const next = new Set(selected);
                  if (e.target.checked) next.add(document.id);
                  else next.delete(document.id);
                  onSelect(next);
                }}
                data-testid="select-document"
              />
            </td>
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
