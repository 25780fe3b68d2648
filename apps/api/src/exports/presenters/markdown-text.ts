// Puts user text into a Markdown memo as literal text (SECURITY.md E3): every character that could
// start markup is backslash-escaped, line-leading block markers too, so notes holding `# Fake`,
// `| a | b |`, fences or `</details><script>` render as the words they are.
const INLINE_SPECIAL = /[\\`*_[\]<>|~&#!]/g;
/** Markers that only mean something at the start of a line: lists, quotes, setext underlines, ordered lists. */
const LINE_START = /^(\s*)([-+=>]|\d+[.)])/;

function escapeLine(line: string, trim = true): string {
  const escaped = (trim ? line.trim() : line).replace(INLINE_SPECIAL, (c) => `\\${c}`);
  return escaped.replace(LINE_START, (_m, space: string, marker: string) => `${space}${marker.replace(/^(\d*)([-+=>.)])$/, '$1\\$2')}`);
}

/**
 * Inline text: one line, line breaks folded into spaces; inner and trailing spaces kept, leading
 * ones dropped (four of them would start an indented code block).
 */
export function mdInline(text: string): string {
  return escapeLine(text.replace(/\s*[\r\n]+\s*/g, ' ').trimStart(), false);
}

/**
 * Emphasized inline text: `**quote**` with the quote's own leading and trailing spaces moved
 * outside the markers (CommonMark does not open or close emphasis next to a space).
 */
export function mdStrong(text: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text.replace(/\s*[\r\n]+\s*/g, ' '))!;
  return match[2] ? `${match[1]}**${escapeLine(match[2], false)}**${match[3]}` : match[0];
}

/**
 * A block of text kept line by line (hard breaks), each line behind `linePrefix` (e.g. `> `);
 * blank lines stay inside the block instead of ending it.
 */
export function mdBlock(text: string, linePrefix = ''): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => escapeLine(line))
    .map((line, index, lines) => `${linePrefix}${line}${index < lines.length - 1 ? '\\' : ''}`)
    .join('\n');
}

/** A table cell: escaped, pipes included, line breaks as <br> (our markup, not the user's). */
export function mdCell(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => escapeLine(line))
    .filter((line) => line.length > 0)
    .join('<br>');
}
