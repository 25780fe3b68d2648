// Table of file names and the import format each one picks (undefined: leave the select alone).
import type { DocumentFormat } from '@glossa/contracts';

export const formatFromFilenameCases: ReadonlyArray<[name: string, expected: DocumentFormat | undefined]> = [
  ['notes.txt', 'text'],
  ['NOTES.TXT', 'text'],
  ['readme.text', 'text'],
  ['report.md', 'markdown'],
  ['report.Markdown', 'markdown'],
  ['archive.2026.02.md', 'markdown'],
  ['page.html', 'html'],
  ['page.HTM', 'html'],
  ['page.xhtml', 'html'],
  ['新華社報道.html', 'html'],
  ['C:\\Users\\analyst\\Downloads\\brief.md', 'markdown'],
  ['/home/analyst/brief.txt', 'text'],
  ['scan.pdf', undefined],
  ['report.docx', undefined],
  ['no-extension', undefined],
  ['trailing-dot.', undefined],
  ['.md', undefined],
  ['', undefined],
];

/** [text, UTF-8 bytes]: ASCII 1, Latin-1 2, CJK 3, astral (CJK Extension B, emoji) 4, lone surrogate 3. */
export const utf8ByteLengthCases: ReadonlyArray<[text: string, bytes: number]> = [
  ['', 0],
  ['APEC', 4],
  ['é', 2],
  ['亞太', 6],
  ['𠮷', 4],
  ['𩸽野家', 10],
  ['👩‍💻', 11],
  ['\r\n', 2],
  ['\ud800', 3],
  ['a\udc00b', 5],
];
