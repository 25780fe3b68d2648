// "New version": re-import a changed text of a document (pasted or a file) as its next
// revision. The server re-anchors every annotation; the page shows how many stayed in place,
// moved, matched approximately or became detached.
import { MAX_DOCUMENT_BYTES, type DocumentFormat, type RevisionImported } from '@glossa/contracts';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../i18n/format';
import { describeError } from '../../ui/describeError';
import { keepFocusInside } from '../../ui/keepFocusInside';
import { draftProblemMessage } from './draftMessages';
import { checkImportDraft, formatFromFilename, IMPORT_FILE_ACCEPT, IMPORT_FORMATS, type DraftProblem } from './importDraft';
import { useImportRevision } from './queries';


type SourceKind = 'paste' | 'file';

export interface RevisionDialogProps {
  documentId: string;
  /** The format the current revision was imported in, preselected. */
  initialFormat: DocumentFormat;
  open: boolean;
  onClose: () => void;
  onImported: (result: RevisionImported) => void;
}

export function RevisionDialog({ documentId, initialFormat, open, onClose, onImported }: RevisionDialogProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const contentRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const bannerRef = useRef<HTMLDivElement>(null);
  const [format, setFormat] = useState<DocumentFormat>(initialFormat);
  const [sourceKind, setSourceKind] = useState<SourceKind>('paste');
  const [content, setContent] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<DraftProblem | null>(null);
  const [serverError, setServerError] = useState<unknown>(null);
  const abortRef = useRef<AbortController | null>(null);
  const mutation = useImportRevision();
  const busy = mutation.isPending;
  const language = i18n.resolvedLanguage ?? i18n.language;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      contentRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  useEffect(() => {
    if (serverError) bannerRef.current?.focus();
  }, [serverError]);

  function handleClosed() {
    abortRef.current?.abort();
    abortRef.current = null;
    mutation.reset();
    setProblem(null);
    setServerError(null);
    onClose();
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    // The title is the document's own; only the content is checked here.
    const found = checkImportDraft({ title: 'x', source: sourceKind === 'paste' ? { kind: 'paste', content } : { kind: 'file', file } }).find((p) => p.field === 'content');
    if (found) {
      setProblem(found);
      (sourceKind === 'paste' ? contentRef : fileRef).current?.focus();
      return;
    }
    setProblem(null);
    setServerError(null);
    const controller = new AbortController();
    abortRef.current = controller;
    mutation.mutate(
      { documentId, input: { format, source: sourceKind === 'paste' ? { kind: 'text', content } : { kind: 'file', file: file! } }, signal: controller.signal },
      {
        onSuccess: (result) => {
          abortRef.current = null;
          setContent('');
          setFile(null);
          setSourceKind('paste');
          if (fileRef.current) fileRef.current.value = '';
          onImported(result);
        },
        onError: (error) => {
          if (controller.signal.aborted) return;
          abortRef.current = null;
          setServerError(error);
        },
      },
    );
  }


  const banner = serverError ? describeError(serverError, t) : null;
  const contentError = problem ? draftProblemMessage(problem, t, language) : null;

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={`${id}-heading`}
      data-testid="revision-dialog"
      onClose={handleClosed}
      onKeyDown={(event) => keepFocusInside(event.currentTarget, event)}
    >
      <form className="dialog__form" onSubmit={handleSubmit} noValidate aria-busy={busy}>
        <header className="dialog__header">
          <h2 id={`${id}-heading`}>{t('revisionDialog.heading')}</h2>
          <button type="button" className="icon-button" aria-label={t('importDialog.close')} onClick={() => dialogRef.current?.close()}>
            <span aria-hidden="true">×</span>
          </button>
        </header>
        <p className="field__hint">{t('revisionDialog.intro')}</p>

        {banner && (
          <div ref={bannerRef} className="notice notice--error" role="alert" tabIndex={-1} data-testid="revision-error">
            <p className="notice__title">{banner.headline}</p>
            {banner.detail && <p className="notice__detail">{banner.detail}</p>}
          </div>
        )}

        <fieldset className="field field--choice">
          <legend>{t('importDialog.fields.source')}</legend>
          {(['paste', 'file'] as const).map((kind) => (
            <label key={kind} className="choice">
              <input
                type="radio"
                name="revision-source"
                value={kind}
                checked={sourceKind === kind}
                onChange={() => {
                  setSourceKind(kind);
                  setProblem(null);
                }}
                data-testid={`revision-source-${kind}`}
              />
              {kind === 'paste' ? t('importDialog.fields.sourcePaste') : t('importDialog.fields.sourceFile')}
            </label>
          ))}
        </fieldset>

        <div className="field">
          <label htmlFor={`${id}-format`}>{t('importDialog.fields.format')}</label>
          <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as DocumentFormat)} data-testid="revision-format">
            {IMPORT_FORMATS.map((value) => (
              <option key={value} value={value}>
                {t(`documentFormat.${value}`)}
              </option>
            ))}
          </select>
        </div>

        <div className="field" hidden={sourceKind !== 'paste'}>
          <label htmlFor={`${id}-content`}>{t('importDialog.fields.content')}</label>
          <textarea
            ref={contentRef}
            id={`${id}-content`}
            rows={8}
            spellCheck={false}
            value={content}
            onChange={(e) => {
              setContent(e.target.value);
              setProblem(null);
            }}
            aria-invalid={sourceKind === 'paste' && contentError ? true : undefined}
            aria-describedby={contentError ? `${id}-content-error` : undefined}
            data-testid="revision-content"
          />
        </div>

        <div className="field" hidden={sourceKind !== 'file'}>
          <label htmlFor={`${id}-file`}>{t('importDialog.fields.file')}</label>
          <input
            ref={fileRef}
            id={`${id}-file`}
            type="file"
            accept={IMPORT_FILE_ACCEPT}
            onChange={(e) => {
              const chosen = e.target.files?.[0] ?? null;
              setFile(chosen);
              setProblem(null);
              const detected = chosen ? formatFromFilename(chosen.name) : undefined;
              if (detected) setFormat(detected);
            }}
            aria-invalid={sourceKind === 'file' && contentError ? true : undefined}
            aria-describedby={contentError ? `${id}-content-error` : undefined}
            data-testid="revision-file"
          />
          <p className="field__hint">
            {file ? t('importDialog.hints.selectedFile', { name: file.name, size: formatBytes(file.size, language) }) : t('importDialog.hints.file', { limit: formatBytes(MAX_DOCUMENT_BYTES, language) })}
          </p>
        </div>

        {contentError && (
          <p id={`${id}-content-error`} className="field__error field__error--block" data-testid="revision-content-error">
            {contentError}
          </p>
        )}

        <footer className="dialog__actions">
          <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
            {t('importDialog.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="revision-submit">
            {busy ? t('revisionDialog.submitting') : t('revisionDialog.submit')}
          </button>
        </footer>
      </form>
    </dialog>
  );
}
