// The reading view: one read-only ProseMirror EditorView, mounted once inside a React-owned
// host element. ProseMirror owns everything inside the host; React never renders there.
// Highlights reach it as a list and are turned into annotationsPlugin actions (add / remove /
// replace per highlight), selections leave it as code point offsets. The visible positions reach
// the plugin as viewport actions (rAF-throttled on scroll and resize), so with many highlights
// only those near the viewport are drawn. The view is driven from layout effects, so a change
// of the highlights is drawn in the same frame as the render that brought it; the list is diffed
// against the plugin's own highlights, so one drawn ahead of React (drawHighlightsNow, for a
// colleague's change) costs nothing when the list catches up. Other viewers' selections are
// faint marks drawn by a plugin of their own (presencePlugin), replaced whenever presence changes.
import { schema } from '@glossa/editor-schema';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import 'prosemirror-view/style/prosemirror.css';
import { useLayoutEffect, useMemo, useRef, type RefObject } from 'react';
import { isBlankQuote, type TextIndex } from '@glossa/anchoring';
import {
  ANNOTATION_ID_ATTRIBUTE,
  annotationsKey,
  annotationsPlugin,
  annotationsTransaction,
  diffHighlights,
  needsViewport,
  sameHighlight,
  type AnnotationsAction,
  type Highlight,
} from './annotationsPlugin';
import { moveHead, selectionForKeys } from './keyboardSelection';
import { presenceKey, presencePlugin, presenceTransaction, type RemoteSelection } from './presencePlugin';

/** A non-empty selection in the view: code point offsets and the positions they came from. */
export interface ReadingSelection {
  start: number;
  end: number;
  from: number;
  to: number;
}

export interface HighlightHover {
  id: string;
  rect: DOMRect;
}

export interface ReadingViewProps {
  /** ProseMirror JSON of a revision, in the @glossa/editor-schema schema. */
  doc: Record<string, unknown>;
  /** BCP 47 tag of the text; picks Traditional vs Simplified glyphs and the font stack. */
  lang: string;
  /** Accessible name of the text region. */
  label: string;
  highlights?: readonly Highlight[];
  focusedId?: string | null;
  onSelect?: (selection: ReadingSelection | null) => void;
  onHighlightClick?: (id: string) => void;
  onHighlightHover?: (hover: HighlightHover | null) => void;
  /** Where other viewers have text selected, drawn as faint marks. */
  remoteSelections?: readonly RemoteSelection[];
  /** Receives the view, for positioning UI beside the text and scrolling to highlights. */
  viewRef?: RefObject<EditorView | null>;
}

const NO_HIGHLIGHTS: readonly Highlight[] = [];
const NO_SELECTIONS: readonly RemoteSelection[] = [];
const HIGHLIGHT_SELECTOR = `mark[${ANNOTATION_ID_ATTRIBUTE}]`;

function viewAttributes(lang: string, label: string): Record<string, string> {
  return {
    class: 'reading-view',
    lang,
    'aria-label': label,
    'aria-readonly': 'true',
    role: 'document',
    // Focusable, so a keyboard can reach the text and extend a selection with shift+arrows.
    tabindex: '0',
    'data-testid': 'reading-view',
  };
}

function createState(doc: ProseMirrorNode): EditorState {
  return EditorState.create({ doc, plugins: [annotationsPlugin(), presencePlugin()] });
}

/** The canonical text index of the view's document (built once per document by the plugin). */
export function textIndexOf(view: EditorView): TextIndex {
  return annotationsKey.getState(view.state)!.index;
}

function selectionOf(state: EditorState): ReadingSelection | null {
  const { from, to, empty } = state.selection;
  if (empty) return null;
  const index = annotationsKey.getState(state)!.index;
  const { start, end } = index.rangeToOffsets(from, to);
  // The server refuses a blank quote ('empty'), so a blank selection offers no toolbar.
  if (start >= end || isBlankQuote(state.doc.textBetween(from, to, '\n'))) return null;
  return { start, end, from, to };
}

/** The nearest ancestors' clip: the part of the window (or a scrolling ancestor) that shows the view. */
function visibleBand(view: EditorView): { top: number; bottom: number; rect: DOMRect } {
  const rect = view.dom.getBoundingClientRect();
  let top = 0;
  let bottom = window.innerHeight;
  for (let el = view.dom.parentElement; el && el !== document.body && el !== document.documentElement; el = el.parentElement) {
    const { overflowY } = getComputedStyle(el);
    if (overflowY === 'auto' || overflowY === 'scroll' || overflowY === 'hidden') {
      const clip = el.getBoundingClientRect();
      top = Math.max(top, clip.top);
      bottom = Math.min(bottom, clip.bottom);
    }
  }
  return { top, bottom, rect };
}

/** The positions of the text at the top and bottom of what is visible of the view. */
export function visiblePositions(view: EditorView): { from: number; to: number } | null {
  if (typeof document.elementFromPoint !== 'function') return null;
  const { top, bottom, rect } = visibleBand(view);
  const size = view.state.doc.content.size;
  if (rect.height === 0 || rect.width === 0) return null;
  // Wholly above or below: the nearest end of the document.
  if (rect.bottom <= top) return { from: size, to: size };
  if (rect.top >= bottom) return { from: 0, to: 0 };
  const left = rect.left + rect.width / 2;
  const probe = (y: number, fallback: number) => {
    try {
      return view.posAtCoords({ left, top: y })?.pos ?? fallback;
    } catch {
      return fallback;
    }
  };
  const from = probe(Math.max(rect.top, top) + 1, 0);
  const to = probe(Math.min(rect.bottom, bottom) - 1, size);
  return from <= to ? { from, to } : { from: to, to: from };
}

/** Sends the plugin a viewport action when the visible text has moved near the window's edge. */
export function syncViewport(view: EditorView, force = false): void {
  const visible = visiblePositions(view);
  if (!visible) return;
  if (force || needsViewport(view.state, visible.from, visible.to)) view.dispatch(annotationsTransaction(view.state, { type: 'viewport', ...visible }));
}

/**
 * Scrolls the highlight `id` to the middle of the view, drawing it first if it lies outside the
 * drawn window. False when the plugin does not know it or it has no place in the text.
 */
export function scrollToHighlight(view: EditorView, id: string): boolean {
  const state = annotationsKey.getState(view.state);
  const highlight = state?.highlights.get(id);
  if (!state || !highlight || highlight.start >= highlight.end || highlight.end > state.index.length) return false;
  const { from, to } = state.index.offsetsToRange(highlight.start, highlight.end);
  view.dispatch(annotationsTransaction(view.state, { type: 'viewport', from, to }));
  const mark = view.dom.querySelector(`[${ANNOTATION_ID_ATTRIBUTE}="${CSS.escape(id)}"]`);
  if (!mark) return false;
  mark.scrollIntoView({ block: 'center', behavior: 'smooth' });
  return true;
}

/**
 * Draws `upsert` and removes `remove` at once, ahead of the render that will bring the same list
 * (whose diff then finds nothing to do): one add, replace or remove per highlight.
 */
export function drawHighlightsNow(view: EditorView, upsert: readonly Highlight[], remove: readonly string[] = []): void {
  const known = annotationsKey.getState(view.state)!.highlights;
  const gone = remove.filter((id) => known.has(id));
  const added: Highlight[] = [];
  const actions: AnnotationsAction[] = gone.length > 0 ? [{ type: 'remove', ids: gone }] : [];
  for (const highlight of upsert) {
    const before = known.get(highlight.id);
    if (!before) added.push(highlight);
    else if (!sameHighlight(before, highlight)) actions.push({ type: 'replace', id: highlight.id, highlight });
  }
  if (added.length > 0) actions.push({ type: 'add', highlights: added });
  for (const action of actions) view.dispatch(annotationsTransaction(view.state, action));
}

function highlightAt(view: EditorView, target: EventTarget | null): HTMLElement | null {
  if (!(target instanceof Element)) return null;
  const mark = target.closest<HTMLElement>(HIGHLIGHT_SELECTOR);
  return mark && view.dom.contains(mark) ? mark : null;
}

export function ReadingView({ doc, lang, label, highlights = NO_HIGHLIGHTS, focusedId = null, onSelect, onHighlightClick, onHighlightHover, remoteSelections = NO_SELECTIONS, viewRef: outerRef }: ReadingViewProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  // The view is made once; its handlers read the newest callbacks through this ref.
  const callbacks = useRef({ onSelect, onHighlightClick, onHighlightHover });
  callbacks.current = { onSelect, onHighlightClick, onHighlightHover };
  // Parsed during render so a document the schema rejects reaches the error boundary.
  const node = useMemo(() => schema.nodeFromJSON(doc), [doc]);
  const attributes = useMemo(() => viewAttributes(lang, label), [lang, label]);

  // Mount once. The effects below run right after this one (they are declared later),
  // so a view re-created with stale first-render inputs is brought up to date.
  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const view: EditorView = new EditorView(host, {
      state: createState(node),
      editable: () => false,
      attributes,
      dispatchTransaction(tr) {
        const before = view.state.selection;
        view.updateState(view.state.apply(tr));
        if (!view.state.selection.eq(before)) callbacks.current.onSelect?.(selectionOf(view.state));
      },
      handleDOMEvents: {
        // Not handleKeyDown: ProseMirror skips its keydown handling when the view is not editable.
        keydown(v, event) {
          if (event.ctrlKey || event.metaKey || event.altKey) return false;
          const { anchor, head } = selectionForKeys(v);
          let next: number | null = null;
          if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
            next = moveHead(v.state.doc, head, event.key === 'ArrowLeft' ? -1 : 1);
          } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
            const coords = v.coordsAtPos(head);
            const found = v.posAtCoords({ left: coords.left, top: event.key === 'ArrowUp' ? coords.top - 4 : coords.bottom + 4 });
            next = found ? found.pos : null;
          } else if (event.key === 'Escape' && anchor !== head) {
            v.dispatch(v.state.tr.setSelection(TextSelection.create(v.state.doc, head)));
            return true;
          }
          if (next === null) return false;
          event.preventDefault();
          const selection = TextSelection.between(v.state.doc.resolve(event.shiftKey ? anchor : next), v.state.doc.resolve(next));
          v.dispatch(v.state.tr.setSelection(selection).scrollIntoView());
          return true;
        },
        click(v, event) {
          const mark = highlightAt(v, event.target);
          if (mark && v.state.selection.empty) callbacks.current.onHighlightClick?.(mark.getAttribute(ANNOTATION_ID_ATTRIBUTE)!);
          return false;
        },
        mouseover(v, event) {
          const mark = highlightAt(v, event.target);
          if (mark) callbacks.current.onHighlightHover?.({ id: mark.getAttribute(ANNOTATION_ID_ATTRIBUTE)!, rect: mark.getBoundingClientRect() });
          return false;
        },
        mouseout(v, event) {
          const from = highlightAt(v, event.target);
          if (from && !from.contains(event.relatedTarget as Node | null)) callbacks.current.onHighlightHover?.(null);
          return false;
        },
      },
    });
    viewRef.current = view;
    if (outerRef) outerRef.current = view;
    // Scrolling anywhere (capture) or resizing moves the visible text: at most once a frame.
    let frame = 0;
    const schedule = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (viewRef.current === view) syncViewport(view);
      });
    };
    window.addEventListener('scroll', schedule, { capture: true, passive: true });
    window.addEventListener('resize', schedule);
    const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(schedule) : null;
    resize?.observe(host);
    return () => {
      window.removeEventListener('scroll', schedule, { capture: true });
      window.removeEventListener('resize', schedule);
      resize?.disconnect();
      if (frame) cancelAnimationFrame(frame);
      view.destroy();
      viewRef.current = null;
      if (outerRef) outerRef.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- mounted once by design
  }, []);

  useLayoutEffect(() => {
    const view = viewRef.current;
    if (view && view.state.doc !== node) {
      view.updateState(createState(node));
    }
  }, [node]);

  useLayoutEffect(() => {
    viewRef.current?.setProps({ attributes });
  }, [attributes]);

  // Highlights: only the differences become actions, so one new annotation is one add.
  useLayoutEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const actions = diffHighlights(annotationsKey.getState(view.state)!.highlights, highlights);
    if (actions.length === 0) return;
    // The window first, so a first load of many highlights draws only those in view. Later
    // changes keep the window the scroll handler maintains (measuring it forces a layout).
    if (actions.some((action) => action.type === 'setAll') || !annotationsKey.getState(view.state)?.window) syncViewport(view);
    for (const action of actions) view.dispatch(annotationsTransaction(view.state, action));
  }, [highlights, node]);

  useLayoutEffect(() => {
    const view = viewRef.current;
    if (view && annotationsKey.getState(view.state)?.focused !== focusedId) view.dispatch(annotationsTransaction(view.state, { type: 'focus', id: focusedId }));
  }, [focusedId, highlights, node]);

  useLayoutEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    // Nothing shown and nothing to show: no transaction.
    if (remoteSelections.length === 0 && (presenceKey.getState(view.state)?.find().length ?? 0) === 0) return;
    view.dispatch(presenceTransaction(view.state, remoteSelections));
  }, [remoteSelections, node]);

  return <div ref={hostRef} className="reading-view-host" />;
}
