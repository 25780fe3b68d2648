// Public surface of @glossa/anchoring: the canonical text of a document and the mapping
// between its code point offsets and ProseMirror positions. No Nest, TypeORM or DOM here.
export { canonicalText, canonicalLeafText, BLOCK_SEPARATOR, OBJECT_REPLACEMENT } from './canonical-text';
export { codePointLength, codePointToUtf16, utf16ToCodePoint, sliceCodePoints } from './code-points';
export { TextIndex, type Assoc, type OffsetRange, type PosRange } from './text-index';
