// Public API of @glossa/importers: text, Markdown and HTML in; ProseMirror documents in the
// shared schema out, with the input policy and language detection that go with them.
export { normalizeInput, type NormalizeResult } from './normalization';
export { importFailure, type ImportFailure, type ImportErrorCode, type ImportField } from './failure';
export { parseText } from './plain-text';
export { parseMarkdown } from './markdown';
export { parseHtml } from './html';
export { sanitizeImportHtml } from './sanitizer';
export { seedMarkdown } from './seed-markdown';
export { detectLanguage } from './language';
export { isEmptyDoc, emptyDoc } from './empty-document';
export { importDocument, type ImportRequest, type ImportResult } from './document-import';
