// Faint marks where other viewers have text selected: a DecorationSet of its own, replaced by one
// `set` action whenever presence changes (a handful of ranges), independent of the highlights.
// Ranges are code point offsets over the canonical text, as the live channel sends them.
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { annotationsKey } from './annotationsPlugin';

export interface RemoteSelection {
  userId: string;
  name: string;
  start: number;
  end: number;
  color: string;
}

export const presenceKey = new PluginKey<DecorationSet>('glossaPresence');

/** The attribute on every mark of another viewer's selection naming them. */
export const PRESENCE_USER_ATTRIBUTE = 'data-presence-user';

export function presenceDecorations(state: EditorState, doc: ProseMirrorNode, selections: readonly RemoteSelection[]): DecorationSet {
  const index = annotationsKey.getState(state)?.index;
  if (!index) return DecorationSet.empty;
  const out: Decoration[] = [];
  for (const s of selections) {
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end > index.length || s.start >= s.end) continue;
    const { from, to } = index.offsetsToRange(s.start, s.end);
    if (from >= to) continue;
    out.push(
      Decoration.inline(from, to, {
        nodeName: 'span',
        class: 'presence-selection',
        style: `border-bottom-color: ${s.color}`,
        title: s.name,
        [PRESENCE_USER_ATTRIBUTE]: s.userId,
      }),
    );
  }
  return DecorationSet.create(doc, out);
}

export function presencePlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: presenceKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, previous, _old, state) {
        const selections = tr.getMeta(presenceKey) as readonly RemoteSelection[] | undefined;
        if (selections) return presenceDecorations(state, tr.doc, selections);
        return tr.docChanged ? previous.map(tr.mapping, tr.doc) : previous;
      },
    },
    props: {
      decorations: (state) => presenceKey.getState(state),
    },
  });
}

/** The transaction that shows `selections` as the other viewers' selections. */
export function presenceTransaction(state: EditorState, selections: readonly RemoteSelection[]): Transaction {
  return state.tr.setMeta(presenceKey, selections).setMeta('addToHistory', false);
}
