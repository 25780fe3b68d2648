// What an empty import is: a valid doc (one empty paragraph) that the use case refuses,
// because a document with no text has nothing to annotate.
import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '@glossa/editor-schema';

/** Any letter, digit or symbol; `\s` already covers U+3000 and the other Unicode spaces. */
const VISIBLE = /\S/u;

/** The smallest document the schema accepts. */
export function emptyDoc(): PMNode {
  return schema.node(schema.topNodeType, null, [schema.nodes.paragraph.create()]);
}

/** True when the document holds no visible text (only whitespace, rules or breaks). */
export function isEmptyDoc(doc: PMNode): boolean {
  return !VISIBLE.test(doc.textContent);
}
