// A document's committed events between two positions, for a client that re-subscribes after
// missing some: the document's own events and the link and comment events of its workspace
// (the caller keeps those that touch the document). Bounded by LIVE_REPLAY_LIMIT.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LIVE_REPLAY_LIMIT } from '@glossa/contracts';
import { EVENT_COLUMNS, LINK_EVENT_TYPES, type LiveEventRow } from '../event-row';
import type { Position } from '../live-cursor';

@Injectable()
export class ReplayDocumentEvents {
  constructor(private readonly dataSource: DataSource) {}

  /** The rows in (after, upTo], oldest first; null when there are more than the limit. */
  async run(workspaceId: string, documentId: string, after: Position, upTo: Position): Promise<LiveEventRow[] | null> {
    const rows: LiveEventRow[] = await this.dataSource.query(
      `SELECT ${EVENT_COLUMNS}
         FROM event e
        WHERE e.workspace_id = $1
          AND (e.txid, e.seq) > ($2::text::xid8, $3::bigint)
          AND (e.txid, e.seq) <= ($4::text::xid8, $5::bigint)
          AND (e.document_id = $6 OR (e.document_id IS NULL AND e.type = ANY($7::text[])))
        ORDER BY e.txid, e.seq
        LIMIT ${LIVE_REPLAY_LIMIT + 1}`,
      [workspaceId, after.txid.toString(), after.seq.toString(), upTo.txid.toString(), upTo.seq.toString(), documentId, LINK_EVENT_TYPES],
    );
    return rows.length > LIVE_REPLAY_LIMIT ? null : rows;
  }
}
