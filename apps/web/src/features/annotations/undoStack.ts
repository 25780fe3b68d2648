// The person's own recent annotation changes, newest last, and what undoing each one means:
// a create is undone by a delete, a delete by a restore, an edit by patching the old values back,
// a bulk delete by restoring the whole set.
import type { UpdateAnnotationBody } from '../../api/annotations';

export type UndoEntry =
  | { kind: 'create'; id: string }
  /** `deletedVersion`: the version the delete left, which the restore must match. */
  | { kind: 'delete'; id: string; deletedVersion: number }
  /** `id` names the entry; `items`: every deleted annotation with the version the delete left. */
  | { kind: 'deleteMany'; id: string; items: ReadonlyArray<{ id: string; version: number }> }
  /** `before`: the fields the edit changed, with their old values. */
  | { kind: 'edit'; id: string; before: UpdateAnnotationBody };

export interface UndoStack {
  entries: readonly UndoEntry[];
}

export type UndoAction =
  | { type: 'push'; entry: UndoEntry }
  | { type: 'pop' }
  /** The annotation is gone for good (discarded, deleted elsewhere): its entries cannot be undone. */
  | { type: 'forget'; id: string };

/** Enough for a working session; older changes stay in the history, just not on Ctrl+Z. */
export const UNDO_LIMIT = 100;

export const EMPTY_UNDO: UndoStack = { entries: [] };

export function undoReducer(state: UndoStack, action: UndoAction): UndoStack {
  switch (action.type) {
    case 'push': {
      const entries = [...state.entries, action.entry];
      return { entries: entries.length > UNDO_LIMIT ? entries.slice(entries.length - UNDO_LIMIT) : entries };
    }
    case 'pop':
      return state.entries.length === 0 ? state : { entries: state.entries.slice(0, -1) };
    case 'forget': {
      const entries = state.entries.filter((entry) => entry.id !== action.id);
      return entries.length === state.entries.length ? state : { entries };
    }
  }
}

export function lastUndo(state: UndoStack): UndoEntry | undefined {
  return state.entries[state.entries.length - 1];
}
