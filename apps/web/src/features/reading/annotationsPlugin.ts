// Highlights of the reading view: a DecorationSet in plugin state, changed only by actions sent
// with tr.setMeta(annotationsKey, action) and mapped through every transaction (DESIGN 4).
//
// Highlights arrive in code point offsets over the revision's canonical text (DESIGN 2); one
// TextIndex per document turns them into positions. Each highlight is an inline decoration
// with nodeName 'mark', so overlapping highlights nest as separate elements (ProseMirror merges
// the attributes of decorations without a nodeName into one span) and keep their own id, class
// and translucent background.
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
  | { type: 'focus'; id: string | null };

export interface AnnotationsState {
  decorations: DecorationSet;
  /** Built once per document; offsets of every action count against it. */
  index: TextIndex;
  focused: string | null;
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

export function initialAnnotationsState(doc: ProseMirrorNode, highlights: readonly Highlight[] = []): AnnotationsState {
  const index = TextIndex.fromDoc(doc);
  return { index, focused: null, decorations: DecorationSet.create(doc, decorateAll(index, highlights, null)) };
}

export function applyAnnotationsAction(state: AnnotationsState, action: AnnotationsAction, doc: ProseMirrorNode): AnnotationsState {
  const { index, focused } = state;
  let { decorations } = state;
  switch (action.type) {
    case 'setAll':
      return { ...state, decorations: DecorationSet.create(doc, decorateAll(index, action.highlights, focused)) };
    case 'add':
      return { ...state, decorations: decorations.add(doc, decorateAll(index, action.highlights, focused)) };
    case 'remove':
      return { ...state, decorations: decorations.remove(findById(decorations, new Set(action.ids))) };
    case 'replace': {
      decorations = decorations.remove(findById(decorations, new Set([action.id])));
      const fresh = decorate(index, action.highlight, action.highlight.id === focused || action.id === focused);
      const nextFocused = focused === action.id ? action.highlight.id : focused;
      return { ...state, focused: nextFocused, decorations: fresh ? decorations.add(doc, [fresh]) : decorations };
    }
    case 'focus': {
      if (action.id === focused) return state;
      decorations = refocus(decorations, doc, focused, false);
      decorations = refocus(decorations, doc, action.id, true);
      return { ...state, focused: action.id, decorations };
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
