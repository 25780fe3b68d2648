// Soft-deletes many annotations of one document in one transaction: all of them or none, one
// annotation.deleted event each (the audit trail and live updates see what a single delete
// shows). Annotations already deleted are left as they are, so a retry after a lost answer
// deletes nothing twice.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BulkAnnotationsBody, BulkAnnotationsResult } from '@glossa/contracts';
import { lockBulkItems, setDeleted, type BulkCaller } from './bulk-items';

@Injectable()
export class BulkDeleteAnnotations {
  constructor(private readonly dataSource: DataSource) {}

  run(documentId: string, caller: BulkCaller, body: BulkAnnotationsBody): Promise<BulkAnnotationsResult> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await lockBulkItems(manager, documentId, caller, body.items, true);
      const live = rows.filter((row) => !row.deleted);
      const versions = new Map(rows.map((row) => [row.id, row.version]));
      if (live.length > 0) await setDeleted(manager, live, true, caller.userId, versions);
      return { items: rows.map((row) => ({ id: row.id, version: versions.get(row.id)! })), changed: live.length };
    });
  }
}
