// The checks a bulk delete or restore makes before changing anything, under row locks: every
// item is an annotation of the document the caller may see (else 404), may delete (else 403),
// and — unless it is already in the asked-for state — still has the version the caller read
// (else 412). Each refusal names the items at fault, and nothing changes. Then the change
// itself, one event per annotation.
import type { EntityManager } from 'typeorm';
import { ErrorCode, type BulkAnnotationsBody, type FieldError, type Role } from '@glossa/contracts';
import { DomainError } from '../../common/domain-error';
import { returnedRows } from '../../database/returning';
import { EventType } from '../../events/event-types';
import { recordEvents } from '../../events/record-event';
import { annotationAbilities, canSeeAnnotation } from '../../policies/annotation-policy';

export interface LockedAnnotation {
  id: string;
  workspace_id: string;
  document_id: string;
  revision_id: string;
  author_id: string;
  visibility: 'shared' | 'private';
  version: number;
  deleted: boolean;
}

export interface BulkCaller {
  userId: string;
  role: Role;
}

/**
 * Locks the named annotations (in id order, so two bulk requests never deadlock) and returns
 * them in the order named. `wantDeleted` is the state the request asks for.
 */
export async function lockBulkItems(manager: EntityManager, documentId: string, caller: BulkCaller, items: BulkAnnotationsBody['items'], wantDeleted: boolean): Promise<LockedAnnotation[]> {
  const rows = (await manager.query(
    `SELECT id, workspace_id, document_id, revision_id, author_id, visibility, version, deleted_at IS NOT NULL AS deleted
       FROM annotation WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
    [items.map((item) => item.id)],
  )) as LockedAnnotation[];
  const byId = new Map(rows.map((row) => [row.id, row]));

  const missing: FieldError[] = [];
  const refused: FieldError[] = [];
  const stale: FieldError[] = [];
  const found: LockedAnnotation[] = [];
  items.forEach((item, index) => {
    const row = byId.get(item.id);
    const ref = row && { authorId: row.author_id, visibility: row.visibility };
    if (!row || row.document_id !== documentId || !canSeeAnnotation(caller.role, caller.userId, ref!)) {
      missing.push({ path: `items.${index}.id`, message: 'no such annotation in this document' });
      return;
    }
    if (!annotationAbilities(caller.role, caller.userId, ref!).delete) {
      refused.push({ path: `items.${index}.id`, message: 'only its author or a workspace admin can delete or restore it' });
    } else if (row.deleted !== wantDeleted && row.version !== item.version) {
      stale.push({ path: `items.${index}.version`, message: `changed by someone else; now at version ${row.version}` });
    }
    found.push(row);
  });
  if (missing.length > 0) throw new DomainError(ErrorCode.NotFound, 'Some annotations were not found in this document; nothing changed', missing);
  if (refused.length > 0) throw new DomainError(ErrorCode.Forbidden, 'You may not change some of these annotations; nothing changed', refused);
  if (stale.length > 0) throw new DomainError(ErrorCode.PreconditionFailed, 'Some annotations were changed by someone else; reload and try again. Nothing changed', stale);
  return found;
}

/**
 * Deletes (or restores) `rows`, all of them in the opposite state, with one event each; `versions`
 * gets the version each has now.
 */
export async function setDeleted(manager: EntityManager, rows: readonly LockedAnnotation[], deleted: boolean, actorId: string, versions: Map<string, number>): Promise<void> {
  const updated = returnedRows<{ id: string; version: number }>(
    await manager.query(
      `UPDATE annotation SET deleted_at = ${deleted ? 'now()' : 'NULL'}, version = version + 1, modified_at = now()
        WHERE id = ANY($1::uuid[]) AND deleted_at IS ${deleted ? 'NULL' : 'NOT NULL'} RETURNING id, version`,
      [rows.map((row) => row.id)],
    ),
  );
  for (const row of updated) versions.set(row.id, row.version);
  await recordEvents(
    manager,
    rows.map((row) => ({
      type: deleted ? EventType.AnnotationDeleted : EventType.AnnotationRestored,
      workspaceId: row.workspace_id,
      documentId: row.document_id,
      subjectId: row.id,
      actorId,
      payload: { version: versions.get(row.id)!, changes: { deleted } },
    })),
  );
}
