// Whitelists what a client may see of a document; entities never leave the API.
import type { DocumentDetail, DocumentFormat, DocumentLanguage, DocumentSummary } from '@glossa/contracts';
import type { DocumentEntity } from '../document.entity';
import type { RevisionEntity } from '../revision.entity';

export interface DocumentSummaryRow {
  id: string;
  title: string;
  language: DocumentLanguage;
  format: DocumentFormat;
  textLength: number;
  createdAt: Date;
}

export function presentDocumentSummary(row: DocumentSummaryRow): DocumentSummary {
  return {
    id: row.id,
    title: row.title,
    language: row.language,
    format: row.format,
    length: row.textLength,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentDocumentDetail(document: DocumentEntity, revision: RevisionEntity): DocumentDetail {
  return {
    ...presentDocumentSummary({ ...document, format: revision.format, textLength: revision.textLength }),
    workspaceId: document.workspaceId,
    revision: {
      id: revision.id,
      number: revision.number,
      createdAt: revision.createdAt.toISOString(),
      doc: revision.doc,
      textLength: revision.textLength,
      offsetUnit: 'codepoint',
    },
  };
}
