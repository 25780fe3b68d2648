// Runs in a worker thread: turns imported content into ProseMirror JSON and its canonical
// text. A 5 MB import costs seconds of CPU; here it never blocks the API's event loop.
import { canonicalText } from '@glossa/anchoring';
import { importDocument, isEmptyDoc } from '@glossa/importers';
import type { ConvertRequest, ConvertResult } from './convert-types';

export default async function convert(request: ConvertRequest): Promise<ConvertResult> {
  const result = await importDocument(request);
  if (!result.ok) return { ok: false, code: result.code, field: result.field, message: result.message };
  return {
    ok: true,
    doc: result.doc.toJSON() as Record<string, unknown>,
    text: canonicalText(result.doc),
    language: result.language,
    empty: isEmptyDoc(result.doc),
  };
}
