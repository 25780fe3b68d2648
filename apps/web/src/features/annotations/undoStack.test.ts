import { describe, expect, it } from 'vitest';
import { EMPTY_UNDO, lastUndo, UNDO_LIMIT, undoReducer, type UndoEntry, type UndoStack } from './undoStack';

const create = (id: string): UndoEntry => ({ kind: 'create', id });

function run(...actions: Parameters<typeof undoReducer>[1][]): UndoStack {
  return actions.reduce(undoReducer, EMPTY_UNDO);
}

describe('undoReducer', () => {
  it('undoes newest first', () => {
    const stack = run({ type: 'push', entry: create('a') }, { type: 'push', entry: { kind: 'delete', id: 'b', deletedVersion: 3 } });
    expect(lastUndo(stack)).toEqual({ kind: 'delete', id: 'b', deletedVersion: 3 });
    const popped = undoReducer(stack, { type: 'pop' });
    expect(lastUndo(popped)).toEqual(create('a'));
    expect(lastUndo(undoReducer(popped, { type: 'pop' }))).toBeUndefined();
  });

  it('pop on an empty stack changes nothing', () => {
    expect(undoReducer(EMPTY_UNDO, { type: 'pop' })).toBe(EMPTY_UNDO);
  });

  it('keeps an edit with the old values to patch back', () => {
    const stack = run({ type: 'push', entry: { kind: 'edit', id: 'a', before: { tag: 'claim', note: null } } });
    expect(lastUndo(stack)).toEqual({ kind: 'edit', id: 'a', before: { tag: 'claim', note: null } });
  });

  it('forgets every entry of an annotation that is gone', () => {
    const stack = run({ type: 'push', entry: create('a') }, { type: 'push', entry: create('b') }, { type: 'push', entry: { kind: 'edit', id: 'a', before: { note: 'x' } } });
    const forgotten = undoReducer(stack, { type: 'forget', id: 'a' });
    expect(forgotten.entries).toEqual([create('b')]);
    expect(undoReducer(forgotten, { type: 'forget', id: 'zzz' })).toBe(forgotten);
  });

  it('keeps at most UNDO_LIMIT entries, dropping the oldest', () => {
    let stack = EMPTY_UNDO;
    for (let i = 0; i < UNDO_LIMIT + 5; i++) stack = undoReducer(stack, { type: 'push', entry: create(String(i)) });
    expect(stack.entries).toHaveLength(UNDO_LIMIT);
    expect(stack.entries[0]).toEqual(create('5'));
    expect(lastUndo(stack)).toEqual(create(String(UNDO_LIMIT + 4)));
  });
});
