// Links two or more annotations of one workspace. A `contradicts` link is a flag and starts open.
// One link per type over one set of annotations: the unique index over (type, set hash) makes
// concurrent duplicates collide, so exactly one is written (G3); a retry with the same
// Idempotency-Key returns the first link instead of a conflict.
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Action, ErrorCode, type CreateLinkBody } from '@glossa/contracts';
import { DomainError } from '../../common/domain-error';
import { isUniqueViolation } from '../../common/unique-violation';
import { EventType } from '../../events/event-types';
import { recordEvent } from '../../events/record-event';
import { canSeeAnnotation } from '../../policies/annotation-policy';
import { can } from '../../policies/workspace-policy';
import { WorkspaceAccess } from '../../workspaces/workspace-access';
import { replayIdempotent, type IdempotencyLedger } from '../../common/idempotency-ledger';

const LINK_LEDGER: IdempotencyLedger = { table: 'link_idempotency', subjectColumn: 'link_id', noun: 'link' };

export interface CreateLinkInput {
  actorId: string;
  body: CreateLinkBody;
  idempotencyKey?: string;
}

const SET_UNIQUE = 'link_type_annotation_set';
const IDEMPOTENCY_PKEY = 'link_idempotency_pkey';
const DEFAULT_SEVERITY = 'medium';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Order-free identity of the linked annotations. */
export function annotationSetHash(ids: readonly string[]): string {
  return sha256([...ids].sort().join(','));
}

interface Member {
  id: string;
  workspace_id: string;
  document_id: string;
  author_id: string;
  visibility: 'shared' | 'private';
  deleted_at: Date | null;
}

@Injectable()
export class CreateLink {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workspaces: WorkspaceAccess,
  ) {}

  /** The id of the created (or, for a replayed key, the earlier) link. */
  async run(input: CreateLinkInput): Promise<string> {
    const { body, idempotencyKey: key } = input;
    const requestSha256 = sha256(JSON.stringify([body.type, [...body.annotationIds].sort(), body.rationale, body.severity ?? null]));
    if (key !== undefined) {
      const earlier = await this.replay(input.actorId, key, requestSha256);
      if (earlier) return earlier;
    }
    try {
      return await this.dataSource.transaction((manager) => this.insert(manager, input, requestSha256));
    } catch (error) {
      if (key !== undefined && (isUniqueViolation(error, IDEMPOTENCY_PKEY) || isUniqueViolation(error, SET_UNIQUE))) {
        // A concurrent request with the same key committed first.
        const earlier = await this.replay(input.actorId, key, requestSha256);
        if (earlier) return earlier;
      }
      if (isUniqueViolation(error, SET_UNIQUE)) throw DomainError.conflict(`A ${body.type} link over these annotations exists already`);
      throw error;
    }
  }

  private replay(userId: string, key: string, requestSha256: string): Promise<string | null> {
    return replayIdempotent(this.dataSource, LINK_LEDGER, userId, key, requestSha256);
  }


  /** Every annotation visible to the caller, live, and in one workspace, or 404 (B3). */
  private async members(manager: EntityManager, actorId: string, ids: readonly string[]): Promise<{ workspaceId: string; members: Member[] }> {
    // FOR SHARE: nobody deletes or moves them until the link is written.
    const rows: Member[] = await manager.query(
      `SELECT id, workspace_id, document_id, author_id, visibility, deleted_at FROM annotation WHERE id = ANY($1::uuid[]) FOR SHARE`,
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    const workspaceId = rows[0]?.workspace_id;
    const role = workspaceId === undefined ? null : await this.workspaces.roleOf(actorId, workspaceId, manager);
    for (const id of ids) {
      const row = byId.get(id);
      // One answer for missing, deleted, another workspace's and someone else's private annotation.
      if (!row || row.deleted_at !== null || row.workspace_id !== workspaceId || !canSeeAnnotation(role, actorId, { authorId: row.author_id, visibility: row.visibility })) {
        throw new DomainError(ErrorCode.NotFound, 'Annotation not found', [{ path: `annotationIds.${ids.indexOf(id)}`, message: 'no such annotation visible to you' }]);
      }
    }
    if (!can(role, Action.Annotate)) throw DomainError.forbidden('Your role in this workspace does not allow linking annotations');
    const privateIndex = ids.findIndex((id) => byId.get(id)!.visibility === 'private');
    if (privateIndex >= 0) {
      // A link is seen by the whole workspace; linking would publish a private passage.
      throw new DomainError(ErrorCode.UnprocessableContent, 'Share a private annotation before linking it', [
        { path: `annotationIds.${privateIndex}`, message: 'this annotation is private' },
      ]);
    }
    return { workspaceId: workspaceId!, members: ids.map((id) => byId.get(id)!) };
  }

  private async insert(manager: EntityManager, input: CreateLinkInput, requestSha256: string): Promise<string> {
    const { body, actorId } = input;
    const { workspaceId, members } = await this.members(manager, actorId, body.annotationIds);
    const flag = body.type === 'contradicts';
    const severity = flag ? (body.severity ?? DEFAULT_SEVERITY) : null;
    const [{ id }] = (await manager.query(
      `INSERT INTO link (workspace_id, type, status, severity, rationale, raised_by, annotation_set)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [workspaceId, body.type, flag ? 'open' : null, severity, body.rationale, actorId, annotationSetHash(body.annotationIds)],
    )) as Array<{ id: string }>;
    await manager.query(
      `INSERT INTO link_annotation (link_id, annotation_id, position)
       SELECT $1, annotation_id, position - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS t(annotation_id, position)`,
      [id, body.annotationIds],
    );
    if (input.idempotencyKey !== undefined) {
      await manager.query(`INSERT INTO link_idempotency (user_id, key, request_sha256, link_id) VALUES ($1, $2, $3, $4)`, [actorId, input.idempotencyKey, requestSha256, id]);
    }
    await recordEvent(manager, {
      type: EventType.LinkCreated,
      workspaceId,
      documentId: null,
      subjectId: id,
      actorId,
      payload: {
        version: 1,
        changes: {
          type: body.type,
          status: flag ? 'open' : null,
          severity,
          annotationIds: body.annotationIds,
          documentIds: [...new Set(members.map((m) => m.document_id))],
        },
      },
    });
    return id;
  }
}
