// The nesting budget both structured parsers share, counted exactly as validateDocJson counts
// depth (doc = 1), so no import can produce a document the validator would refuse as too deep.
import { MAX_BLOCK_DEPTH } from '@glossa/contracts';

/** Depth of the doc node itself. */
export const DOC_DEPTH = 1;

/** Below any container there is at least a textblock and its text. */
const LEAF_LEVELS = 2;

/** A blockquote adds one level. */
const BLOCKQUOTE_LEVELS = 1;

/** A list adds two: the list and its list_item. */
const LIST_LEVELS = 2;

/** Whether a blockquote may open inside a container at `depth` and still hold a paragraph. */
export function canOpenBlockquote(depth: number): boolean {
  return depth + BLOCKQUOTE_LEVELS + LEAF_LEVELS <= MAX_BLOCK_DEPTH;
}

/** Whether a list may open inside a container at `depth`; its items' depth is reserved with it. */
export function canOpenList(depth: number): boolean {
  return depth + LIST_LEVELS + LEAF_LEVELS <= MAX_BLOCK_DEPTH;
}
