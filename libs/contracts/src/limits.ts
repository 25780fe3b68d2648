// Documented input limits, shared by the API (enforcement) and the web app (early feedback).

/** Largest document content accepted, in UTF-8 bytes (pasted or uploaded). */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
/** Largest single line accepted; longer lines are refused rather than laid out. */
export const MAX_LINE_CODE_POINTS = 1_000_000;
export const MAX_TITLE_LENGTH = 300;
/** Deepest block nesting accepted from an import (blockquotes, lists). */
export const MAX_BLOCK_DEPTH = 32;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;
