// Lists a workspace's documents newest first, with keyset (cursor) pagination so deep pages stay cheap.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ErrorCode, type DocumentPage, type ListDocumentsQuery } from '@glossa/contracts';
import { DomainError } from '../../common/domain-error';
import { presentDocumentSummary } from '../presenters/documentPresenter';

interface Cursor {
  createdAt: string;
  id: string;
}

// The cursor keeps PostgreSQL's microsecond timestamp as text: a JS Date would round
// it to milliseconds and skip or repeat rows at page edges.
function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');
}

function decodeCursor(raw: string): Cursor {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown[];
    if (typeof createdAt === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(createdAt)) && /^[0-9a-f-]{36}$/.test(id)) {
      return { createdAt, id };
    }
  } catch {
    // fall through to the field error
  }
  throw new DomainError(ErrorCode.ValidationFailed, 'Some fields are invalid', [{ path: 'cursor', message: 'cursor is not one this server issued' }]);
}

interface Row {
  id: string;
  title: string;
  language: 'zh-Hant' | 'zh-Hans' | 'en' | 'und';
  format: 'text' | 'markdown' | 'html';
  text_length: number;
  created_at: Date;
  created_at_exact: string;
}

@Injectable()
export class ListDocuments {
  constructor(private readonly dataSource: DataSource) {}

  async run(workspaceId: string, query: ListDocumentsQuery): Promise<DocumentPage> {
    const params: unknown[] = [workspaceId, query.limit + 1];
    let after = '';
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      params.push(cursor.createdAt, cursor.id);
      after = 'AND (d.created_at, d.id) < ($3::timestamptz, $4::uuid)';
    }
    const rows: Row[] = await this.dataSource.query(
      `SELECT d.id, d.title, d.language, r.format, r.text_length, d.created_at,
              to_json(d.created_at) #>> '{}' AS created_at_exact
         FROM document d
         JOIN document_revision r ON r.id = d.current_revision_id
        WHERE d.workspace_id = $1 ${after}
        ORDER BY d.created_at DESC, d.id DESC
        LIMIT $2`,
      params,
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => presentDocumentSummary({ ...r, textLength: r.text_length, createdAt: r.created_at })),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ createdAt: last.created_at_exact, id: last.id }) : null,
    };
  }
}
