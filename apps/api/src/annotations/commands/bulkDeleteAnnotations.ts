// Soft-deletes many annotations of one document in one transaction: all of them or none, one
// annotation.deleted event each (the audit trail and live updates see what a single delete
// shows). Annotations already deleted are left as they are, so a retry after a lost answer
// deletes nothing twice.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BulkAnnotationsBody, BulkAnnotationsResult } from '@glossa/contracts';
import { returnedRows } from '../../database/returning';
import { EventType } from '../../events/event-types';
import { recordEvents } from '../../events/record-event';
import { lockBulkItems, type BulkCaller } from './bulk-items';

@Injectable()
export class BulkDeleteAnnotations {
  constructor(private readonly dataSource: DataSource) {}

  run(documentId: string, caller: BulkCaller, body: BulkAnnotationsBody): Promise<BulkAnnotationsResult> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await lockBulkItems(manager, documentId, caller, body.items, true);
      const live = rows.filter((row) => !row.deleted);
      const versions = new Map(rows.map((row) => [row.id, row.version]));
      if (live.length > 0) {
        const updated = returnedRows<{ id: string; version: number }>(
          await manager.query(
            `UPDATE annotation SET deleted_at = now(), version = version + 1, modified_at = now()
              WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL RETURNING id, version`,
            [live.map((row) => row.id)],
          ),
        );
        for (const row of updated) versions.set(row.id, row.version);
        await recordEvents(
          manager,
          live.map((row) => ({
            type: EventType.AnnotationDeleted,
            workspaceId: row.workspace_id,
            documentId: row.document_id,
            subjectId: row.id,
            actorId: caller.userId,
            payload: { version: versions.get(row.id)!, changes: { deleted: true } },
          })),
        );
      }
      return { items: rows.map((row) => ({ id: row.id, version: versions.get(row.id)! })), changed: live.length };
    });
  }
}
