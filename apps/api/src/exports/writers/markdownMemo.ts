// format=markdown: the review memo an editor reads without opening Glossa. Per document a header
// (title, source, revision, counts per tag) and its annotations in document order with quote,
// context, note, author, status and decision comments; then Contradictions (passages side by side)
// and an appendix of detached annotations. User text is escaped (SECURITY.md E3). Streams.
import type { Comment, Link } from '@glossa/contracts';
import { describeFilters } from '../export-scope';
import { mdBlock, mdCell, mdInline, mdStrong } from '../presenters/markdown-text';
import { DETACHED_NOTE, FLAG_STATUS_LABEL, POSITION_UNIT_NOTE, SEVERITY_LABEL, STATUS_LABEL, TAG_LABEL, day, minute, tagCounts } from '../presenters/memo-labels';
import { passageOf } from '../presenters/passage';
import type { ExportAnnotationRow, ExportDocumentRow, ExportReader } from '../queries/export-reader';

/** Context after a quote keeps its leading space ("**quote** and more"). */
function escapeSpaces(text: string): string {
  const lead = /^\s*/.exec(text)![0].replace(/[\r\n]+/g, ' ');
  return `${lead}${mdInline(text)}`;
}

function quoteBlock(row: ExportAnnotationRow): string {
  const p = passageOf({ exact: row.quote_exact, prefix: row.quote_prefix, suffix: row.quote_suffix });
  return `> ${`${p.cutBefore ? '…' : ''}${mdInline(p.before)}${mdStrong(p.exact)}${escapeSpaces(p.after)}${p.cutAfter ? '…' : ''}`.trimStart()}`;
}

function annotationEntry(label: string, row: ExportAnnotationRow, comments: Comment[], documentTitle?: string): string {
  const lines = [
    `### ${label} · ${TAG_LABEL[row.tag]} · ${STATUS_LABEL[row.status]}${row.visibility === 'private' ? ' · Private' : ''}`,
    '',
    ...(documentTitle !== undefined ? [`*${mdInline(documentTitle)}*`, ''] : []),
    quoteBlock(row),
    '',
    `${mdInline(row.author_name)}, ${day(row.created_at)} · code points ${row.start_offset}–${row.end_offset}`,
  ];
  if (row.note !== null && row.note.trim() !== '') lines.push('', `**Note:**`, '', mdBlock(row.note, '> '));
  if (comments.length > 0) {
    lines.push('', '**Comments and decisions:**', '');
    for (const comment of comments) lines.push(`- ${mdInline(comment.author.name)}, ${day(comment.created)}: ${mdInline(comment.body)}`);
  }
  return `${lines.join('\n')}\n\n`;
}

function documentHeader(index: number, document: ExportDocumentRow): string {
  return [
    `## ${index}. ${mdInline(document.title)}`,
    '',
    '| | |',
    '|---|---|',
    `| Source | ${mdCell(document.source)} |`,
    `| Revision | ${document.revisionNumber}, ${day(document.revisionCreated)} |`,
    `| Annotations | ${document.counts.total}: ${tagCounts(document.counts)}${document.counts.detached > 0 ? ` (${document.counts.detached} detached, see the appendix)` : ''} |`,
    '',
    '',
  ].join('\n');
}

function passageCell(passage: Link['annotations'][number]): string {
  const title = `**${mdCell(passage.documentTitle)}** (${TAG_LABEL[passage.tag]}, ${mdCell(passage.author.name)})`;
  if (passage.deleted) return `${title}<br>*(annotation deleted)*`;
  if (passage.quote.exact === '') return `${title}<br>*(a private annotation, not exported)*`;
  const p = passageOf(passage.quote);
  // mdInline escapes pipes too, and the passage is one line: safe inside a table cell.
  return `${title}<br>${`${p.cutBefore ? '…' : ''}${mdInline(p.before)}${mdStrong(p.exact)}${escapeSpaces(p.after)}${p.cutAfter ? '…' : ''}`.trim()}`;
}

function contradictionEntry(index: number, link: Link): string {
  const header = link.annotations.map((_p, i) => `Passage ${i + 1}`);
  const lines = [
    `### C${index}. ${SEVERITY_LABEL[link.severity ?? 'low']} severity · ${FLAG_STATUS_LABEL[link.status ?? 'open']}`,
    '',
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    `| ${link.annotations.map(passageCell).join(' | ')} |`,
    '',
    `**Rationale:** ${mdInline(link.rationale)}`,
    '',
    `Raised by ${mdInline(link.raisedBy.name)}, ${day(link.created)}${link.assignee ? ` · assigned to ${mdInline(link.assignee.name)}` : ''} · status ${FLAG_STATUS_LABEL[link.status ?? 'open']}, ${day(link.modified)}`,
  ];
  if (link.resolution !== null) lines.push('', `**Resolution:** ${mdInline(link.resolution)}`);
  return `${lines.join('\n')}\n\n`;
}

export async function* writeMarkdownMemo(reader: ExportReader, exportedAt: Date, exportedBy: string): AsyncGenerator<string> {
  const scope = reader.scope;
  const documents = await reader.documents();
  const authorName = scope.filters.author ? await reader.authorName(scope.filters.author) : null;
  const filters = describeFilters(scope.filters, authorName);
  const total = documents.reduce((sum, d) => sum + d.counts.total, 0);
  const title = scope.singleDocument && documents[0] ? documents[0].title : scope.workspaceName;
  yield [
    `# Review memo: ${mdInline(title)}`,
    '',
    `Workspace ${mdInline(scope.workspaceName)} · ${documents.length} ${documents.length === 1 ? 'document' : 'documents'} · ${total} ${total === 1 ? 'annotation' : 'annotations'} · exported ${minute(exportedAt)} by ${mdInline(exportedBy)}`,
    '',
    `Filters: ${filters.length > 0 ? mdInline(filters.join('; ')) : 'none'}. Private notes: ${scope.filters.includePrivate === 'own' ? 'the exporter\u2019s own are included' : 'not included'}. ${POSITION_UNIT_NOTE}`,
    '',
    '',
  ].join('\n');

  let index = 0;
  for (const document of documents) {
    index++;
    yield documentHeader(index, document);
    let n = 0;
    for await (const page of reader.annotationPages(document.id, 'anchored')) {
      const comments = await reader.annotationComments(page.map((row) => row.id));
      let chunk = '';
      for (const row of page) chunk += annotationEntry(`${index}.${++n}`, row, comments.get(row.id) ?? []);
      yield chunk;
    }
    if (n === 0) yield `*No anchored annotations${document.counts.total > 0 ? ' (the ones in scope are detached; see the appendix)' : ''}.*\n\n`;
  }

  yield '## Contradictions\n\n';
  let c = 0;
  for await (const page of reader.linkPages(true)) {
    let chunk = '';
    for (const link of page) chunk += contradictionEntry(++c, link);
    yield chunk;
  }
  if (c === 0) yield '*No contradictions flagged.*\n\n';

  yield `## Appendix: detached annotations\n\n${DETACHED_NOTE}\n\n`;
  let a = 0;
  for (const document of documents) {
    if (document.counts.detached === 0) continue;
    for await (const page of reader.annotationPages(document.id, 'detached')) {
      const comments = await reader.annotationComments(page.map((row) => row.id));
      let chunk = '';
      for (const row of page) chunk += annotationEntry(`A${++a}`, row, comments.get(row.id) ?? [], document.title);
      yield chunk;
    }
  }
  if (a === 0) yield '*None.*\n';
}
