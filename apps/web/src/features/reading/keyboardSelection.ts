// Keyboard selection in the read-only reading view: browsers move no caret in content that is
// not editable (without caret browsing), so shift+arrows are done here, one code point at a
// time, never stopping between the halves of a surrogate pair.
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { Selection } from 'prosemirror-state';

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
