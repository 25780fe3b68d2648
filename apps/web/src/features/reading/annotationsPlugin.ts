// Highlights of the reading view: a DecorationSet in plugin state, changed only by actions sent
// with tr.setMeta(annotationsKey, action) and mapped through every transaction (DESIGN 4).
//
// Highlights arrive in code point offsets over the revision's canonical text (DESIGN 2); one
// TextIndex per document turns them into positions. Each highlight is an inline decoration
// with nodeName 'mark', so overlapping highlights nest as separate elements (ProseMirror merges
// the attributes of decorations without a nodeName into one span) and keep their own id, class
// and translucent background.
//
// Every highlight stays in the plugin state (filters, counts, focus and jumps know them all), but
// above WINDOW_THRESHOLD only those intersecting a window around the visible text are decorated:
// the view sends `viewport` actions with the visible positions as it scrolls, and the plugin
// draws the highlights within a margin of them (windowAround), adding and removing at the edges.
import { TextIndex } from '@glossa/anchoring';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { AnnotationTag } from '../../api/annotations';

export type HighlightState = 'confirmed' | 'pending' | 'failed';

/** One highlight to draw: code point offsets [start, end) of the canonical text. */
export interface Highlight {
  id: string;
  start: number;
  end: number;
  tag: AnnotationTag;
  state: HighlightState;
  /** Takes part in an open contradiction flag: drawn with a marker. */
  flagged?: boolean;
}

export type AnnotationsAction =
  | { type: 'setAll'; highlights: readonly Highlight[] }
  | { type: 'add'; highlights: readonly Highlight[] }
  | { type: 'remove'; ids: readonly string[] }
  /** Swaps the highlight `id` for `highlight` (a confirmed create gets its server id here). */
  | { type: 'replace'; id: string; highlight: Highlight }
  | { type: 'focus'; id: string | null }
  /** The positions [from, to] of the visible text; highlights near it are drawn (windowAround). */
  | { type: 'viewport'; from: number; to: number };

/** Code point offsets [start, end) of the canonical text. */
export interface OffsetRange {
  start: number;
  end: number;
}

/** Up to this many highlights, all are drawn; above it, only those near the viewport. */
export const WINDOW_THRESHOLD = 2000;
/** The least margin, in positions, drawn either side of the visible text. */
export const MIN_MARGIN = 4000;
/** How far, in positions, the visible text moves towards an edge of the window before it moves. */
export const VIEWPORT_STEP = 1500;
/** The window drawn before the view has reported what is visible. */
const DEFAULT_WINDOW: OffsetRange = { start: 0, end: 3 * MIN_MARGIN };

export interface AnnotationsState {
  decorations: DecorationSet;
  /** Built once per document; offsets of every action count against it. */
  index: TextIndex;
  focused: string | null;
  /** Every highlight, drawn or not, by id. */
  highlights: ReadonlyMap<string, Highlight>;
  /** The window around the visible text from the last viewport action, if any. */
  window: OffsetRange | null;
  /** The window the decorations were drawn for; null when every highlight is drawn. */
  drawnWindow: OffsetRange | null;
}

interface HighlightSpec {
  id: string;
  highlight: Highlight;
}

export const annotationsKey = new PluginKey<AnnotationsState>('glossaAnnotations');

/** The attribute on every highlight element naming its annotation. */
export const ANNOTATION_ID_ATTRIBUTE = 'data-annotation-id';

export function highlightClass(highlight: Highlight, focused: boolean): string {
  let name = `hl hl-${highlight.tag}`;
  if (highlight.state !== 'confirmed') name += ` hl-${highlight.state}`;
  if (highlight.flagged) name += ' hl-flagged';
  if (focused) name += ' hl-focused';
  return name;
}

function attributesFor(highlight: Highlight, focused: boolean): Record<string, string> {
  return { nodeName: 'mark', class: highlightClass(highlight, focused), [ANNOTATION_ID_ATTRIBUTE]: highlight.id };
}

function decorate(index: TextIndex, highlight: Highlight, focused: boolean): Decoration | null {
  const { start, end } = highlight;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > index.length || start >= end) return null;
  const { from, to } = index.offsetsToRange(start, end);
  if (from >= to) return null;
  const spec: HighlightSpec = { id: highlight.id, highlight };
  return Decoration.inline(from, to, attributesFor(highlight, focused), spec);
}

function decorateAll(index: TextIndex, highlights: readonly Highlight[], focused: string | null): Decoration[] {
  const out: Decoration[] = [];
  for (const highlight of highlights) {
    const decoration = decorate(index, highlight, highlight.id === focused);
    if (decoration) out.push(decoration);
  }
  return out;
}

function findById(set: DecorationSet, ids: ReadonlySet<string>): Decoration[] {
  return set.find(undefined, undefined, (spec: HighlightSpec) => ids.has(spec.id));
}

/** Redraws the decorations of `id` with or without the focus class. */
function refocus(set: DecorationSet, doc: ProseMirrorNode, id: string | null, focused: boolean): DecorationSet {
  if (id === null) return set;
  const old = findById(set, new Set([id]));
  if (old.length === 0) return set;
  // Keep each mapped range: decorations may have moved since they were made.
  const redrawn = old.map((d) => Decoration.inline(d.from, d.to, attributesFor((d.spec as HighlightSpec).highlight, focused), d.spec));
  return set.remove(old).add(doc, redrawn);
}

/** Whether `highlight` is drawn for `window` (null: every highlight is). */
export function inWindow(highlight: Highlight, window: OffsetRange | null): boolean {
  return window === null || (highlight.start < window.end && highlight.end > window.start);
}

/** The highlights to decorate for `window`: all when it is null, else those intersecting it. */
export function highlightsInWindow(highlights: Iterable<Highlight>, window: OffsetRange | null): Highlight[] {
  const out: Highlight[] = [];
  for (const highlight of highlights) if (inWindow(highlight, window)) out.push(highlight);
  return out;
}

/** The positions to draw around the visible positions [from, to] of a document of `size`. */
export function windowAround(from: number, to: number, size: number): { from: number; to: number } {
  const margin = Math.max(2 * (to - from), MIN_MARGIN);
  return { from: Math.max(0, from - margin), to: Math.min(size, to + margin) };
}

function sameWindow(a: OffsetRange | null, b: OffsetRange | null): boolean {
  return a === b || (a !== null && b !== null && a.start === b.start && a.end === b.end);
}

function offsetsOf(index: TextIndex, from: number, to: number, size: number): OffsetRange {
  const clamp = (pos: number) => Math.min(Math.max(0, Math.round(pos)), size);
  return index.rangeToOffsets(clamp(Math.min(from, to)), clamp(Math.max(from, to)));
}

/** The window the decorations should be drawn for now. */
function wantedWindow(state: AnnotationsState): OffsetRange | null {
  return state.highlights.size > WINDOW_THRESHOLD ? (state.window ?? DEFAULT_WINDOW) : null;
}

/** Brings the decorations to wantedWindow: at the edges only, when both are windows. */
function rewindow(state: AnnotationsState, doc: ProseMirrorNode): AnnotationsState {
  const next = wantedWindow(state);
  const previous = state.drawnWindow;
  if (sameWindow(previous, next)) return state;
  const { index, focused, highlights } = state;
  if (previous === null || next === null) {
    return { ...state, drawnWindow: next, decorations: DecorationSet.create(doc, decorateAll(index, highlightsInWindow(highlights.values(), next), focused)) };
  }
  const leaving = new Set<string>();
  const entering: Highlight[] = [];
  for (const highlight of highlights.values()) {
    const was = inWindow(highlight, previous);
    const is = inWindow(highlight, next);
    if (was && !is) leaving.add(highlight.id);
    else if (is && !was) entering.push(highlight);
  }
  let { decorations } = state;
  if (leaving.size > 0) decorations = decorations.remove(findById(decorations, leaving));
  if (entering.length > 0) decorations = decorations.add(doc, decorateAll(index, entering, focused));
  return { ...state, drawnWindow: next, decorations };
}

/**
 * Whether the view should send a viewport action for the visible positions [from, to]: none was
 * sent yet, or they moved more than VIEWPORT_STEP towards an edge of the window. Each move costs a
 * view update of several ms whatever its size, so steps are neither tiny (an update every frame)
 * nor huge (a long one that drops frames): 1,500 positions measured best in bench/annotations.mjs.
 */
export function needsViewport(editorState: EditorState, from: number, to: number): boolean {
  const state = annotationsKey.getState(editorState);
  if (!state) return false;
  if (!state.window) return true;
  const keep = Math.max(2 * (to - from), MIN_MARGIN) - VIEWPORT_STEP;
  const inner = offsetsOf(state.index, from - keep, to + keep, editorState.doc.content.size);
  return inner.start < state.window.start || inner.end > state.window.end;
}

export function initialAnnotationsState(doc: ProseMirrorNode, highlights: readonly Highlight[] = []): AnnotationsState {
  const index = TextIndex.fromDoc(doc);
  const empty: AnnotationsState = { index, focused: null, highlights: new Map(), window: null, drawnWindow: null, decorations: DecorationSet.empty };
  return highlights.length === 0 ? empty : applyAnnotationsAction(empty, { type: 'setAll', highlights }, doc);
}

export function applyAnnotationsAction(state: AnnotationsState, action: AnnotationsAction, doc: ProseMirrorNode): AnnotationsState {
  const { index, focused, drawnWindow } = state;
  let { decorations } = state;
  switch (action.type) {
    case 'setAll': {
      const highlights = new Map(action.highlights.map((h) => [h.id, h]));
      const next: AnnotationsState = { ...state, highlights };
      const window = wantedWindow(next);
      return { ...next, drawnWindow: window, decorations: DecorationSet.create(doc, decorateAll(index, highlightsInWindow(highlights.values(), window), focused)) };
    }
    case 'add': {
      const highlights = new Map(state.highlights);
      for (const highlight of action.highlights) highlights.set(highlight.id, highlight);
      const drawn = highlightsInWindow(action.highlights, drawnWindow);
      if (drawn.length > 0) decorations = decorations.add(doc, decorateAll(index, drawn, focused));
      return rewindow({ ...state, highlights, decorations }, doc);
    }
    case 'remove': {
      const highlights = new Map(state.highlights);
      for (const id of action.ids) highlights.delete(id);
      return rewindow({ ...state, highlights, decorations: decorations.remove(findById(decorations, new Set(action.ids))) }, doc);
    }
    case 'replace': {
      const highlights = new Map(state.highlights);
      highlights.delete(action.id);
      highlights.set(action.highlight.id, action.highlight);
      decorations = decorations.remove(findById(decorations, new Set([action.id])));
      const fresh = inWindow(action.highlight, drawnWindow) ? decorate(index, action.highlight, action.highlight.id === focused || action.id === focused) : null;
      const nextFocused = focused === action.id ? action.highlight.id : focused;
      return rewindow({ ...state, highlights, focused: nextFocused, decorations: fresh ? decorations.add(doc, [fresh]) : decorations }, doc);
    }
    case 'focus': {
      if (action.id === focused) return state;
      decorations = refocus(decorations, doc, focused, false);
      decorations = refocus(decorations, doc, action.id, true);
      return { ...state, focused: action.id, decorations };
    }
    case 'viewport': {
      const { from, to } = windowAround(Math.min(action.from, action.to), Math.max(action.from, action.to), doc.content.size);
      const window = offsetsOf(index, from, to, doc.content.size);
      if (sameWindow(window, state.window)) return state;
      return rewindow({ ...state, window }, doc);
    }
  }
}

export function annotationsPlugin(initial: readonly Highlight[] = []): Plugin<AnnotationsState> {
  return new Plugin<AnnotationsState>({
    key: annotationsKey,
    state: {
      init: (_, state) => initialAnnotationsState(state.doc, initial),
      apply(tr, previous) {
        let state = previous;
        if (tr.docChanged) {
          // The reading view never edits, but a mapped set stays right if it ever does.
          state = { ...state, decorations: state.decorations.map(tr.mapping, tr.doc), index: TextIndex.fromDoc(tr.doc) };
        }
        const action = tr.getMeta(annotationsKey) as AnnotationsAction | undefined;
        return action ? applyAnnotationsAction(state, action, tr.doc) : state;
      },
    },
    props: {
      decorations: (state) => annotationsKey.getState(state)?.decorations,
    },
  });
}

/** The transaction that applies `action`; the only way highlights change. */
export function annotationsTransaction(state: EditorState, action: AnnotationsAction): Transaction {
  return state.tr.setMeta(annotationsKey, action).setMeta('addToHistory', false);
}

/**
 * The actions that turn the drawn highlights `previous` into `next`: per-highlight add, remove
 * and replace, so a new annotation costs one add, never a rebuild; a first load is one setAll.
 */
export function diffHighlights(previous: ReadonlyMap<string, Highlight>, next: readonly Highlight[]): AnnotationsAction[] {
  if (previous.size === 0) return next.length === 0 ? [] : [{ type: 'setAll', highlights: next }];
  const seen = new Set<string>();
  const added: Highlight[] = [];
  const actions: AnnotationsAction[] = [];
  for (const highlight of next) {
    seen.add(highlight.id);
    const before = previous.get(highlight.id);
    if (!before) added.push(highlight);
    else if (!sameHighlight(before, highlight)) actions.push({ type: 'replace', id: highlight.id, highlight });
  }
  const removed = [...previous.keys()].filter((id) => !seen.has(id));
  if (removed.length > 0) actions.unshift({ type: 'remove', ids: removed });
  if (added.length > 0) actions.push({ type: 'add', highlights: added });
  return actions;
}

export function sameHighlight(a: Highlight, b: Highlight): boolean {
  return a.id === b.id && a.start === b.start && a.end === b.end && a.tag === b.tag && a.state === b.state && Boolean(a.flagged) === Boolean(b.flagged);
}
