// Plain text import: one paragraph per non-blank line, with no markup interpreted,
// so `# x`, `**y**` and `<b>` stay exactly the characters the author typed.
import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '@glossa/editor-schema';
import { emptyDoc } from './empty-document';

const LINE_BREAK = /\r\n|\r|\n/;
const VISIBLE = /\S/u;

/** Expects normalized text (see normalizeInput) but tolerates any line ending. */
export function parseText(text: string): PMNode {
  const paragraphs = text
    .split(LINE_BREAK)
    .filter((line) => VISIBLE.test(line))
    .map((line) => schema.nodes.paragraph.create(null, schema.text(line)));
  return paragraphs.length === 0 ? emptyDoc() : schema.node(schema.topNodeType, null, paragraphs);
}
