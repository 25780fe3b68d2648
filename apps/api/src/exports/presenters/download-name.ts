// The attachment filename of an export (SECURITY.md E4): control characters, quotes, slashes and
// other separators removed, length capped, an ASCII fallback in `filename` and the real (Chinese)
// title in `filename*` (RFC 6266 / RFC 8187) — built by the `content-disposition` package.
import contentDisposition from 'content-disposition';
import type { ExportFormat } from '@glossa/contracts';

export const EXTENSION: Record<ExportFormat, string> = { markdown: 'md', docx: 'docx', csv: 'csv', json: 'json', w3c: 'jsonld' };

const MAX_STEM_CODE_POINTS = 80;
// C0/C1 controls, bidi overrides and isolates, and characters file systems or headers treat specially.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069"'\\/:*?<>|;=%]+/g;

function sanitizeStem(title: string): string {
  const cleaned = title.normalize('NFC').replace(UNSAFE, ' ').replace(/\s+/g, ' ').replace(/^[.\s]+/, '').trim();
  return [...cleaned].slice(0, MAX_STEM_CODE_POINTS).join('').trim();
}

function asciiStem(stem: string): string {
  return stem
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/[^A-Za-z0-9._ -]+/g, '')
    .replace(/\s+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

/** `Content-Disposition: attachment` for an export of `title` in `format`. */
export function exportDisposition(title: string, suffix: string, format: ExportFormat): string {
  const stem = sanitizeStem(title) || 'glossa';
  const ascii = asciiStem(stem) || 'glossa';
  const extension = EXTENSION[format];
  return contentDisposition(`${stem}-${suffix}.${extension}`, { type: 'attachment', fallback: `${ascii}-${suffix}.${extension}` });
}
