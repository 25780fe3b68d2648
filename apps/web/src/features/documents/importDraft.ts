// Pure rules of the import form: format from a file name, byte size of pasted text,
// the early checks run before upload, and where a server field error is shown.
import { MAX_DOCUMENT_BYTES, MAX_TITLE_LENGTH, type DocumentFormat } from '@glossa/contracts';
import { codePointLength, utf8ByteLength } from '../../text/measure';

const FORMAT_BY_EXTENSION: Record<string, DocumentFormat> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
};

/** The formats an import may declare, in the order the format select offers them. */
export const IMPORT_FORMATS: readonly DocumentFormat[] = ['text', 'markdown', 'html'];

/** The file picker's filter: every extension above, plus the matching media types. */
export const IMPORT_FILE_ACCEPT = [...Object.keys(FORMAT_BY_EXTENSION).map((ext) => `.${ext}`), 'text/plain', 'text/markdown', 'text/html'].join(',');

/** `report.MD` → `markdown`; undefined when the extension says nothing we import. */
export function formatFromFilename(name: string): DocumentFormat | undefined {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  // A leading dot names a hidden file (".md"), not an extension.
  if (dot <= 0 || dot === base.length - 1) return undefined;
  return FORMAT_BY_EXTENSION[base.slice(dot + 1).toLowerCase()];
}

/** File name without its extension, as a default title. */
export function titleFromFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base).trim();
}

export { codePointLength, utf8ByteLength };

export type ImportSourceDraft = { kind: 'paste'; content: string } | { kind: 'file'; file: { name: string; size: number } | null };

export interface ImportDraft {
  title: string;
  source: ImportSourceDraft;
}

/** Slots in the form where a problem is shown. */
export type DraftField = 'title' | 'format' | 'content';

export type DraftProblem =
  | { field: 'title'; kind: 'titleRequired' }
  | { field: 'title'; kind: 'titleTooLong'; length: number; max: number }
  | { field: 'content'; kind: 'contentRequired' }
  | { field: 'content'; kind: 'fileRequired' }
  | { field: 'content'; kind: 'tooLarge'; bytes: number; limit: number };

/** The checks the server would also make, run early so nothing is uploaded in vain. */
export function checkImportDraft(draft: ImportDraft, maxBytes = MAX_DOCUMENT_BYTES): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const title = draft.title.trim();
  if (title.length === 0) problems.push({ field: 'title', kind: 'titleRequired' });
  else {
    const length = codePointLength(title);
    if (length > MAX_TITLE_LENGTH) problems.push({ field: 'title', kind: 'titleTooLong', length, max: MAX_TITLE_LENGTH });
  }
  if (draft.source.kind === 'paste') {
    if (draft.source.content.trim().length === 0) problems.push({ field: 'content', kind: 'contentRequired' });
    else {
      const bytes = utf8ByteLength(draft.source.content);
      if (bytes > maxBytes) problems.push({ field: 'content', kind: 'tooLarge', bytes, limit: maxBytes });
    }
  } else if (draft.source.file === null) {
    problems.push({ field: 'content', kind: 'fileRequired' });
  } else if (draft.source.file.size > maxBytes) {
    problems.push({ field: 'content', kind: 'tooLarge', bytes: draft.source.file.size, limit: maxBytes });
  }
  return problems;
}

/** Which form slot shows a server field error with this path; undefined → the general banner. */
export function fieldForErrorPath(path: string): DraftField | undefined {
  const head = path.split('.')[0];
  switch (head) {
    case 'title':
      return 'title';
    case 'format':
      return 'format';
    case 'content':
    case 'file':
      return 'content';
    default:
      return undefined;
  }
}
