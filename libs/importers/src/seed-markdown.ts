// Prepares the "Markdown-ish" demo corpus for parseMarkdown: the scrapes put ONE newline between
// paragraphs, which Markdown would merge, so every line is made a block of its own.
const LINE_BREAK = /\r\n|\r|\n/;
const BLOCK_SEPARATOR = '\n\n';
const LINE_SEPARATOR = '\n';
/** Markdown's hard line break: the author meant these lines to stay together. */
const HARD_BREAK_END = / {2,}$/;
/** Opening or closing code fence (``` or ~~~, up to three spaces of indent). */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const FENCE_ONLY = /^ {0,3}(`{3,}|~{3,})\s*$/;
/** Footnote markers `^[12]`: escaped so a stray `[12]: …` line can never turn them into links. */
const FOOTNOTE_MARKER = /\^\[/g;
const ESCAPED_FOOTNOTE_MARKER = '^\\[';

/**
 * Returns Markdown in which each line of `text` is its own block: single newlines become blank
 * lines, except inside fenced code and after a hard break (two trailing spaces). Headings,
 * `**bold**` and `- ` / `1. ` list lines still parse; footnote markers stay literal.
 */
export function seedMarkdown(text: string): string {
  const lines = text.split(LINE_BREAK);
  let fence: string | null = null;
  let out = '';
  lines.forEach((line, i) => {
    const inFence = fence !== null;
    out += inFence ? line : line.replace(FOOTNOTE_MARKER, ESCAPED_FOOTNOTE_MARKER);
    const marker = FENCE.exec(line)?.[1];
    if (marker !== undefined) {
      if (!inFence) fence = marker;
      // A closing fence uses the same character, at least as many times, and nothing after.
      else if (marker[0] === fence![0] && marker.length >= fence!.length && FENCE_ONLY.test(line)) fence = null;
    }
    if (i === lines.length - 1) return;
    out += fence !== null || HARD_BREAK_END.test(line) ? LINE_SEPARATOR : BLOCK_SEPARATOR;
  });
  return out;
}
