// The reading view with annotating around it: the selection toolbar (keys 1/2/3), hover
// tooltips, the side panel, Ctrl/Cmd+Z and the "Undone" toast. The toolbar and tooltip are
// React elements positioned from view.coordsAtPos, outside the ProseMirror DOM.
// Live: colleagues' changes arrive through useLiveDocument and are held while the reader has text
// selected or is typing a note; who else is viewing shows above the text, their selections as
// faint marks in it, and the reader's own selection is shared with them.
import type { EditorView } from 'prosemirror-view';
import { TextSelection } from 'prosemirror-state';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ANNOTATION_TAGS, type AnnotationTag } from '../../api/annotations';
import type { Highlight } from '../reading/annotationsPlugin';
import { drawHighlightsNow, ReadingView, scrollToHighlight, textIndexOf, type HighlightHover, type ReadingSelection } from '../reading/ReadingView';
import { MarkdownNote } from '../../ui/MarkdownNote';
import { AnnotationPanel, excerpt } from './AnnotationPanel';
import { annotationErrorMessage } from './annotationErrors';
import { annotationKeys, useAnnotations, type Me } from './useAnnotations';
import { itemFromAnnotation } from './items';
import type { AnnotationList, LiveChange } from '@glossa/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useDocumentFlags } from '../review/queries';
import { viewerColor } from '../live/colors';
import { useLiveDocument } from '../live/useLive';
import { Viewers } from '../live/Viewers';
import type { RemoteSelection } from '../reading/presencePlugin';

const TAG_KEYS: Record<string, AnnotationTag> = { '1': 'claim', '2': 'opinion', '3': 'data' };
const NOTICE_MS = 4000;
const TOOLBAR_WIDTH = 300;
const NO_FLAGS: ReadonlySet<string> = new Set();

export interface AnnotatingReaderProps {
  documentId: string;
  revisionId: string;
  doc: Record<string, unknown>;
  lang: string;
  label: string;
  me: Me;
  canAnnotate: boolean;
}

interface Placed {
  top: number;
  left: number;
}

/** A field where a note is typed (the toolbar's note, an annotation's edit form), not a filter. */
function isNoteField(target: EventTarget | null): boolean {
  return (target instanceof HTMLInputElement && target.type === 'text') || target instanceof HTMLTextAreaElement;
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function AnnotatingReader({ documentId, revisionId, doc, lang, label, me, canAnnotate }: AnnotatingReaderProps) {
  const { t } = useTranslation();
  const viewRef = useRef<EditorView | null>(null);
  const areaRef = useRef<HTMLDivElement>(null);
  const [selection, setSelection] = useState<ReadingSelection | null>(null);
  const [typing, setTyping] = useState(false);
  const queryClient = useQueryClient();
  const flaggedRef = useRef<ReadonlySet<string>>(NO_FLAGS);
  // A colleague's highlight is drawn as soon as its change is in the cache, without waiting for
  // the render (which then finds it drawn): the cache's copy decides, so a stale change draws nothing.
  const drawChange = useCallback(
    (change: LiveChange) => {
      const view = viewRef.current;
      if (change.kind !== 'annotation' || !view) return;
      const list = queryClient.getQueryData<AnnotationList>(annotationKeys.list(documentId));
      if (!list) return;
      const annotation = list.items.find((a) => a.id === change.annotationId);
      if (!annotation || annotation.anchorStatus === 'detached') {
        drawHighlightsNow(view, [], [change.annotationId]);
        return;
      }
      const item = itemFromAnnotation(annotation);
      drawHighlightsNow(view, [{ id: item.id, start: item.start, end: item.end, tag: item.tag, state: 'confirmed', flagged: flaggedRef.current.has(item.id) }]);
    },
    [queryClient, documentId],
  );
  const live = useLiveDocument(documentId, me.id, selection !== null || typing, drawChange);
  const annotations = useAnnotations(documentId, revisionId, me, live.status);
  const [toolbarAt, setToolbarAt] = useState<Placed | null>(null);
  const [note, setNote] = useState('');
  const [hover, setHover] = useState<HighlightHover | null>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [focusSeq, setFocusSeq] = useState(0);
  const { items, notice, dismissNotice } = annotations;
  const flags = useDocumentFlags(documentId);
  const flaggedIds = flags.data ?? NO_FLAGS;
  flaggedRef.current = flaggedIds;

  const highlights = useMemo<Highlight[]>(
    () => items.filter((item) => !item.detached).map((item) => ({ id: item.id, start: item.start, end: item.end, tag: item.tag, state: item.saveState, flagged: flaggedIds.has(item.id) })),
    [items, flaggedIds],
  );
  const byId = useMemo(() => new Map(items.map((item) => [item.id, item])), [items]);
  const remoteSelections = useMemo<RemoteSelection[]>(
    () =>
      live.viewers
        .filter((viewer) => viewer.userId !== me.id && viewer.range !== null && viewer.range.start < viewer.range.end)
        .map((viewer) => ({ userId: viewer.userId, name: viewer.name, start: viewer.range!.start, end: viewer.range!.end, color: viewerColor(viewer.userId) })),
    [live.viewers, me.id],
  );

  const { shareSelection } = live;
  useEffect(() => {
    shareSelection(selection ? { start: selection.start, end: selection.end } : null);
  }, [selection?.start, selection?.end, shareSelection]); // eslint-disable-line react-hooks/exhaustive-deps -- the offsets are what is shared

  const relative = useCallback((rect: { left: number; top: number; bottom: number }): Placed | null => {
    const area = areaRef.current;
    if (!area) return null;
    const box = area.getBoundingClientRect();
    const left = Math.max(0, Math.min(rect.left - box.left, box.width - TOOLBAR_WIDTH));
    return { top: rect.bottom - box.top + 6, left };
  }, []);

  const onSelect = useCallback(
    (next: ReadingSelection | null) => {
      setSelection(next);
      const view = viewRef.current;
      if (!next || !view) {
        // Keep the toolbar while its note field has the focus; the view's selection stays put.
        if (!areaRef.current?.querySelector('.selection-toolbar')?.contains(document.activeElement)) setToolbarAt(null);
        return;
      }
      setToolbarAt(relative(view.coordsAtPos(next.to, -1)));
    },
    [relative],
  );

  const focusAnnotation = useCallback((id: string | null, fromText: boolean) => {
    setFocusedId(id);
    if (fromText) setFocusSeq((n) => n + 1);
  }, []);

  const jumpTo = useCallback((id: string) => {
    setFocusedId(id);
    const view = viewRef.current;
    // Draws it first when it lies outside the window of highlights near the viewport.
    if (view) scrollToHighlight(view, id);
  }, []);

  const annotate = useCallback(
    (tag: AnnotationTag) => {
      const view = viewRef.current;
      if (!view || !selection || !canAnnotate) return;
      annotations.create(textIndexOf(view), selection.start, selection.end, tag, note);
      setNote('');
      setToolbarAt(null);
      setSelection(null);
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, selection.to)));
      view.focus();
    },
    [annotations, selection, note, canAnnotate],
  );

  /** Re-anchors `id` to the selected text (a move of its extent, or re-attaching a detached one). */
  const moveHere = useCallback(
    (id: string) => {
      const view = viewRef.current;
      if (!view || !selection || !canAnnotate) return;
      void annotations.moveTo(id, textIndexOf(view), selection.start, selection.end);
      setToolbarAt(null);
      setSelection(null);
      setFocusedId(id);
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, selection.to)));
      view.focus();
    },
    [annotations, selection, canAnnotate],
  );

  // Keys work wherever the focus is, except while typing in a field.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTextField(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      if (mod && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'z') {
        if (annotations.undoLast()) event.preventDefault();
        return;
      }
      if (mod || event.altKey) return;
      const tag = TAG_KEYS[event.key];
      if (tag && selection && canAnnotate) {
        event.preventDefault();
        annotate(tag);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [annotations, selection, canAnnotate, annotate]);

  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(dismissNotice, NOTICE_MS);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one timer per notice
  }, [notice?.seq]);

  const hovered = hover ? byId.get(hover.id) : undefined;
  const focusedItem = focusedId ? byId.get(focusedId) : undefined;
  const movable = focusedItem?.annotation?.abilities.edit ? focusedItem : undefined;
  const tooltipAt = hover ? relative(hover.rect) : null;

  return (
    <div
      className="annotating"
      onFocusCapture={(e) => setTyping(isNoteField(e.target))}
      onBlurCapture={(e) => setTyping(isNoteField(e.relatedTarget))}
    >
      <Viewers viewers={live.viewers} myId={me.id} heldCount={live.heldCount} />
      <div ref={areaRef} className="reading-area">
        <ReadingView
          doc={doc}
          lang={lang}
          label={label}
          highlights={highlights}
          focusedId={focusedId}
          onSelect={onSelect}
          onHighlightClick={(id) => focusAnnotation(id, true)}
          onHighlightHover={setHover}
          remoteSelections={remoteSelections}
          viewRef={viewRef}
        />
        {canAnnotate && selection && toolbarAt && (
          <div
            className="selection-toolbar"
            role="toolbar"
            aria-label={t('annotations.toolbarLabel')}
            style={{ top: toolbarAt.top, left: toolbarAt.left }}
            data-testid="selection-toolbar"
          >
            {ANNOTATION_TAGS.map((tag, i) => (
              <button
                key={tag}
                type="button"
                className={`tag-button tag-button--${tag}`}
                // Keep the text selected: the toolbar must not take it away on press.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => annotate(tag)}
                title={t('annotations.shortcut', { key: i + 1 })}
                data-testid={`annotate-${tag}`}
              >
                {t(`tags.${tag}`)} <kbd>{i + 1}</kbd>
              </button>
            ))}
            <input
              type="text"
              className="selection-toolbar__note"
              placeholder={t('annotations.notePlaceholder')}
              aria-label={t('annotations.noteLabel')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setToolbarAt(null);
              }}
              data-testid="annotate-note"
            />
            {movable && (
              <button
                type="button"
                className="button button--small button--secondary"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => moveHere(movable.id)}
                title={excerpt(movable.quote, 60)}
                data-testid="toolbar-move-here"
              >
                {movable.detached ? t('annotations.attachHere') : t('annotations.moveHere')}
              </button>
            )}
          </div>
        )}
        {hovered && tooltipAt && (
          <div className="highlight-tooltip" role="tooltip" style={{ top: tooltipAt.top, left: tooltipAt.left }} data-testid="highlight-tooltip">
            <strong>{t(`tags.${hovered.tag}`)}</strong> · {hovered.author.name}
            {hovered.note && <MarkdownNote source={excerpt(hovered.note, 140)} testId="tooltip-note" />}
          </div>
        )}
      </div>
      <AnnotationPanel
        items={items}
        myId={me.id}
        documentId={documentId}
        canLink={canAnnotate}
        flaggedIds={flaggedIds}
        focusedId={focusedId}
        focusSeq={focusSeq}
        loading={annotations.query.isPending}
        loadError={annotations.query.error}
        onRetryLoad={() => void annotations.query.refetch()}
        onFocus={(id) => focusAnnotation(id, false)}
        onJump={jumpTo}
        onEdit={(id, patch) => void annotations.edit(id, patch)}
        onDelete={(id) => void annotations.remove(id)}
        onDeleteMany={annotations.removeMany}
        onRetry={annotations.retry}
        onDiscard={annotations.discard}
        draftError={annotations.draftError}
        hasSelection={canAnnotate && selection !== null}
        onMoveHere={moveHere}
      />
      {!canAnnotate && <p className="annotating__readonly">{t('annotations.readOnly')}</p>}
      {notice && (
        <div className={`toast toast--${notice.kind}`} role="status" data-testid="annotation-toast">
          {notice.kind === 'undone' ? t('annotations.undone') : notice.kind === 'deleted' ? t('annotations.deleted', { count: notice.count ?? 0 }) : annotationErrorMessage(notice.error, t)}
          {notice.kind === 'deleted' && (
            <button type="button" className="button button--link" onClick={() => annotations.undoLast()} data-testid="annotation-toast-undo">
              {t('annotations.undo')}
            </button>
          )}
          <button type="button" className="button button--link" onClick={dismissNotice}>
            {t('annotations.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
