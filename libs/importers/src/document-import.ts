// The importer's one entry point for the use case: normalize the input, parse it in its
// format, check the result against the schema validator and detect its language.
import type { Node as PMNode } from 'prosemirror-model';
import { DocumentFormat, ErrorCode, type DocumentLanguage } from '@glossa/contracts';
import { validateDocJson } from '@glossa/editor-schema';
import { importFailure, type ImportFailure } from './failure';
import { detectLanguage } from './language';
import { normalizeInput } from './normalization';
import { parseText } from './plain-text';
import { parseMarkdown } from './markdown';
import { parseHtml } from './html';

export interface ImportRequest {
  format: DocumentFormat;
  content: Uint8Array | string;
}

export type ImportResult = { ok: true; doc: PMNode; language: DocumentLanguage } | ImportFailure;

const BLOCK_SEPARATOR = '\n';

async function parse(format: DocumentFormat, text: string): Promise<PMNode> {
  switch (format) {
    case 'text':
      return parseText(text);
    case 'markdown':
      return parseMarkdown(text);
    case 'html':
      return parseHtml(text);
  }
}

/**
 * Converts uploaded or pasted content into a schema document. An empty document is returned as
 * `ok` (one empty paragraph); refusing it is the caller's decision, see isEmptyDoc.
 */
export async function importDocument(request: ImportRequest): Promise<ImportResult> {
  const format = DocumentFormat.safeParse(request.format);
  if (!format.success) {
    return importFailure(ErrorCode.UnsupportedMediaType, `format must be one of ${DocumentFormat.options.join(', ')}`, 'format');
  }
  const normalized = normalizeInput(request.content);
  if (!normalized.ok) return normalized;
  const doc = await parse(format.data, normalized.text);
  // The parsers are built to stay inside the schema; this is the same gate every stored
  // revision passes, so a parser bug is refused here instead of being stored.
  const check = validateDocJson(doc.toJSON());
  if (!check.ok) return importFailure(ErrorCode.UnprocessableContent, `content could not be imported: ${check.reason}`);
  // Language comes from the document's text, never the markup (tag names and URLs are Latin).
  const language = detectLanguage(doc.textBetween(0, doc.content.size, BLOCK_SEPARATOR, BLOCK_SEPARATOR));
  return { ok: true, doc, language };
}
