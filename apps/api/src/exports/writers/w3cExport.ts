// format=w3c: the scope's annotations as a W3C Web Annotation AnnotationCollection (JSON-LD),
// written by the W3C module's streaming collection writer from this module's paged rows.
import { PassThrough, type Readable } from 'node:stream';
import { w3cInputFromRow } from '../../w3c/presenters/w3cAnnotationInput';
import { writeW3cCollection, type W3cAnnotationInput } from '../../w3c/w3c-collection';
import type { ExportReader } from '../queries/export-reader';

/** Annotations per embedded AnnotationPage of an exported collection. */
const W3C_EXPORT_PAGE_SIZE = 1_000;
const BATCH_CHARACTERS = 64 * 1024;

async function* inputs(reader: ExportReader): AsyncGenerator<W3cAnnotationInput> {
  for (const document of await reader.documents()) {
    for await (const page of reader.annotationPages(document.id)) {
      for (const row of page) yield w3cInputFromRow(row);
    }
  }
}

/**
 * The collection as a byte stream with backpressure: the writer waits for the stream to drain,
 * and stops (ending the reader) when the client goes away.
 */
export function streamW3cExport(reader: ExportReader, context: { baseUrl: string; id: string; label: string; total: number }): Readable {
  const out = new PassThrough();
  // Waits for 'drain' or 'close', removing both listeners afterwards (no listener piles up per wait).
  const drained = (): Promise<void> =>
    new Promise((resolve) => {
      const done = () => {
        out.off('drain', done);
        out.off('close', done);
        resolve();
      };
      out.on('drain', done);
      out.on('close', done);
    });
  // The writer hands over one annotation at a time; they go out in batches of ~64 KB, since a
  // socket write per annotation costs more than the serialization itself.
  let pending = '';
  const flush = async (): Promise<void> => {
    if (out.destroyed) throw new Error('The export was cancelled');
    const chunk = pending;
    pending = '';
    if (chunk !== '' && !out.write(chunk)) {
      await drained();
      if (out.destroyed) throw new Error('The export was cancelled');
    }
  };
  const write = async (chunk: string): Promise<void> => {
    pending += chunk;
    if (pending.length >= BATCH_CHARACTERS) await flush();
  };
  writeW3cCollection(inputs(reader), write, { ...context, pageSize: W3C_EXPORT_PAGE_SIZE })
    .then(flush)
    .then(() => out.end())
    .catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))))
    .finally(() => void reader.close());
  return out;
}
