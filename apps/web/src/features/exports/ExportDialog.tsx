// The Export dialog: choose a format and filters for a document, a selection of documents or the
// whole workspace, watch the bytes arrive, cancel, and download the file the server names — or
// run a long export in the background and download it when ready (ExportJobsList).
import { ANNOTATION_TAGS, EXPORT_FORMATS, type AnnotationStatus, type ExportFormat } from '@glossa/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { formatBytes } from '../../i18n/format';
import { describeError } from '../../ui/describeError';
import { keepFocusInside } from '../../ui/keepFocusInside';
import { useMembers } from '../workspaces/queries';
import { startExportJob } from '../../api/exportJobs';
import { exportRequest, exportUrl, runExport, saveBlob, type ExportOptions, type ExportProgress, type ExportTarget } from './exportDownload';
import { ExportJobsList, exportJobKeys } from './ExportJobsList';

const STATUSES: readonly AnnotationStatus[] = ['draft', 'submitted', 'accepted', 'rejected'];

type Phase = { kind: 'idle' } | { kind: 'running'; progress: ExportProgress } | { kind: 'done'; filename: string; bytes: number } | { kind: 'failed'; error: unknown };

export interface ExportDialogProps {
  /** The workspace the target belongs to (for the author list). */
  workspaceId: string;
  target: ExportTarget;
  open: boolean;
  onClose: () => void;
}

export function ExportDialog({ workspaceId, target, open, onClose }: ExportDialogProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const dialogRef = useRef<HTMLDialogElement>(null);
  const formatRef = useRef<HTMLSelectElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  const [options, setOptions] = useState<ExportOptions>({ format: 'markdown', includeOwnPrivate: false });
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const members = useMembers(workspaceId);
  const queryClient = useQueryClient();
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      formatRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  // Leaving the page mid-export stops the download.
  useEffect(() => () => abortRef.current?.abort(), []);

  function cancel() {
    abortRef.current?.abort();
    abortRef.current = null;
    setPhase({ kind: 'idle' });
  }

  function handleClosed() {
    cancel();
    onClose();
  }

  function set<K extends keyof ExportOptions>(key: K, value: ExportOptions[K]) {
    setOptions((current) => ({ ...current, [key]: value }));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (phase.kind === 'running') return;
    const controller = new AbortController();
    abortRef.current = controller;
    setPhase({ kind: 'running', progress: { bytes: 0, annotations: null } });
    try {
      const result = await runExport(exportUrl(target, options), controller.signal, (progress) => {
        if (!controller.signal.aborted) setPhase({ kind: 'running', progress });
      });
      if (controller.signal.aborted) return;
      abortRef.current = null;
      saveBlob(result);
      setPhase({ kind: 'done', filename: result.filename, bytes: result.blob.size });
    } catch (error) {
      if (controller.signal.aborted) return;
      abortRef.current = null;
      setPhase({ kind: 'failed', error });
    }
  }

  async function runInBackground() {
    if (phase.kind === 'running' || starting) return;
    setStarting(true);
    try {
      const { path, query } = exportRequest(target, options);
      await startExportJob(path, query);
      setPhase({ kind: 'idle' });
    } catch (error) {
      setPhase({ kind: 'failed', error });
    } finally {
      setStarting(false);
      await queryClient.invalidateQueries({ queryKey: exportJobKeys.all });
    }
  }

  const running = phase.kind === 'running';
  const banner = phase.kind === 'failed' ? describeError(phase.error, t) : null;
  const fields = phase.kind === 'failed' && isApiError(phase.error) ? phase.error.fields : [];
  const scope =
    target.kind === 'document'
      ? t('exports.scope.document', { title: target.title })
      : target.documentIds && target.documentIds.length > 0
        ? t('exports.scope.selection', { count: target.documentIds.length })
        : t('exports.scope.workspace', { name: target.name });

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={`${id}-heading`}
      data-testid="export-dialog"
      onClose={handleClosed}
      onKeyDown={(event) => keepFocusInside(event.currentTarget, event)}
    >
      <form className="dialog__form" onSubmit={(event) => void handleSubmit(event)} noValidate aria-busy={running}>
        <header className="dialog__header">
          <h2 id={`${id}-heading`}>{t('exports.heading')}</h2>
          <button type="button" className="icon-button" aria-label={t('exports.close')} onClick={() => dialogRef.current?.close()}>
            <span aria-hidden="true">×</span>
          </button>
        </header>
        <p className="field__hint" data-testid="export-scope">
          {scope}
        </p>

        {banner && (
          <div className="notice notice--error" role="alert" data-testid="export-error">
            <p className="notice__title">{banner.headline}</p>
            {banner.detail && <p className="notice__detail">{banner.detail}</p>}
            {fields.length > 0 && (
              <ul className="notice__detail">
                {fields.map((field) => (
                  <li key={`${field.path}:${field.message}`}>
                    {field.path}: {field.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}

        <div className="field">
          <label htmlFor={`${id}-format`}>{t('exports.fields.format')}</label>
          <select
            ref={formatRef}
            id={`${id}-format`}
            value={options.format}
            disabled={running}
            onChange={(e) => set('format', e.target.value as ExportFormat)}
            data-testid="export-format"
          >
            {EXPORT_FORMATS.map((format) => (
              <option key={format} value={format}>
                {t(`exports.formats.${format}`)}
              </option>
            ))}
          </select>
          <p className="field__hint">{t(`exports.formatHints.${options.format}`)}</p>
        </div>

        <fieldset className="field" disabled={running}>
          <legend>{t('exports.fields.filters')}</legend>
          <div className="field">
            <label htmlFor={`${id}-tag`}>{t('exports.fields.tag')}</label>
            <select id={`${id}-tag`} value={options.tag ?? ''} onChange={(e) => set('tag', e.target.value || undefined)} data-testid="export-tag">
              <option value="">{t('exports.any')}</option>
              {ANNOTATION_TAGS.map((tag) => (
                <option key={tag} value={tag}>
                  {t(`tags.${tag}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-status`}>{t('exports.fields.status')}</label>
            <select id={`${id}-status`} value={options.status ?? ''} onChange={(e) => set('status', e.target.value || undefined)} data-testid="export-status">
              <option value="">{t('exports.any')}</option>
              {STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`exports.statuses.${status}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-author`}>{t('exports.fields.author')}</label>
            <select id={`${id}-author`} value={options.author ?? ''} onChange={(e) => set('author', e.target.value || undefined)} data-testid="export-author">
              <option value="">{t('exports.anyone')}</option>
              {(members.data?.items ?? []).map((member) => (
                <option key={member.userId} value={member.userId}>
                  {member.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-from`}>{t('exports.fields.from')}</label>
            <input id={`${id}-from`} type="date" value={options.from ?? ''} onChange={(e) => set('from', e.target.value || undefined)} data-testid="export-from" />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>{t('exports.fields.to')}</label>
            <input id={`${id}-to`} type="date" value={options.to ?? ''} onChange={(e) => set('to', e.target.value || undefined)} data-testid="export-to" />
          </div>
          <label className="choice">
            <input type="checkbox" checked={options.includeOwnPrivate} onChange={(e) => set('includeOwnPrivate', e.target.checked)} data-testid="export-private" />
            {t('exports.fields.includeOwnPrivate')}
          </label>
        </fieldset>

        {phase.kind === 'running' && (
          <p className="status" role="status" data-testid="export-progress">
            {phase.progress.annotations === null
              ? t('exports.progress.bytes', { size: formatBytes(phase.progress.bytes, language) })
              : t('exports.progress.withCount', { size: formatBytes(phase.progress.bytes, language), count: phase.progress.annotations })}
          </p>
        )}
        {phase.kind === 'done' && (
          <p className="status" role="status" data-testid="export-done">
            {t('exports.done', { filename: phase.filename, size: formatBytes(phase.bytes, language) })}
          </p>
        )}

        <ExportJobsList />

        <footer className="dialog__actions">
          {running ? (
            <button type="button" className="button" onClick={cancel} data-testid="export-cancel">
              {t('exports.cancel')}
            </button>
          ) : (
            <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
              {t('exports.close')}
            </button>
          )}
          <button
            type="button"
            className="button"
            disabled={running || starting}
            onClick={() => void runInBackground()}
            title={t('exports.backgroundHint')}
            data-testid="export-background"
          >
            {t('exports.background')}
          </button>
          <button type="submit" className="button button--primary" disabled={running} data-testid="export-submit">
            {running ? t('exports.submitting') : t('exports.submit')}
          </button>
        </footer>
      </form>
    </dialog>
  );
}
