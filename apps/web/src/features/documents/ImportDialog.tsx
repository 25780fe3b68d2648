// The import dialog: title, format, pasted text or a file; early checks, server field
// errors beside their fields, a banner for everything else. Values survive errors and closing.
import { MAX_DOCUMENT_BYTES, type DocumentDetail, type DocumentFormat, type FieldError } from '@glossa/contracts';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { formatBytes } from '../../i18n/format';
import { describeError } from '../../ui/describeError';
import { keepFocusInside } from '../../ui/keepFocusInside';
import { draftProblemMessage } from './draftMessages';
import { checkImportDraft, fieldForErrorPath, formatFromFilename, IMPORT_FILE_ACCEPT, IMPORT_FORMATS, titleFromFilename, type DraftField, type DraftProblem } from './importDraft';
import { useImportDocument } from './queries';

/** Statuses whose reason is the content itself, so the content field is marked too. */
const CONTENT_STATUSES = new Set([413, 415, 422]);

type SourceKind = 'paste' | 'file';
type FieldMessage = { problem: DraftProblem } | { server: string };
type Banner = { kind: 'tooLarge' } | { kind: 'server'; error: unknown; unplaced: readonly FieldError[] };
type FocusTarget = DraftField | 'banner';

export interface ImportDialogProps {
  /** The workspace the document goes into. */
  workspaceId: string;
  open: boolean;
  onClose: () => void;
  onImported: (document: DocumentDetail) => void;
}

export function ImportDialog({ workspaceId, open, onClose, onImported }: ImportDialogProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const ids = {
    heading: `${id}-heading`,
    title: `${id}-title`,
    titleError: `${id}-title-error`,
    format: `${id}-format`,
    formatHint: `${id}-format-hint`,
    formatError: `${id}-format-error`,
    content: `${id}-content`,
    file: `${id}-file`,
    fileHint: `${id}-file-hint`,
    contentError: `${id}-content-error`,
    banner: `${id}-banner`,
  };

  const dialogRef = useRef<HTMLDialogElement>(null);
  const refs = {
    title: useRef<HTMLInputElement>(null),
    format: useRef<HTMLSelectElement>(null),
    content: useRef<HTMLTextAreaElement>(null),
    file: useRef<HTMLInputElement>(null),
    banner: useRef<HTMLDivElement>(null),
  };

  const [title, setTitle] = useState('');
  const [format, setFormat] = useState<DocumentFormat>('text');
  const [sourceKind, setSourceKind] = useState<SourceKind>('paste');
  const [content, setContent] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<DraftField, FieldMessage>>>({});
  const [banner, setBanner] = useState<Banner | null>(null);
  const [focusTarget, setFocusTarget] = useState<FocusTarget | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const importMutation = useImportDocument();
  const busy = importMutation.isPending;
  const language = i18n.resolvedLanguage ?? i18n.language;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      refs.title.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open, refs.title]);

  useEffect(() => {
    if (!focusTarget) return;
    const target = focusTarget === 'content' ? (sourceKind === 'paste' ? refs.content : refs.file) : refs[focusTarget];
    target.current?.focus();
    setFocusTarget(null);
  }, [focusTarget, sourceKind, refs]);

  function clearFieldError(field: DraftField) {
    setFieldErrors((current) => {
      if (!current[field]) return current;
      const next = { ...current };
      delete next[field];
      return next;
    });
  }

  function cancelUpload() {
    abortRef.current?.abort();
    abortRef.current = null;
    importMutation.reset();
  }

  /** Runs whenever the dialog closes without an import: Esc, Cancel, the close button. */
  function handleClosed() {
    cancelUpload();
    setFieldErrors({});
    setBanner(null);
    onClose();
  }

  function chooseFile(chosen: File | null) {
    setFile(chosen);
    clearFieldError('content');
    setBanner(null);
    if (!chosen) return;
    const detected = formatFromFilename(chosen.name);
    if (detected) setFormat(detected);
    if (title.trim() === '') setTitle(titleFromFilename(chosen.name));
    // Check the file at once (size), not only on submit.
    const early = checkImportDraft({ title, source: { kind: 'file', file: chosen } }).filter((p) => p.field === 'content');
    if (early[0]) {
      setFieldErrors((current) => ({ ...current, content: { problem: early[0]! } }));
      if (early[0].kind === 'tooLarge') setBanner({ kind: 'tooLarge' });
    }
  }

  function showServerError(error: unknown) {
    // Only a 400 is about individual fields. 413/415/422/5xx describe the upload as a
    // whole: one banner with the server's message, the content field marked invalid.
    if (!(error instanceof ApiError) || error.status !== 400) {
      setFieldErrors({});
      setBanner({ kind: 'server', error, unplaced: [] });
      setFocusTarget('banner');
      return;
    }
    const next: Partial<Record<DraftField, FieldMessage>> = {};
    const unplaced: FieldError[] = [];
    for (const field of error.fields) {
      const slot = fieldForErrorPath(field.path);
      if (slot && !next[slot]) next[slot] = { server: field.message };
      else if (!slot) unplaced.push(field);
    }
    setFieldErrors(next);
    const placed = Object.keys(next) as DraftField[];
    const needsBanner = placed.length === 0 || unplaced.length > 0;
    setBanner(needsBanner ? { kind: 'server', error, unplaced } : null);
    setFocusTarget(needsBanner ? 'banner' : placed[0]!);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const problems = checkImportDraft({
      title,
      source: sourceKind === 'paste' ? { kind: 'paste', content } : { kind: 'file', file },
    });
    if (problems.length > 0) {
      const next: Partial<Record<DraftField, FieldMessage>> = {};
      for (const problem of problems) next[problem.field] ??= { problem };
      setFieldErrors(next);
      setBanner(problems.some((p) => p.kind === 'tooLarge') ? { kind: 'tooLarge' } : null);
      setFocusTarget(problems[0]!.field);
      return;
    }
    setFieldErrors({});
    setBanner(null);
    const controller = new AbortController();
    abortRef.current = controller;
    importMutation.mutate(
      {
        input: {
          workspaceId,
          title,
          format,
          source: sourceKind === 'paste' ? { kind: 'text', content } : { kind: 'file', file: file! },
        },
        signal: controller.signal,
      },
      {
        onSuccess: (document) => {
          abortRef.current = null;
          setTitle('');
          setContent('');
          setFile(null);
          setFormat('text');
          setSourceKind('paste');
          if (refs.file.current) refs.file.current.value = '';
          onImported(document);
        },
        onError: (error) => {
          if (controller.signal.aborted) return;
          abortRef.current = null;
          showServerError(error);
        },
      },
    );
  }

  function fieldMessage(message: FieldMessage | undefined): string | undefined {
    if (!message) return undefined;
    if ('server' in message) return message.server;
    return draftProblemMessage(message.problem, t, language);
  }

  const titleError = fieldMessage(fieldErrors.title);
  const formatError = fieldMessage(fieldErrors.format);
  const contentError = fieldMessage(fieldErrors.content);
  const contentBlamedByBanner =
    banner?.kind === 'server' && banner.error instanceof ApiError && CONTENT_STATUSES.has(banner.error.status);
  const contentInvalid = Boolean(contentError) || contentBlamedByBanner;
  const contentDescribedBy = [
    sourceKind === 'file' ? ids.fileHint : undefined,
    contentError ? ids.contentError : undefined,
    contentBlamedByBanner ? ids.banner : undefined,
  ]
    .filter(Boolean)
    .join(' ');

  const bannerText = banner ? describeBanner(banner) : null;
  function describeBanner(current: Banner): { headline: string; detail?: string; unplaced: readonly FieldError[] } {
    if (current.kind === 'tooLarge') return { headline: t('errors.codes.payload_too_large'), unplaced: [] };
    return { ...describeError(current.error, t), unplaced: current.unplaced };
  }

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={ids.heading}
      data-testid="import-dialog"
      onClose={handleClosed}
      onKeyDown={(event) => keepFocusInside(event.currentTarget, event)}
    >
      <form className="dialog__form" onSubmit={handleSubmit} noValidate aria-busy={busy}>
        <header className="dialog__header">
          <h2 id={ids.heading}>{t('importDialog.heading')}</h2>
          <button
            type="button"
            className="icon-button"
            aria-label={t('importDialog.close')}
            onClick={() => dialogRef.current?.close()}
          >
            <span aria-hidden="true">×</span>
          </button>
        </header>

        {bannerText && (
          <div
            ref={refs.banner}
            id={ids.banner}
            className="notice notice--error"
            role="alert"
            tabIndex={-1}
            data-testid="import-error"
          >
            <p className="notice__title">{bannerText.headline}</p>
            {bannerText.detail && <p className="notice__detail">{bannerText.detail}</p>}
            {bannerText.unplaced.length > 0 && (
              <>
                <p>{t('importDialog.problems.otherFields')}</p>
                <ul>
                  {bannerText.unplaced.map((field, index) => (
                    <li key={`${field.path}-${index}`}>
                      <code>{field.path}</code> {field.message}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}

        <div className="field">
          <label htmlFor={ids.title}>{t('importDialog.fields.title')}</label>
          <input
            ref={refs.title}
            id={ids.title}
            type="text"
            name="title"
            autoComplete="off"
            value={title}
            onChange={(event) => {
              setTitle(event.target.value);
              clearFieldError('title');
            }}
            aria-invalid={titleError ? true : undefined}
            aria-describedby={titleError ? ids.titleError : undefined}
            data-testid="import-title"
          />
          {titleError && (
            <p id={ids.titleError} className="field__error" data-testid="error-title">
              {titleError}
            </p>
          )}
        </div>

        <fieldset className="field field--choice">
          <legend>{t('importDialog.fields.source')}</legend>
          {(['paste', 'file'] as const).map((kind) => (
            <label key={kind} className="choice">
              <input
                type="radio"
                name="source"
                value={kind}
                checked={sourceKind === kind}
                onChange={() => {
                  setSourceKind(kind);
                  clearFieldError('content');
                  setBanner(null);
                }}
                data-testid={`import-source-${kind}`}
              />
              {kind === 'paste' ? t('importDialog.fields.sourcePaste') : t('importDialog.fields.sourceFile')}
            </label>
          ))}
        </fieldset>

        <div className="field">
          <label htmlFor={ids.format}>{t('importDialog.fields.format')}</label>
          <select
            ref={refs.format}
            id={ids.format}
            name="format"
            value={format}
            onChange={(event) => {
              setFormat(event.target.value as DocumentFormat);
              clearFieldError('format');
            }}
            aria-invalid={formatError ? true : undefined}
            aria-describedby={[sourceKind === 'file' ? ids.formatHint : '', formatError ? ids.formatError : ''].filter(Boolean).join(' ') || undefined}
            data-testid="import-format"
          >
            {IMPORT_FORMATS.map((value) => (
              <option key={value} value={value}>
                {t(`documentFormat.${value}`)}
              </option>
            ))}
          </select>
          {sourceKind === 'file' && (
            <p id={ids.formatHint} className="field__hint">
              {t('importDialog.hints.format')}
            </p>
          )}
          {formatError && (
            <p id={ids.formatError} className="field__error" data-testid="error-format">
              {formatError}
            </p>
          )}
        </div>

        <div className="field" hidden={sourceKind !== 'paste'}>
          <label htmlFor={ids.content}>{t('importDialog.fields.content')}</label>
          <textarea
            ref={refs.content}
            id={ids.content}
            name="content"
            rows={8}
            spellCheck={false}
            value={content}
            onChange={(event) => {
              setContent(event.target.value);
              clearFieldError('content');
              if (banner?.kind === 'tooLarge') setBanner(null);
            }}
            aria-invalid={sourceKind === 'paste' && contentInvalid ? true : undefined}
            aria-describedby={(sourceKind === 'paste' && contentDescribedBy) || undefined}
            data-testid="import-content"
          />
        </div>

        <div className="field" hidden={sourceKind !== 'file'}>
          <label htmlFor={ids.file}>{t('importDialog.fields.file')}</label>
          <input
            ref={refs.file}
            id={ids.file}
            type="file"
            name="file"
            accept={IMPORT_FILE_ACCEPT}
            onChange={(event) => chooseFile(event.target.files?.[0] ?? null)}
            aria-invalid={sourceKind === 'file' && contentInvalid ? true : undefined}
            aria-describedby={(sourceKind === 'file' && contentDescribedBy) || undefined}
            data-testid="import-file"
          />
          <p id={ids.fileHint} className="field__hint">
            {file
              ? t('importDialog.hints.selectedFile', { name: file.name, size: formatBytes(file.size, language) })
              : t('importDialog.hints.file', { limit: formatBytes(MAX_DOCUMENT_BYTES, language) })}
          </p>
        </div>

        {contentError && (
          <p id={ids.contentError} className="field__error field__error--block" data-testid="error-content">
            {contentError}
          </p>
        )}

        <footer className="dialog__actions">
          <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
            {t('importDialog.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="import-submit">
            {busy ? t('importDialog.submitting') : t('importDialog.submit')}
          </button>
        </footer>
      </form>
    </dialog>
  );
}
