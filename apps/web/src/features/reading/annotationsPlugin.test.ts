import { canonicalText, sliceCodePoints } from '@glossa/anchoring';
import { schema } from '@glossa/editor-schema';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { Decoration } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import {
  annotationsKey,
  annotationsPlugin,
  annotationsTransaction,
  diffHighlights,
  highlightClass,
  highlightsInWindow,
  MIN_MARGIN,
  needsViewport,
  VIEWPORT_STEP,
  WINDOW_THRESHOLD,
  windowAround,
  type AnnotationsAction,
  type Highlight,
} from './annotationsPlugin';
import { moveHead } from './keyboardSelection';

// "ab𠮷c👩‍👩‍👧de\n第二段落" — astral and ZWJ characters before the spans under test.
const FIRST = 'ab𠮷c👩‍👩‍👧de';
const SECOND = '第二段落';
const doc = schema.node('doc', null, [schema.node('paragraph', null, [schema.text(FIRST)]), schema.node('paragraph', null, [schema.text(SECOND)])]);
const text = canonicalText(doc);
const cp = (s: string) => Array.from(s).length;

const h = (id: string, start: number, end: number, extra: Partial<Highlight> = {}): Highlight => ({ id, start, end, tag: 'claim', state: 'confirmed', ...extra });

function stateWith(highlights: Highlight[] = []): EditorState {
  return EditorState.create({ doc, plugins: [annotationsPlugin(highlights)] });
}

function act(state: EditorState, action: AnnotationsAction): EditorState {
  return state.apply(annotationsTransaction(state, action));
}

function decorations(state: EditorState): Decoration[] {
  return annotationsKey.getState(state)!.decorations.find();
}

/** find() hands out positioned copies; the shared `type` is what a rebuild would replace. */
const identity = (d: Decoration | undefined) => (d as unknown as { type: object } | undefined)?.type;

function byId(state: EditorState, id: string): Decoration[] {
  return decorations(state).filter((d) => (d.spec as { id: string }).id === id);
}

function covered(state: EditorState, id: string): string {
  return byId(state, id)
    .map((d) => state.doc.textBetween(d.from, d.to, '\n'))
    .join('');
}

describe('annotationsPlugin offsets → positions', () => {
  const dePos = cp('ab𠮷c👩‍👩‍👧');
  it.each([
    ['𠮷 alone', 2, 3, '𠮷'],
    ['after 𠮷', 3, 4, 'c'],
    ['the ZWJ family (5 code points)', 4, 4 + cp('👩‍👩‍👧'), '👩‍👩‍👧'],
    ['"de" after both', dePos, dePos + 2, 'de'],
    ['second paragraph', cp(FIRST) + 1, cp(FIRST) + 3, '第二'],
  ])('%s', (_, start, end, expected) => {
    expect(sliceCodePoints(text, start, end)).toBe(expected);
    const state = stateWith([h('x', start, end)]);
    expect(covered(state, 'x')).toBe(expected);
  });

  it('spans a block boundary: the covered text with "\n" between blocks is the canonical slice', () => {
    const start = cp(FIRST) - 2;
    const end = cp(FIRST) + 2;
    const state = stateWith([h('x', start, end)]);
    expect(sliceCodePoints(text, start, end)).toBe('de\n第');
    expect(covered(state, 'x')).toBe('de\n第');
  });

  it('skips highlights outside the text or empty', () => {
    const state = stateWith([h('a', 0, 0), h('b', 5, 2), h('c', 0, text.length + 5)]);
    expect(decorations(state)).toHaveLength(0);
  });
});

describe('annotationsPlugin state', () => {
  it('draws classes per tag and save state with the annotation id attribute', () => {
    expect(highlightClass(h('a', 0, 1, { tag: 'opinion', state: 'pending' }), false)).toBe('hl hl-opinion hl-pending');
    expect(highlightClass(h('a', 0, 1, { tag: 'data' }), true)).toBe('hl hl-data hl-focused');
  });

  it('marks a highlight in an open contradiction flag, and redraws it when that changes', () => {
    expect(highlightClass(h('a', 0, 1, { tag: 'claim', flagged: true }), true)).toBe('hl hl-claim hl-flagged hl-focused');
    const before = h('a', 0, 1);
    const after = h('a', 0, 1, { flagged: true });
    expect(diffHighlights(new Map([['a', before]]), [after])).toEqual([{ type: 'replace', id: 'a', highlight: after }]);
    expect(diffHighlights(new Map([['a', after]]), [h('a', 0, 1, { flagged: true })])).toEqual([]);
  });

  it('changes only through its meta: other transactions keep the very same state', () => {
    const state = stateWith([h('a', 0, 2)]);
    const next = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 1, 3)));
    expect(annotationsKey.getState(next)).toBe(annotationsKey.getState(state));
  });

  it('adds one highlight without rebuilding the others', () => {
    const state = stateWith([h('a', 0, 2), h('b', 3, 4)]);
    const next = act(state, { type: 'add', highlights: [h('c', 1, 3, { tag: 'data' })] });
    expect(decorations(next)).toHaveLength(3);
    expect(identity(byId(next, 'a')[0])).toBe(identity(byId(state, 'a')[0]));
    expect(identity(byId(next, 'b')[0])).toBe(identity(byId(state, 'b')[0]));
    expect(covered(next, 'c')).toBe('b𠮷');
  });

  it('removes by id', () => {
    const state = stateWith([h('a', 0, 2), h('b', 3, 4)]);
    const next = act(state, { type: 'remove', ids: ['a'] });
    expect(byId(next, 'a')).toEqual([]);
    expect(identity(byId(next, 'b')[0])).toBe(identity(byId(state, 'b')[0]));
  });

  it('replaces a pending highlight with its confirmed one', () => {
    const state = stateWith([h('local-1', 0, 2, { state: 'pending' })]);
    const next = act(state, { type: 'replace', id: 'local-1', highlight: h('srv-1', 0, 2) });
    expect(byId(next, 'local-1')).toEqual([]);
    expect(covered(next, 'srv-1')).toBe('ab');
    expect(byId(next, 'srv-1')[0]!.spec.highlight.state).toBe('confirmed');
  });

  it('moves the focus class from one highlight to another', () => {
    let state = stateWith([h('a', 0, 2), h('b', 3, 4)]);
    state = act(state, { type: 'focus', id: 'a' });
    expect(annotationsKey.getState(state)!.focused).toBe('a');
    const classOf = (s: EditorState, id: string) => (byId(s, id)[0] as unknown as { type: { attrs: { class: string } } }).type.attrs.class;
    expect(classOf(state, 'a')).toContain('hl-focused');
    const b = identity(byId(state, 'b')[0]);
    state = act(state, { type: 'focus', id: 'b' });
    expect(classOf(state, 'a')).not.toContain('hl-focused');
    expect(classOf(state, 'b')).toContain('hl-focused');
    expect(identity(byId(state, 'b')[0])).not.toBe(b);
  });

  it('setAll replaces everything', () => {
    const state = act(stateWith([h('a', 0, 2)]), { type: 'setAll', highlights: [h('z', 0, 1)] });
    expect(decorations(state).map((d) => d.spec.id)).toEqual(['z']);
  });

  it('maps decorations through document changes', () => {
    const state = stateWith([h('a', 3, 4)]);
    const next = state.apply(state.tr.insertText('XYZ', 1));
    expect(covered(next, 'a')).toBe('c');
  });
});

describe('windowing', () => {
  it('highlightsInWindow keeps those intersecting the window, or all without one', () => {
    const hs = [h('a', 0, 5), h('b', 5, 10), h('c', 9, 20), h('d', 20, 30)];
    const ids = (w: { start: number; end: number } | null) => highlightsInWindow(hs, w).map((x) => x.id);
    expect(ids(null)).toEqual(['a', 'b', 'c', 'd']);
    expect(ids({ start: 5, end: 10 })).toEqual(['b', 'c']);
    expect(ids({ start: 4, end: 5 })).toEqual(['a']);
    expect(ids({ start: 19, end: 21 })).toEqual(['c', 'd']);
    expect(ids({ start: 30, end: 40 })).toEqual([]);
  });

  it('windowAround adds twice the visible span, at least MIN_MARGIN, clamped to the document', () => {
    expect(windowAround(100_000, 110_000, 1_000_000)).toEqual({ from: 80_000, to: 130_000 });
    expect(windowAround(10, 20, 1_000_000)).toEqual({ from: 0, to: 20 + MIN_MARGIN });
    expect(windowAround(999_000, 999_500, 1_000_000)).toEqual({ from: 999_000 - MIN_MARGIN, to: 1_000_000 });
  });

  // One paragraph of 100,000 characters: positions are offsets + 1.
  const big = schema.node('doc', null, [schema.node('paragraph', null, [schema.text('x'.repeat(100_000))])]);
  const many = (n: number, step = 40) => Array.from({ length: n }, (_, i) => h(`h${i}`, i * step, i * step + 5));
  const bigState = (highlights: Highlight[]) => EditorState.create({ doc: big, plugins: [annotationsPlugin(highlights)] });
  const ids = (state: EditorState) => new Set(decorations(state).map((d) => (d.spec as { id: string }).id));

  it('draws every highlight up to the threshold, whatever the viewport', () => {
    let state = bigState(many(WINDOW_THRESHOLD));
    state = act(state, { type: 'viewport', from: 50_000, to: 51_000 });
    expect(decorations(state)).toHaveLength(WINDOW_THRESHOLD);
  });

  it('above the threshold draws only near the viewport but keeps every highlight', () => {
    const all = many(2500);
    let state = bigState(all);
    expect(annotationsKey.getState(state)!.highlights.size).toBe(2500);
    // Before any viewport: the start of the document.
    expect(ids(state).has('h0')).toBe(true);
    expect(ids(state).has('h2499')).toBe(false);
    state = act(state, { type: 'viewport', from: 50_001, to: 51_001 });
    const window = annotationsKey.getState(state)!.window!;
    expect(window).toEqual({ start: 50_000 - MIN_MARGIN, end: 51_000 + MIN_MARGIN });
    expect([...ids(state)].sort()).toEqual(highlightsInWindow(all, window).map((x) => x.id).sort());
    expect(ids(state).has('h0')).toBe(false);
    expect(annotationsKey.getState(state)!.highlights.size).toBe(2500);
  });

  it('moves the window at its edges only: highlights in both keep their decorations', () => {
    let state = act(bigState(many(2500)), { type: 'viewport', from: 50_001, to: 51_001 });
    const kept = identity(byId(state, 'h1300')[0]);
    expect(kept).toBeDefined();
    state = act(state, { type: 'viewport', from: 52_001, to: 53_001 });
    expect(identity(byId(state, 'h1300')[0])).toBe(kept);
    expect(ids(state).has('h1190')).toBe(false);
    expect(ids(state).has('h1420')).toBe(true);
  });

  it('adding outside the window leaves the set as it is; inside adds one decoration', () => {
    const state = act(bigState(many(2500)), { type: 'viewport', from: 50_001, to: 51_001 });
    const before = annotationsKey.getState(state)!.decorations;
    const outside = act(state, { type: 'add', highlights: [h('far', 10, 14)] });
    expect(annotationsKey.getState(outside)!.decorations).toBe(before);
    expect(annotationsKey.getState(outside)!.highlights.has('far')).toBe(true);
    const inside = act(state, { type: 'add', highlights: [h('near', 50_100, 50_104)] });
    expect(decorations(inside)).toHaveLength(before.find().length + 1);
    expect(identity(byId(inside, 'h1300')[0])).toBe(identity(byId(state, 'h1300')[0]));
  });

  it('a highlight focused outside the window is drawn focused when the window reaches it', () => {
    let state = act(bigState(many(2500)), { type: 'viewport', from: 50_001, to: 51_001 });
    state = act(state, { type: 'focus', id: 'h10' });
    expect(byId(state, 'h10')).toEqual([]);
    state = act(state, { type: 'viewport', from: 1, to: 1001 });
    const classOf = (d: Decoration) => (d as unknown as { type: { attrs: { class: string } } }).type.attrs.class;
    expect(classOf(byId(state, 'h10')[0]!)).toContain('hl-focused');
  });

  it('crossing the threshold switches between all and the window', () => {
    let state = act(bigState(many(WINDOW_THRESHOLD)), { type: 'viewport', from: 50_001, to: 51_001 });
    expect(decorations(state)).toHaveLength(WINDOW_THRESHOLD);
    state = act(state, { type: 'add', highlights: [h('one-more', 10, 14)] });
    expect(decorations(state).length).toBeLessThan(WINDOW_THRESHOLD);
    expect(byId(state, 'one-more')).toEqual([]);
    state = act(state, { type: 'remove', ids: ['one-more'] });
    expect(decorations(state)).toHaveLength(WINDOW_THRESHOLD);
  });

  it('replace and remove update the highlights outside the window too', () => {
    let state = act(bigState(many(2500)), { type: 'viewport', from: 50_001, to: 51_001 });
    state = act(state, { type: 'replace', id: 'h0', highlight: h('srv-0', 0, 5) });
    state = act(state, { type: 'remove', ids: ['h1'] });
    const { highlights } = annotationsKey.getState(state)!;
    expect(highlights.has('h0')).toBe(false);
    expect(highlights.has('srv-0')).toBe(true);
    expect(highlights.has('h1')).toBe(false);
    state = act(state, { type: 'viewport', from: 1, to: 1001 });
    expect(covered(state, 'srv-0')).toBe('xxxxx');
    expect(byId(state, 'h1')).toEqual([]);
  });

  it('needsViewport: once at first, then when the visible text moved a step towards an edge', () => {
    let state = bigState(many(2500));
    expect(needsViewport(state, 50_001, 51_001)).toBe(true);
    state = act(state, { type: 'viewport', from: 50_001, to: 51_001 });
    expect(needsViewport(state, 50_001, 51_001)).toBe(false);
    expect(needsViewport(state, 50_001 + VIEWPORT_STEP, 51_001 + VIEWPORT_STEP)).toBe(false);
    expect(needsViewport(state, 50_002 + VIEWPORT_STEP, 51_002 + VIEWPORT_STEP)).toBe(true);
    expect(needsViewport(state, 49_000 - VIEWPORT_STEP, 50_000 - VIEWPORT_STEP)).toBe(true);
  });
});

describe('diffHighlights', () => {
  const a = h('a', 0, 2);
  const b = h('b', 3, 4);
  const map = (...hs: Highlight[]) => new Map(hs.map((x) => [x.id, x]));
  it.each<[string, Map<string, Highlight>, Highlight[], AnnotationsAction[]]>([
    ['first load is one setAll', map(), [a, b], [{ type: 'setAll', highlights: [a, b] }]],
    ['nothing to nothing', map(), [], []],
    ['unchanged', map(a, b), [a, b], []],
    ['one new is one add', map(a), [a, b], [{ type: 'add', highlights: [b] }]],
    ['one gone is one remove', map(a, b), [a], [{ type: 'remove', ids: ['b'] }]],
    ['a changed state is a replace', map(a), [{ ...a, state: 'failed' }], [{ type: 'replace', id: 'a', highlight: { ...a, state: 'failed' } }]],
  ])('%s', (_, previous, next, expected) => {
    expect(diffHighlights(previous, next)).toEqual(expected);
  });
});

describe('moveHead', () => {
  it('steps over a surrogate pair as one character', () => {
    // Position 1 is the paragraph start; "ab" then 𠮷 (two units) at positions 3..5.
    expect(moveHead(doc, 3, 1)).toBe(5);
    expect(moveHead(doc, 5, -1)).toBe(3);
  });

  it('crosses into the next paragraph', () => {
    const endOfFirst = 1 + FIRST.length;
    expect(moveHead(doc, endOfFirst, 1)).toBe(endOfFirst + 2);
    expect(moveHead(doc, endOfFirst + 2, -1)).toBe(endOfFirst);
  });

  it('stays put at the edges of the document', () => {
    expect(moveHead(doc, 0, -1)).toBe(0);
    expect(moveHead(doc, doc.content.size, 1)).toBe(doc.content.size);
  });
});
