// An annotation's history from the event log: who did what, when, and which fields changed.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AnnotationEventType, AnnotationHistory } from '@glossa/contracts';

interface Row {
  seq: string;
  type: AnnotationEventType;
  actor_id: string | null;
  actor_name: string | null;
  created_at: Date;
  payload: { changes?: Record<string, unknown> };
}

@Injectable()
export class GetAnnotationHistory {
  constructor(private readonly dataSource: DataSource) {}

  async run(annotationId: string): Promise<AnnotationHistory> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT e.seq, e.type, e.actor_id, u.name AS actor_name, e.created_at, e.payload
         FROM event e LEFT JOIN app_user u ON u.id = e.actor_id
        WHERE e.subject_id = $1 AND e.type LIKE 'annotation.%'
        ORDER BY e.seq`,
      [annotationId],
    );
    return {
      items: rows.map((row) => ({
        seq: Number(row.seq),
        type: row.type,
        actor: row.actor_id !== null && row.actor_name !== null ? { id: row.actor_id, name: row.actor_name } : null,
        at: row.created_at.toISOString(),
        changes: row.payload.changes ?? {},
      })),
    };
  }
}
