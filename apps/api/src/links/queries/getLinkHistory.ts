// A link's audit trail from the event log: who raised it, and who moved the flag where and why.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { LinkEventType, LinkHistory } from '@glossa/contracts';

interface Row {
  seq: string;
  type: LinkEventType;
  actor_id: string | null;
  actor_name: string | null;
  created_at: Date;
  payload: Record<string, unknown> & { changes?: Record<string, unknown> };
}

/** What a transition event may show; its version counter stays internal. */
const TRANSITION_FIELDS = ['action', 'from', 'to', 'note', 'assigneeId'] as const;

function changesOf(row: Row): Record<string, unknown> {
  if (row.type === 'link.created') return row.payload.changes ?? {};
  return Object.fromEntries(TRANSITION_FIELDS.filter((k) => row.payload[k] !== undefined).map((k) => [k, row.payload[k]]));
}

@Injectable()
export class GetLinkHistory {
  constructor(private readonly dataSource: DataSource) {}

  /** The caller must already have been allowed to read the link. */
  async run(linkId: string): Promise<LinkHistory> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT e.seq, e.type, e.actor_id, u.name AS actor_name, e.created_at, e.payload
         FROM event e LEFT JOIN app_user u ON u.id = e.actor_id
        WHERE e.subject_id = $1 AND e.type IN ('link.created', 'link.transitioned')
        ORDER BY e.seq`,
      [linkId],
    );
    return {
      items: rows.map((row) => ({
        seq: Number(row.seq),
        type: row.type,
        actor: row.actor_id !== null && row.actor_name !== null ? { id: row.actor_id, name: row.actor_name } : null,
        at: row.created_at.toISOString(),
        changes: changesOf(row),
      })),
    };
  }
}
