// format=json: the Glossa export document (GlossaExport in the contracts) — workspace, documents,
// annotations, links, comments and events — written as a stream, one array element at a time.
import type { ExportedDocument } from '@glossa/contracts';
import { presentAnnotation } from '../../annotations/presenters/annotationPresenter';
import type { ExportReader } from '../queries/export-reader';

/** Writes `"key":[` … `]`, separating the elements of every page with commas. */
async function* jsonArray<T>(key: string, pages: AsyncIterable<T[]>, first: boolean): AsyncGenerator<string> {
  yield `${first ? '' : ','}${JSON.stringify(key)}:[`;
  let separator = '';
  for await (const page of pages) {
    if (page.length === 0) continue;
    yield separator + page.map((item) => JSON.stringify(item)).join(',');
    separator = ',';
  }
  yield ']';
}

async function* single<T>(items: T[]): AsyncGenerator<T[]> {
  yield items;
}

export async function* writeJsonExport(reader: ExportReader, exportedAt: Date): AsyncGenerator<string> {
  const scope = reader.scope;
  const documents = await reader.documents();
  const head = { glossa: 'export', version: 1, exportedAt: exportedAt.toISOString(), workspace: { id: scope.workspaceId, name: scope.workspaceName } };
  yield JSON.stringify(head).slice(0, -1);
  const exported: ExportedDocument[] = documents.map(({ counts: _counts, ...document }) => document);
  yield* jsonArray('documents', single(exported), false);
  async function* annotations() {
    for (const document of documents) {
      for await (const page of reader.annotationPages(document.id)) yield page.map((row) => presentAnnotation(row, scope.viewer));
    }
  }
  yield* jsonArray('annotations', annotations(), false);
  yield* jsonArray('links', reader.linkPages(false), false);
  yield* jsonArray('comments', reader.commentPages(), false);
  yield* jsonArray('events', reader.eventPages(), false);
  yield '}\n';
}
