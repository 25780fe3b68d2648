// The one plain-text rendering of a ProseMirror document that every annotation offset
// counts code points in, computed identically by the server and the browser.
//
// Definition:
// - Every textblock (node.isTextblock: paragraph, heading, code_block) contributes its
//   inline content, in document order:
//   - a text node contributes its text;
//   - an inline leaf contributes its spec's leafText (hard_break gives "\n"), or U+FFFC
//     (OBJECT REPLACEMENT CHARACTER) when the spec has none;
//   - a non-leaf inline node contributes its own inline content the same way.
// - Textblocks are joined by a single "\n". An empty textblock contributes "", so two
//   separators end up adjacent.
// - Everything else contributes nothing and adds no separator: block leaves such as
//   horizontal_rule, and the wrappers around textblocks (lists, list items, blockquotes).
// - Lone surrogates become U+FFFD (one unit, one code point, so no count or position moves).
//   This keeps the text well formed, so two text nodes ending and starting with halves of
//   a pair can never fuse into one code point and shift every later offset.
//
// It equals doc.textBetween(0, doc.content.size, '\n', canonicalLeafText) with lone
// surrogates replaced. Only node flags and spec.leafText are read, never node type
// names, so this module does not depend on @glossa/editor-schema.
import type { Node } from 'prosemirror-model';
import { wellFormed } from './code-points';

export const BLOCK_SEPARATOR = '\n';
/** Stands in for an inline leaf whose spec declares no leafText (an image, a mention chip). */
export const OBJECT_REPLACEMENT = '\uFFFC';

/** What a leaf contributes; usable as textBetween's leafText argument. Block leaves give "". */
export function canonicalLeafText(node: Node): string {
  if (!node.isInline) return '';
  const leafText = node.type.spec.leafText;
  return wellFormed(leafText ? leafText(node) : OBJECT_REPLACEMENT);
}

function appendInline(parent: Node, out: string[]): void {
  parent.forEach((child) => {
    if (child.isText) out.push(wellFormed(child.text ?? ''));
    else if (child.isLeaf) out.push(canonicalLeafText(child));
    else appendInline(child, out);
  });
}

export function canonicalText(doc: Node): string {
  const lines: string[] = [];
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    const line: string[] = [];
    appendInline(node, line);
    lines.push(line.join(''));
    return false;
  });
  return lines.join(BLOCK_SEPARATOR);
}
