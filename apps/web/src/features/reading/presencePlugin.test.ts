import { schema } from '@glossa/editor-schema';
import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { annotationsPlugin, annotationsTransaction, annotationsKey } from './annotationsPlugin';
import { PRESENCE_USER_ATTRIBUTE, presenceKey, presencePlugin, presenceTransaction, type RemoteSelection } from './presencePlugin';

const FIRST = 'ab𠮷cde';
const doc = schema.node('doc', null, [schema.node('paragraph', null, [schema.text(FIRST)]), schema.node('paragraph', null, [schema.text('第二段落')])]);
const state0 = EditorState.create({ doc, plugins: [annotationsPlugin(), presencePlugin()] });
// Canonical text: 'ab𠮷cde' (6 code points), one separator, then '第二段落' from offset 7.
const sel = (userId: string, start: number, end: number): RemoteSelection => ({ userId, name: userId, start, end, color: '#123456' });

function marks(state: EditorState) {
  return presenceKey
    .getState(state)!
    .find()
    .map((d) => ({ text: state.doc.textBetween(d.from, d.to, '\n'), user: (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs[PRESENCE_USER_ATTRIBUTE] }));
}

describe('presencePlugin', () => {
  it('marks other viewers’ selections by code point offsets, astral characters counted once', () => {
    const state = state0.apply(presenceTransaction(state0, [sel('u1', 2, 4), sel('u2', 7, 9)]));
    expect(marks(state)).toEqual([
      { text: '𠮷c', user: 'u1' },
      { text: '第二', user: 'u2' },
    ]);
  });

  it('replaces the marks as a whole and skips ranges outside the text', () => {
    let state = state0.apply(presenceTransaction(state0, [sel('u1', 0, 1)]));
    state = state.apply(presenceTransaction(state, [sel('u2', 5, 100), sel('u3', 3, 3), sel('u4', 1, 2)]));
    expect(marks(state)).toEqual([{ text: 'b', user: 'u4' }]);
    state = state.apply(presenceTransaction(state, []));
    expect(marks(state)).toEqual([]);
  });

  it('leaves the highlights alone', () => {
    let state = state0.apply(annotationsTransaction(state0, { type: 'add', highlights: [{ id: 'h1', start: 0, end: 2, tag: 'claim', state: 'confirmed' }] }));
    const highlights = annotationsKey.getState(state)!.decorations;
    state = state.apply(presenceTransaction(state, [sel('u1', 0, 2)]));
    expect(annotationsKey.getState(state)!.decorations).toBe(highlights);
  });
});
