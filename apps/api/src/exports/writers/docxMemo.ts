// format=docx: the same review memo as the Markdown one, as a Word document built with `docx`.
// A .docx is a zip written at the end, so this one is built in memory: at most
// MAX_DOCX_ANNOTATIONS annotations (the controller refuses more; the Markdown memo streams).
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Comment, Link } from '@glossa/contracts';
import { describeFilters } from '../export-scope';
import { DETACHED_NOTE, FLAG_STATUS_LABEL, POSITION_UNIT_NOTE, SEVERITY_LABEL, STATUS_LABEL, TAG_LABEL, day, minute, tagCounts } from '../presenters/memo-labels';
import { passageOf } from '../presenters/passage';
import type { ExportAnnotationRow, ExportDocumentRow, ExportReader } from '../queries/export-reader';

type Block = Paragraph | Table;

// Word rejects XML-invalid control characters; everything else goes in as literal text.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const clean = (text: string): string => text.replace(XML_INVALID, '\uFFFD');

/** Text runs keeping the user's line breaks. */
function runs(text: string, options: { bold?: boolean; italics?: boolean } = {}): TextRun[] {
  return clean(text)
    .split(/\r\n|\r|\n/)
    .map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : 0, ...options }));
}

function para(text: string, options: { bold?: boolean; italics?: boolean } = {}): Paragraph {
  return new Paragraph({ children: runs(text, options) });
}

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph {
  return new Paragraph({ heading: level, children: runs(text) });
}

function quoteParagraph(quote: { exact: string; prefix: string; suffix: string }): Paragraph {
  const p = passageOf(quote);
  return new Paragraph({
    indent: { left: 480 },
    children: [
      ...(p.before ? runs(`${p.cutBefore ? '…' : ''}${p.before}`, { italics: true }) : []),
      ...runs(p.exact, { bold: true }),
      ...(p.after ? runs(`${p.after}${p.cutAfter ? '…' : ''}`, { italics: true }) : []),
    ],
  });
}

function annotationBlocks(label: string, row: ExportAnnotationRow, comments: Comment[], documentTitle?: string): Block[] {
  const blocks: Block[] = [
    heading(`${label} · ${TAG_LABEL[row.tag]} · ${STATUS_LABEL[row.status]}${row.visibility === 'private' ? ' · Private' : ''}`, HeadingLevel.HEADING_3),
  ];
  if (documentTitle !== undefined) blocks.push(para(documentTitle, { italics: true }));
  blocks.push(quoteParagraph({ exact: row.quote_exact, prefix: row.quote_prefix, suffix: row.quote_suffix }));
  blocks.push(para(`${row.author_name}, ${day(row.created_at)} · code points ${row.start_offset}–${row.end_offset}`));
  if (row.note !== null && row.note.trim() !== '') blocks.push(new Paragraph({ children: [new TextRun({ text: 'Note: ', bold: true }), ...runs(row.note)] }));
  if (comments.length > 0) {
    blocks.push(para('Comments and decisions:', { bold: true }));
    for (const comment of comments) blocks.push(new Paragraph({ bullet: { level: 0 }, children: runs(`${comment.author.name}, ${day(comment.created)}: ${comment.body}`) }));
  }
  return blocks;
}

function cell(children: Paragraph[]): TableCell {
  return new TableCell({ children, width: { size: 50, type: WidthType.PERCENTAGE } });
}

function table(rows: Paragraph[][][]): Table {
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: rows.map((cells) => new TableRow({ children: cells.map(cell) })) });
}

function documentBlocks(index: number, document: ExportDocumentRow): Block[] {
  const counts = `${document.counts.total}: ${tagCounts(document.counts)}${document.counts.detached > 0 ? ` (${document.counts.detached} detached, see the appendix)` : ''}`;
  return [
    heading(`${index}. ${document.title}`, HeadingLevel.HEADING_2),
    table([
      [[para('Source', { bold: true })], [para(document.source)]],
      [[para('Revision', { bold: true })], [para(`${document.revisionNumber}, ${day(document.revisionCreated)}`)]],
      [[para('Annotations', { bold: true })], [para(counts)]],
    ]),
  ];
}

function passageParagraphs(passage: Link['annotations'][number]): Paragraph[] {
  const title = para(`${passage.documentTitle} (${TAG_LABEL[passage.tag]}, ${passage.author.name})`, { bold: true });
  if (passage.deleted) return [title, para('(annotation deleted)', { italics: true })];
  if (passage.quote.exact === '') return [title, para('(a private annotation, not exported)', { italics: true })];
  return [title, quoteParagraph(passage.quote)];
}

function contradictionBlocks(index: number, link: Link): Block[] {
  const blocks: Block[] = [
    heading(`C${index}. ${SEVERITY_LABEL[link.severity ?? 'low']} severity · ${FLAG_STATUS_LABEL[link.status ?? 'open']}`, HeadingLevel.HEADING_3),
    table([link.annotations.map((_p, i) => [para(`Passage ${i + 1}`, { bold: true })]), link.annotations.map(passageParagraphs)]),
    new Paragraph({ children: [new TextRun({ text: 'Rationale: ', bold: true }), ...runs(link.rationale)] }),
    para(
      `Raised by ${link.raisedBy.name}, ${day(link.created)}${link.assignee ? ` · assigned to ${link.assignee.name}` : ''} · status ${FLAG_STATUS_LABEL[link.status ?? 'open']}, ${day(link.modified)}`,
    ),
  ];
  if (link.resolution !== null) blocks.push(new Paragraph({ children: [new TextRun({ text: 'Resolution: ', bold: true }), ...runs(link.resolution)] }));
  return blocks;
}

export async function buildDocxMemo(reader: ExportReader, exportedAt: Date, exportedBy: string): Promise<Buffer> {
  const scope = reader.scope;
  const documents = await reader.documents();
  const authorName = scope.filters.author ? await reader.authorName(scope.filters.author) : null;
  const filters = describeFilters(scope.filters, authorName);
  const total = documents.reduce((sum, d) => sum + d.counts.total, 0);
  const title = scope.singleDocument && documents[0] ? documents[0].title : scope.workspaceName;
  const blocks: Block[] = [
    heading(`Review memo: ${title}`, HeadingLevel.TITLE),
    para(
      `Workspace ${scope.workspaceName} · ${documents.length} ${documents.length === 1 ? 'document' : 'documents'} · ${total} ${total === 1 ? 'annotation' : 'annotations'} · exported ${minute(exportedAt)} by ${exportedBy}`,
    ),
    para(
      `Filters: ${filters.length > 0 ? filters.join('; ') : 'none'}. Private notes: ${scope.filters.includePrivate === 'own' ? 'the exporter\u2019s own are included' : 'not included'}. ${POSITION_UNIT_NOTE}`,
    ),
  ];
  let index = 0;
  for (const document of documents) {
    index++;
    blocks.push(...documentBlocks(index, document));
    let n = 0;
    for await (const page of reader.annotationPages(document.id, 'anchored')) {
      const comments = await reader.annotationComments(page.map((row) => row.id));
      for (const row of page) blocks.push(...annotationBlocks(`${index}.${++n}`, row, comments.get(row.id) ?? []));
    }
    if (n === 0) blocks.push(para('No anchored annotations.', { italics: true }));
  }
  blocks.push(heading('Contradictions', HeadingLevel.HEADING_2));
  let c = 0;
  for await (const page of reader.linkPages(true)) for (const link of page) blocks.push(...contradictionBlocks(++c, link));
  if (c === 0) blocks.push(para('No contradictions flagged.', { italics: true }));
  blocks.push(heading('Appendix: detached annotations', HeadingLevel.HEADING_2), para(DETACHED_NOTE));
  let a = 0;
  for (const document of documents) {
    if (document.counts.detached === 0) continue;
    for await (const page of reader.annotationPages(document.id, 'detached')) {
      const comments = await reader.annotationComments(page.map((row) => row.id));
      for (const row of page) blocks.push(...annotationBlocks(`A${++a}`, row, comments.get(row.id) ?? [], document.title));
    }
  }
  if (a === 0) blocks.push(para('None.', { italics: true }));
  const doc = new Document({ creator: 'Glossa', title: `Review memo: ${clean(title)}`, sections: [{ children: blocks }] });
  return Packer.toBuffer(doc);
}
