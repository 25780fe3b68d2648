// format=csv: one row per annotation under documented, stable columns (docs/EXPORTS.md), RFC 4180
// with CRLF, UTF-8 with a BOM so spreadsheet programs read Chinese correctly; every text cell is
// neutralized against formula injection. Streams page by page.
import { stringify } from 'csv-stringify/sync';
import type { ExportReader, ExportAnnotationRow } from '../queries/export-reader';
import { neutralizeCell } from '../presenters/spreadsheet-cell';

/** The columns, in order; changing them is a breaking change of the export format. */
export const CSV_COLUMNS = [
  'annotation_id',
  'document_id',
  'document_title',
  'revision_id',
  'quote',
  'prefix',
  'suffix',
  'tag',
  'note',
  'author_id',
  'author_name',
  'visibility',
  'status',
  'anchor_status',
  'start',
  'end',
  'created',
  'updated',
  'flag_ids',
] as const;

// Quote any field holding a line break too (RFC 4180 §2.6), not only the record delimiter.
const OPTIONS = { record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;

function csvRow(row: ExportAnnotationRow, title: string): Array<string | number> {
  const text = (value: string | null): string => neutralizeCell(value ?? '');
  return [
    row.id,
    row.document_id,
    text(title),
    row.revision_id,
    text(row.quote_exact),
    text(row.quote_prefix),
    text(row.quote_suffix),
    row.tag,
    text(row.note),
    row.author_id,
    text(row.author_name),
    row.visibility,
    row.status,
    row.anchor_status,
    row.start_offset,
    row.end_offset,
    row.created_at.toISOString(),
    row.modified_at.toISOString(),
    row.flag_ids.join(' '),
  ];
}

export async function* writeCsv(reader: ExportReader): AsyncGenerator<string> {
  yield stringify([[...CSV_COLUMNS]], { ...OPTIONS, bom: true });
  for (const document of await reader.documents()) {
    for await (const page of reader.annotationPages(document.id)) {
      yield stringify(
        page.map((row) => csvRow(row, document.title)),
        OPTIONS,
      );
    }
  }
}
