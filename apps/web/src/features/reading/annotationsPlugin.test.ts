import { canonicalText, sliceCodePoints } from '@glossa/anchoring';
import { schema } from '@glossa/editor-schema';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { Decoration } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import { annotationsKey, annotationsPlugin, annotationsTransaction, diffHighlights, highlightClass, type AnnotationsAction, type Highlight } from './annotationsPlugin';
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
