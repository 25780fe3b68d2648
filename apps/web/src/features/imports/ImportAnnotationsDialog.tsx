// "Import annotations": pick a W3C Web Annotation (JSON-LD) or Glossa JSON file and where the annotations
// go (the documents the file names, or one document of this workspace); the server anchors them by their
// quotes, keeps unmatched ones detached, and stores all or nothing. Field reasons are listed on refusal.
import type { DocumentSummary, ImportResult } from '@glossa/contracts';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { formatBytes } from '../../i18n/format';
import { describeError } from '../../ui/describeError';
import { FormBanner } from '../../ui/FormBanner';
import { keepFocusInside } from '../../ui/keepFocusInside';
import { MAX_IMPORT_FILE_BYTES, useImportAnnotations } from './importAnnotations';

/** Field reasons shown at most; the rest are counted. */
const SHOWN_FIELDS = 8;

type Problem = 'fileRequired' | 'tooLarge' | 'notJson';

export interface ImportAnnotationsDialogProps {
  workspaceId: string;
  /** The documents on screen, offered as the target. */
  documents: readonly DocumentSummary[];
  open: boolean;
  onClose: () => void;
}

export function ImportAnnotationsDialog({ workspaceId, documents, open, onClose }: ImportAnnotationsDialogProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const dialogRef = useRef<HTMLDialogElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [documentId, setDocumentId] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const mutation = useImportAnnotations();
  const busy = mutation.isPending;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      fileRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  function handleClosed() {
    mutation.reset();
    setProblem(null);
    setResult(null);
    onClose();
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setResult(null);
    mutation.reset();
    if (!file) return setProblem('fileRequired');
    if (file.size > MAX_IMPORT_FILE_BYTES) return setProblem('tooLarge');
    let data: unknown;
    try {
      data = JSON.parse(await file.text());
    } catch {
      return setProblem('notJson');
    }
    setProblem(null);
    mutation.mutate({ workspaceId, data, documentId: documentId || undefined }, { onSuccess: setResult });
  }

  const error = mutation.error;
  const banner = error ? describeError(error, t) : null;
  // The file sits under `data` in the request; paths are shown relative to the file.
  const fields = error && isApiError(error) ? error.fields.map((field) => ({ ...field, path: field.path.replace(/^data\./, '') })) : [];

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={`${id}-heading`}
      data-testid="import-annotations-dialog"
      onClose={handleClosed}
      onKeyDown={(event) => keepFocusInside(event.currentTarget, event)}
    >
      <form className="dialog__form" onSubmit={(event) => void handleSubmit(event)} noValidate aria-busy={busy}>
        <header className="dialog__header">
          <h2 id={`${id}-heading`}>{t('annotationImport.heading')}</h2>
          <button type="button" className="icon-button" aria-label={t('annotationImport.close')} onClick={() => dialogRef.current?.close()}>
            ×
          </button>
        </header>
        <p className="field__hint">{t('annotationImport.intro')}</p>

        <div className="field">
          <label htmlFor={`${id}-file`}>{t('annotationImport.file')}</label>
          <input
            ref={fileRef}
            id={`${id}-file`}
            type="file"
            accept=".json,.jsonld,application/json,application/ld+json"
            aria-invalid={problem !== null}
            aria-describedby={`${id}-file-hint`}
            onChange={(event) => {
              setFile(event.currentTarget.files?.[0] ?? null);
              setProblem(null);
            }}
            data-testid="import-annotations-file"
          />
          <p id={`${id}-file-hint`} className={problem ? 'field__error' : 'field__hint'} role={problem ? 'alert' : undefined}>
            {problem ? t(`annotationImport.problems.${problem}`, { limit: formatBytes(MAX_IMPORT_FILE_BYTES, language) }) : t('annotationImport.fileHint')}
          </p>
        </div>

        <div className="field">
          <label htmlFor={`${id}-target`}>{t('annotationImport.target')}</label>
          <select id={`${id}-target`} value={documentId} onChange={(event) => setDocumentId(event.currentTarget.value)} data-testid="import-annotations-target">
            <option value="">{t('annotationImport.targetFromFile')}</option>
            {documents.map((document) => (
              <option key={document.id} value={document.id}>
                {document.title}
              </option>
            ))}
          </select>
          <p className="field__hint">{t('annotationImport.targetHint')}</p>
        </div>

        {banner && (
          <FormBanner
            message={banner}
            unplaced={fields.slice(0, SHOWN_FIELDS)}
            code={isApiError(error) ? error.code : undefined}
            testId="import-annotations-error"
          />
        )}
        {fields.length > SHOWN_FIELDS && <p className="field__hint">{t('annotationImport.moreProblems', { count: fields.length - SHOWN_FIELDS })}</p>}
        {result && (
          <p className="status" role="status" data-testid="import-annotations-result">
            {t('annotationImport.done', { count: result.imported, anchored: result.anchored, detached: result.detached })}
          </p>
        )}

        <footer className="dialog__actions">
          <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
            {result ? t('annotationImport.close') : t('annotationImport.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="import-annotations-submit">
            {busy ? t('annotationImport.submitting') : t('annotationImport.submit')}
          </button>
        </footer>
      </form>
    </dialog>
  );
}
