// Inside the link dialog: this document and another one of the workspace side by side, both
// read-only ProseMirror views. The person chooses the other document (with a title filter),
// selects a passage there and tags it (buttons or keys 1/2/3); it is created as an annotation
// (POST with an Idempotency-Key, retried with the same key after a failure) and handed to the
// dialog as a counterpart.
import { useQueryClient } from '@tanstack/react-query';
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ANNOTATION_TAGS, createAnnotation, selectorsOf, type Annotation, type AnnotationTag } from '../../api/annotations';
import type { AnnotationInContext } from '../../api/review';
import { describeError } from '../../ui/describeError';
import { annotationErrorMessage } from '../annotations/annotationErrors';
import { excerpt } from '../annotations/AnnotationPanel';
import { annotationKeys } from '../annotations/useAnnotations';
import { useDocument, useDocumentList } from '../documents/queries';
import type { Highlight } from '../reading/annotationsPlugin';
import { ReadingView, scrollToHighlight, textIndexOf, type ReadingSelection } from '../reading/ReadingView';
import { useAnnotation } from './annotationComments';
import { counterpartDraft, filterDocuments, tagForKey, type CounterpartDraft } from './sideBySide';
import './sideBySide.css';

const NO_HIGHLIGHTS: readonly Highlight[] = [];

export interface SideBySidePickerProps {
  workspaceId: string;
  /** The annotation the link starts from, drawn in this document's pane. */
  source: { id: string; documentId: string };
  onCreated: (annotation: AnnotationInContext) => void;
  onClose: () => void;
}

export function SideBySidePicker({ workspaceId, source, onCreated, onClose }: SideBySidePickerProps) {
  const { t } = useTranslation();
  const [otherId, setOtherId] = useState<string | null>(null);
  return (
    <section className="side-by-side" aria-label={t('review.sideBySide.otherDocument')} data-testid="side-by-side">
      <div className="side-by-side__panes">
        <SourcePane source={source} />
        {otherId === null ? (
          <DocumentChooser workspaceId={workspaceId} excludeId={source.documentId} onChoose={setOtherId} />
        ) : (
          <OtherPane documentId={otherId} onChange={() => setOtherId(null)} onCreated={onCreated} />
        )}
      </div>
      <p>
        <button type="button" className="button button--link" onClick={onClose} data-testid="side-by-side-close">
          {t('review.sideBySide.close')}
        </button>
      </p>
    </section>
  );
}

/** This document, read-only, with the source annotation drawn and scrolled into view. */
function SourcePane({ source }: { source: { id: string; documentId: string } }) {
  const { t } = useTranslation();
  const document = useDocument(source.documentId);
  const annotation = useAnnotation(source.id);
  const viewRef = useRef<EditorView | null>(null);
  const highlights = useMemo<readonly Highlight[]>(() => {
    const a = annotation.data;
    const position = a ? selectorsOf(a).position : undefined;
    if (!a || !position || a.anchorStatus === 'detached' || a.target.revisionId !== document.data?.revision.id) return NO_HIGHLIGHTS;
    return [{ id: a.id, start: position.start, end: position.end, tag: a.tag, state: 'confirmed' }];
  }, [annotation.data, document.data?.revision.id]);

  // After ReadingView (a child) has drawn the highlight in its own effects.
  useEffect(() => {
    if (viewRef.current && highlights.length > 0) scrollToHighlight(viewRef.current, highlights[0]!.id);
  }, [highlights]);

  return (
    <div className="side-by-side__pane" data-testid="side-by-side-source">
      <h3 className="side-by-side__title">
        {t('review.sideBySide.thisDocument')}
        {document.data && <>: {document.data.title}</>}
      </h3>
      {document.isPending ? (
        <p className="status">{t('review.sideBySide.loadingDocument')}</p>
      ) : document.isError ? (
        <p className="form-error" role="alert">
          {describeError(document.error, t).headline}{' '}
          <button type="button" className="button button--link" onClick={() => void document.refetch()}>
            {t('review.sideBySide.tryAgain')}
          </button>
        </p>
      ) : (
        <>
          {annotation.isSuccess && highlights.length === 0 && <p className="status">{t('review.sideBySide.sourceMissing')}</p>}
          <div className="side-by-side__text">
            <ReadingView doc={document.data.revision.doc} lang={document.data.language} label={t('review.sideBySide.sourceLabel')} highlights={highlights} focusedId={source.id} viewRef={viewRef} />
          </div>
        </>
      )}
    </div>
  );
}

/** The workspace's documents (cursor pages, filtered by title here), each a button that opens it. */
function DocumentChooser({ workspaceId, excludeId, onChoose }: { workspaceId: string; excludeId: string; onChoose: (id: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const list = useDocumentList(workspaceId);
  const [filter, setFilter] = useState('');
  const filterRef = useRef<HTMLInputElement>(null);
  // The button that opened the chooser is gone: the filter takes the focus.
  useEffect(() => filterRef.current?.focus(), []);
  const all = useMemo(() => (list.data?.pages ?? []).flatMap((page) => page.items), [list.data]);
  const shown = filterDocuments(all, filter, excludeId);
  return (
    <div className="side-by-side__pane" data-testid="side-by-side-chooser">
      <h3 className="side-by-side__title" id={`${id}-title`}>
        {t('review.sideBySide.chooseDocument')}
      </h3>
      <input
        ref={filterRef}
        type="search"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        onKeyDown={(e) => {
          // Enter opens the first match instead of submitting the link form around it.
          if (e.key !== 'Enter') return;
          e.preventDefault();
          if (shown[0]) onChoose(shown[0].id);
        }}
        aria-label={t('review.sideBySide.filterLabel')}
        placeholder={t('review.sideBySide.filterLabel')}
        data-testid="side-by-side-filter"
      />
      {list.isPending ? (
        <p className="status">{t('review.sideBySide.loadingDocuments')}</p>
      ) : list.isError ? (
        <p className="form-error" role="alert" data-testid="side-by-side-documents-error">
          {describeError(list.error, t).headline}{' '}
          <button type="button" className="button button--link" onClick={() => void list.refetch()}>
            {t('review.sideBySide.tryAgain')}
          </button>
        </p>
      ) : (
        <>
          {shown.length === 0 && (
            <p className="status" role="status">
              {t('review.sideBySide.noDocuments')}
            </p>
          )}
          <ul className="side-by-side__documents" aria-labelledby={`${id}-title`}>
            {shown.map((d) => (
              <li key={d.id}>
                <button type="button" className="button button--link" lang={d.language} onClick={() => onChoose(d.id)} data-testid="side-by-side-document" data-document-id={d.id}>
                  {d.title}
                </button>
              </li>
            ))}
          </ul>
          {list.hasNextPage && (
            <button type="button" className="button button--small button--secondary" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} data-testid="side-by-side-more">
              {list.isFetchingNextPage ? t('review.sideBySide.loadingDocuments') : t('review.sideBySide.loadMore')}
            </button>
          )}
        </>
      )}
    </div>
  );
}

/** The other document: select, tag, and the annotation is created and handed over. */
function OtherPane({ documentId, onChange, onCreated }: { documentId: string; onChange: () => void; onCreated: (annotation: AnnotationInContext) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const document = useDocument(documentId);
  const viewRef = useRef<EditorView | null>(null);
  const paneRef = useRef<HTMLDivElement>(null);
  const [selection, setSelection] = useState<ReadingSelection | null>(null);
  const [draft, setDraft] = useState<CounterpartDraft | null>(null);
  const [created, setCreated] = useState<readonly Annotation[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const title = document.data?.title ?? '';

  // A keyboard user lands in the text, ready to extend a selection with shift+arrows.
  const loaded = document.isSuccess;
  useEffect(() => {
    if (loaded) paneRef.current?.querySelector<HTMLElement>('[data-testid=reading-view]')?.focus();
  }, [loaded, documentId]);

  const highlights = useMemo<readonly Highlight[]>(() => {
    const mine: Highlight[] = created
      .filter((a) => a.documentId === documentId)
      .map((a) => {
        const position = selectorsOf(a).position!;
        return { id: a.id, start: position.start, end: position.end, tag: a.tag, state: 'confirmed' };
      });
    if (draft && draft.documentId === documentId) mine.push({ id: `draft-${draft.idempotencyKey}`, start: draft.start, end: draft.end, tag: draft.body.tag, state: draft.state });
    return mine;
  }, [created, draft, documentId]);

  const send = useCallback(
    (next: CounterpartDraft, documentTitle: string) => {
      setDraft({ ...next, state: 'pending', error: null });
      setAnnouncement(t('review.sideBySide.saving'));
      createAnnotation(next.documentId, next.body, next.idempotencyKey).then(
        (annotation) => {
          setDraft(null);
          setCreated((all) => [...all, annotation]);
          setAnnouncement(t('review.sideBySide.created', { quote: excerpt(next.quote, 80) }));
          void queryClient.invalidateQueries({ queryKey: annotationKeys.list(annotation.documentId) });
          onCreated({ ...annotation, documentTitle });
        },
        (error: unknown) => {
          setDraft({ ...next, state: 'failed', error });
          setAnnouncement('');
        },
      );
    },
    [onCreated, queryClient, t],
  );

  const create = (tag: AnnotationTag) => {
    const view = viewRef.current;
    if (!view || !selection || !document.data || draft) return;
    const next = counterpartDraft({
      documentId,
      revisionId: document.data.revision.id,
      text: textIndexOf(view).text,
      start: selection.start,
      end: selection.end,
      tag,
      idempotencyKey: crypto.randomUUID(),
    });
    send(next, title);
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, selection.to)));
    view.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Escape with text selected only clears the selection (ReadingView does that), not the dialog.
    if (event.key === 'Escape' && selection) {
      event.preventDefault();
      return;
    }
    const tag = tagForKey(event);
    if (!tag) return;
    event.preventDefault();
    event.stopPropagation();
    create(tag);
  };

  const tagsDisabled = !selection || draft !== null;

  return (
    <div className="side-by-side__pane" ref={paneRef} data-testid="side-by-side-other" data-document-id={documentId}>
      <h3 className="side-by-side__title">
        {t('review.sideBySide.otherDocument')}
        {document.data && <>: {title}</>}{' '}
        <button type="button" className="button button--link" onClick={onChange} disabled={draft !== null} data-testid="side-by-side-change">
          {t('review.sideBySide.change')}
        </button>
      </h3>
      {document.isPending ? (
        <p className="status">{t('review.sideBySide.loadingDocument')}</p>
      ) : document.isError ? (
        <p className="form-error" role="alert" data-testid="side-by-side-document-error">
          {describeError(document.error, t).headline}{' '}
          <button type="button" className="button button--link" onClick={() => void document.refetch()}>
            {t('review.sideBySide.tryAgain')}
          </button>
        </p>
      ) : (
        <>
          <p className="side-by-side__hint">{t('review.sideBySide.hint')}</p>
          <div className="side-by-side__text" onKeyDown={onKeyDown}>
            <ReadingView
              doc={document.data.revision.doc}
              lang={document.data.language}
              label={t('review.sideBySide.readingLabel', { title })}
              highlights={highlights}
              onSelect={setSelection}
              viewRef={viewRef}
            />
          </div>
        </>
      )}
      <div className="side-by-side__toolbar" role="toolbar" aria-label={t('review.sideBySide.tagLabel')} data-testid="side-by-side-toolbar">
        {selection && viewRef.current && (
          <span className="side-by-side__selected" data-testid="side-by-side-selected">
            {t('review.sideBySide.selected', { quote: excerpt(viewRef.current.state.doc.textBetween(selection.from, selection.to, '\n'), 80) })}
          </span>
        )}
        {ANNOTATION_TAGS.map((tag, i) => (
          <button
            key={tag}
            type="button"
            className={`tag-button tag-button--${tag}`}
            disabled={tagsDisabled}
            // Keep the text selected: the button must not take it away on press.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => create(tag)}
            title={t('annotations.shortcut', { key: i + 1 })}
            data-testid={`side-by-side-tag-${tag}`}
          >
            {t(`tags.${tag}`)} <kbd>{i + 1}</kbd>
          </button>
        ))}
      </div>
      {draft?.state === 'failed' && (
        <div className="notice notice--error" role="alert" data-testid="side-by-side-failed">
          <p className="notice__title">{t('review.sideBySide.failed', { quote: excerpt(draft.quote, 80), reason: annotationErrorMessage(draft.error, t) })}</p>
          <p>
            <button type="button" className="button button--small" onClick={() => send(draft, title)} data-testid="side-by-side-retry">
              {t('review.sideBySide.retry')}
            </button>{' '}
            <button type="button" className="button button--small button--secondary" onClick={() => setDraft(null)} data-testid="side-by-side-discard">
              {t('review.sideBySide.discard')}
            </button>
          </p>
          {selection && <p className="status">{t('review.sideBySide.finishFirst')}</p>}
        </div>
      )}
      <p className="visually-hidden" role="status" data-testid="side-by-side-status">
        {announcement}
      </p>
    </div>
  );
}
