// Keyboard selection in the read-only reading view: browsers move no caret in content that is
// not editable (without caret browsing), so shift+arrows are done here, one code point at a
// time, never stopping between the halves of a surrogate pair.
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { Selection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** The head one code point left (-1) or right (1) of `head`, crossing into the next textblock. */
export function moveHead(doc: ProseMirrorNode, head: number, dir: -1 | 1): number {
  let pos = head + dir;
  if (pos < 0 || pos > doc.content.size) return head;
  const $pos = doc.resolve(pos);
  if (!$pos.parent.isTextblock) {
    const found = Selection.findFrom($pos, dir, true);
    return found ? found.head : head;
  }
  if (pos - 1 >= $pos.start() && pos + 1 <= $pos.end()) {
    const around = doc.textBetween(pos - 1, pos + 1);
    if (around.length === 2 && isHigh(around.charCodeAt(0)) && isLow(around.charCodeAt(1))) pos += dir;
  }
  return pos;
}

/**
 * The selection a key press should extend. ProseMirror learns of a DOM selection change on the
 * browser's `selectionchange` event, which arrives after the change; a shift+arrow pressed before
 * it (a click or a script, then a key at once) would extend the previous selection. The DOM
 * selection, when it lies inside the view, is what the reader sees, so it wins.
 */
export function selectionForKeys(view: EditorView): { anchor: number; head: number } {
  const dom = view.dom.ownerDocument.getSelection();
  if (dom?.anchorNode && dom.focusNode && view.dom.contains(dom.anchorNode) && view.dom.contains(dom.focusNode)) {
    try {
      return { anchor: view.posAtDOM(dom.anchorNode, dom.anchorOffset), head: view.posAtDOM(dom.focusNode, dom.focusOffset) };
    } catch {
      // A DOM position ProseMirror cannot map (inside a widget): keep its own selection.
    }
  }
  const { anchor, head } = view.state.selection;
  return { anchor, head };
}
