import { describe, expect, it } from 'vitest';
import type { DocumentFormat } from '@glossa/contracts';
import { validateDocJson } from '@glossa/editor-schema';
import { IMPORT_FAILURE_CASES, IMPORT_SUCCESS_CASES } from './document-import-cases';
import { isEmptyDoc } from './empty-document';
import { importDocument } from './document-import';

describe('importDocument', () => {
  it.each(IMPORT_SUCCESS_CASES)('$name', async ({ format, content, language, text, empty }) => {
    const result = await importDocument({ format, content });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.language).toBe(language);
    expect(result.doc.textBetween(0, result.doc.content.size, '\n')).toBe(text);
    expect(isEmptyDoc(result.doc)).toBe(empty);
    expect(validateDocJson(result.doc.toJSON()).ok).toBe(true);
  });

  it.each(IMPORT_FAILURE_CASES)('refuses $name', async ({ format, content, code, field }) => {
    // The format arrives unchecked from a caller; the cast is the point of the test.
    const result = await importDocument({ format: format as DocumentFormat, content });
    expect(result).toMatchObject({ ok: false, code, field });
  });
});
