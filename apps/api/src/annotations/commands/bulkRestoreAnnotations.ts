// Undoes a bulk delete: restores many annotations of one document in one transaction, all or
// none, one annotation.restored event each. Deleted annotations sit out re-imports, so those
// restored after a re-import are re-anchored in the current revision at once (or detached).
// Annotations not deleted are left as they are, so a retry restores nothing twice.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BulkAnnotationsBody, BulkAnnotationsResult } from '@glossa/contracts';
import { lockBulkItems, setDeleted, type BulkCaller } from './bulk-items';
import { reanchorAnnotations } from './reanchorAnnotations';

@Injectable()
export class BulkRestoreAnnotations {
  constructor(private readonly dataSource: DataSource) {}

  run(documentId: string, caller: BulkCaller, body: BulkAnnotationsBody): Promise<BulkAnnotationsResult> {
    return this.dataSource.transaction(async (manager) => {
      // FOR SHARE first (as a single restore): a concurrent re-import either finishes before this or waits.
      const [revision] = (await manager.query(
        `SELECT r.id, r.text FROM document d JOIN document_revision r ON r.id = d.current_revision_id WHERE d.id = $1 FOR SHARE OF d`,
        [documentId],
      )) as Array<{ id: string; text: string }>;
      const rows = await lockBulkItems(manager, documentId, caller, body.items, false);
      const deleted = rows.filter((row) => row.deleted);
      const versions = new Map(rows.map((row) => [row.id, row.version]));
      if (deleted.length > 0) {
        await setDeleted(manager, deleted, false, caller.userId, versions);
        const stranded = deleted.filter((row) => revision && row.revision_id !== revision.id);
        if (revision && stranded.length > 0) {
          await reanchorAnnotations(manager, {
            workspaceId: stranded[0]!.workspace_id,
            documentId,
            revision,
            actorId: caller.userId,
            annotationIds: stranded.map((row) => row.id),
          });
          // Re-anchoring writes the rows again; answer the versions they have now.
          const now = (await manager.query(`SELECT id, version FROM annotation WHERE id = ANY($1::uuid[])`, [stranded.map((row) => row.id)])) as Array<{ id: string; version: number }>;
          for (const row of now) versions.set(row.id, row.version);
        }
      }
      return { items: rows.map((row) => ({ id: row.id, version: versions.get(row.id)! })), changed: deleted.length };
    });
  }
}
