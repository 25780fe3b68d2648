// "Flag contradiction with…" / "Link with…": pick one or more counterpart passages — by searching
// the workspace's annotations, or by selecting text in another document opened side by side
// (SideBySidePicker creates that annotation) — write a rationale (Markdown) and a severity, then
// POST /api/links. Keys pressed inside the dialog never reach the page's shortcuts behind it.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ANNOTATION_TAGS, selectorsOf, type AnnotationTag } from '../../api/annotations';
import { isApiError } from '../../api/client';
import { createLink, LINK_TYPES, searchAnnotations, type AnnotationInContext, type LinkType, type Severity } from '../../api/review';
import { describeError } from '../../ui/describeError';
import { keepFocusInside } from '../../ui/keepFocusInside';
import { excerpt } from '../annotations/AnnotationPanel';
import { useCurrentWorkspace } from '../session/SessionContext';
import { reviewKeys } from './queries';
import { SideBySidePicker } from './SideBySidePicker';

const SEVERITIES: Severity[] = ['low', 'medium', 'high'];

export interface LinkDialogProps {
  /** The annotation the dialog was opened from. */
  source: { id: string; quote: string; documentId: string };
  initialType: LinkType;
  onClose: () => void;
}

function useDebounced<T>(value: T, ms: number): T {
  const [current, setCurrent] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setCurrent(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return current;
}

export function LinkDialog({ source, initialType, onClose }: LinkDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [type, setType] = useState<LinkType>(initialType);
  const [q, setQ] = useState('');
  const [tag, setTag] = useState<AnnotationTag | ''>('');
  const [onlyThisDocument, setOnlyThisDocument] = useState(false);
  const [picked, setPicked] = useState<AnnotationInContext[]>([]);
  const [rationale, setRationale] = useState('');
  const [severity, setSeverity] = useState<Severity>('medium');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [rationaleError, setRationaleError] = useState<string | null>(null);
  const [sideBySide, setSideBySide] = useState(false);
  const sideBySideButton = useRef<HTMLButtonElement>(null);
  const closedSideBySide = useRef(false);
  const workspace = useCurrentWorkspace();
  const query = useDebounced(q.trim(), 250);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  // Closing the side-by-side view brings the focus back to the button that opened it.
  useEffect(() => {
    if (!sideBySide && closedSideBySide.current) {
      closedSideBySide.current = false;
      sideBySideButton.current?.focus();
    }
  }, [sideBySide]);

  const results = useQuery({
    queryKey: [...reviewKeys.all, 'search', query, tag, onlyThisDocument ? source.documentId : ''],
    queryFn: ({ signal }) => searchAnnotations({ q: query, tag: tag || undefined, documentId: onlyThisDocument ? source.documentId : undefined }, signal),
    enabled: query.length > 0,
  });

  const add = useCallback((annotation: AnnotationInContext) => setPicked((current) => (current.some((a) => a.id === annotation.id) ? current : [...current, annotation])), []);
  const remove = (id: string) => setPicked((current) => current.filter((a) => a.id !== id));
  const toggle = (annotation: AnnotationInContext) =>
    setPicked((current) => (current.some((a) => a.id === annotation.id) ? current.filter((a) => a.id !== annotation.id) : [...current, annotation]));

  const submit = async () => {
    setError(null);
    setRationaleError(null);
    if (rationale.trim() === '') {
      setRationaleError(t('review.link.rationaleRequired'));
      return;
    }
    if (picked.length === 0) {
      setError(t('review.link.pickOne'));
      return;
    }
    setBusy(true);
    try {
      await createLink({ type, annotationIds: [source.id, ...picked.map((a) => a.id)], rationale, severity: type === 'contradicts' ? severity : undefined });
      void queryClient.invalidateQueries({ queryKey: reviewKeys.all });
      onClose();
    } catch (caught) {
      if (isApiError(caught) && caught.status === 409) setError(t('review.link.duplicate'));
      else if (isApiError(caught) && caught.status === 404) setError(t('review.link.notFound'));
      else if (isApiError(caught) && caught.status === 422) setError(t('review.link.ownPrivate'));
      else if (isApiError(caught) && caught.status === 400 && caught.fields.some((f) => f.path === 'rationale')) setRationaleError(caught.fields.find((f) => f.path === 'rationale')!.message);
      else setError(describeError(caught, t).headline);
    } finally {
      setBusy(false);
    }
  };

  const items = (results.data?.items ?? []).filter((a) => a.id !== source.id);

  return (
    <dialog
      ref={dialogRef}
      className={`dialog link-dialog${sideBySide ? ' link-dialog--wide' : ''}`}
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      onKeyDown={(event) => {
        keepFocusInside(event.currentTarget, event);
        // The reading page behind listens on window (tag keys, undo): a modal keeps its keys.
        event.stopPropagation();
      }}
      onClick={(e) => e.stopPropagation()}
      data-testid="link-dialog"
    >
      <form
        className="dialog__form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2 id={`${id}-title`}>{type === 'contradicts' ? t('review.link.titleFlag') : t('review.link.titleLink')}</h2>
        <p className="link-dialog__source">
          {t('review.link.from')} <q>{excerpt(source.quote, 120)}</q>
        </p>
        <label>
          {t('review.link.type')}{' '}
          <select value={type} onChange={(e) => setType(e.target.value as LinkType)} data-testid="link-type">
            {LINK_TYPES.map((x) => (
              <option key={x} value={x}>
                {t(`review.linkTypes.${x}`)}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="link-dialog__search">
          <legend>{t('review.link.searchLegend')}</legend>
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('review.link.searchPlaceholder')} aria-label={t('review.link.searchPlaceholder')} data-testid="link-search" />
          <select aria-label={t('annotations.tag')} value={tag} onChange={(e) => setTag(e.target.value as AnnotationTag | '')} data-testid="link-search-tag">
            <option value="">{t('review.filters.anyTag')}</option>
            {ANNOTATION_TAGS.map((x) => (
              <option key={x} value={x}>
                {t(`tags.${x}`)}
              </option>
            ))}
          </select>
          <label className="checkbox">
            <input type="checkbox" checked={onlyThisDocument} onChange={(e) => setOnlyThisDocument(e.target.checked)} /> {t('review.link.onlyThisDocument')}
          </label>
          {results.isFetching && <p className="status">{t('review.link.searching')}</p>}
          {results.isError && <p className="form-error">{describeError(results.error, t).headline}</p>}
          {query.length > 0 && results.isSuccess && items.length === 0 && <p className="status">{t('review.link.noResults')}</p>}
          <ul className="link-dialog__results" data-testid="link-results">
            {items.map((a) => {
              const { quote } = selectorsOf(a);
              const checked = picked.some((p) => p.id === a.id);
              return (
                <li key={a.id}>
                  <label className="checkbox">
                    <input type="checkbox" checked={checked} onChange={() => toggle(a)} data-testid="link-result" data-annotation-id={a.id} />{' '}
                    <q>{excerpt(quote?.exact ?? '', 100)}</q> <span className="link-dialog__meta">— {a.documentTitle} · {a.author.name}</span>
                  </label>
                </li>
              );
            })}
          </ul>
          {workspace && !sideBySide && (
            <p>
              <button ref={sideBySideButton} type="button" className="button button--secondary button--small" onClick={() => setSideBySide(true)} data-testid="link-side-by-side">
                {t('review.sideBySide.open')}
              </button>
            </p>
          )}
        </fieldset>
        {workspace && sideBySide && (
          <SideBySidePicker
            workspaceId={workspace.id}
            source={{ id: source.id, documentId: source.documentId }}
            onCreated={add}
            onClose={() => {
              closedSideBySide.current = true;
              setSideBySide(false);
            }}
          />
        )}
        {picked.length > 0 && (
          <section aria-label={t('review.link.pickedLegend')} data-testid="link-picked">
            <p data-testid="link-picked-count">{t('review.link.picked', { count: picked.length })}</p>
            <ul className="link-dialog__picked">
              {picked.map((a) => {
                const quote = excerpt(selectorsOf(a).quote?.exact ?? '', 100);
                return (
                  <li key={a.id} data-testid="link-picked-item" data-annotation-id={a.id}>
                    <span className={`tag-badge tag-badge--${a.tag}`}>{t(`tags.${a.tag}`)}</span> <q>{quote}</q> <span className="link-dialog__meta">— {a.documentTitle}</span>{' '}
                    <button type="button" className="button button--link" onClick={() => remove(a.id)} aria-label={t('review.link.removeLabel', { quote })} data-testid="link-picked-remove">
                      {t('review.link.remove')}
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        )}
        <label>
          {t('review.link.rationale')}
          <textarea value={rationale} onChange={(e) => setRationale(e.target.value)} rows={4} aria-invalid={rationaleError ? true : undefined} data-testid="link-rationale" />
        </label>
        {rationaleError && (
          <p className="form-error" role="alert" data-testid="link-rationale-error">
            {rationaleError}
          </p>
        )}
        {type === 'contradicts' && (
          <label>
            {t('review.severity')}{' '}
            <select value={severity} onChange={(e) => setSeverity(e.target.value as Severity)} data-testid="link-severity">
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {t(`review.severities.${s}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        {error && (
          <div className="notice notice--error" role="alert" data-testid="link-error">
            <p className="notice__title">{error}</p>
          </div>
        )}
        <footer className="dialog__actions">
          <button type="button" className="button" onClick={() => dialogRef.current?.close()} data-testid="link-cancel">
            {t('confirm.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="link-submit">
            {busy ? t('review.link.saving') : type === 'contradicts' ? t('review.link.submitFlag') : t('review.link.submitLink')}
          </button>
        </footer>
      </form>
    </dialog>
  );
}
