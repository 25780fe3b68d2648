// Creates an annotation on the current revision of a document, with its annotation.created
// event in the same transaction. With an Idempotency-Key, a retry of the same body by the same
// person returns the first annotation; the ledger's primary key makes concurrent retries collide,
// so exactly one is written and the losers read the winner's result.
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CreateAnnotationBody } from '@glossa/contracts';
import { isUniqueViolation } from '../../common/unique-violation';
import { EventType } from '../../events/event-types';
import { recordEvent } from '../../events/record-event';
import { replayIdempotent, type IdempotencyLedger } from '../../common/idempotency-ledger';
import { resolveTarget } from '../resolve-target';

const ANNOTATION_LEDGER: IdempotencyLedger = { table: 'annotation_idempotency', subjectColumn: 'annotation_id', noun: 'annotation' };

export interface CreateAnnotationInput {
  workspaceId: string;
  documentId: string;
  actorId: string;
  body: CreateAnnotationBody;
  idempotencyKey?: string;
}

const IDEMPOTENCY_PKEY = 'annotation_idempotency_pkey';

/** JSON with object keys sorted, so equal bodies hash equally whatever order they were sent in. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

@Injectable()
export class CreateAnnotation {
  constructor(private readonly dataSource: DataSource) {}

  /** The id of the created (or, for a replayed key, the earlier) annotation. */
  async run(input: CreateAnnotationInput): Promise<string> {
    const key = input.idempotencyKey;
    const requestSha256 = createHash('sha256').update(stableJson({ documentId: input.documentId, body: input.body })).digest('hex');
    if (key !== undefined) {
      const earlier = await this.replay(input.actorId, key, requestSha256);
      if (earlier) return earlier;
    }
    try {
      return await this.dataSource.transaction((manager) => this.insert(manager, input, requestSha256));
    } catch (error) {
      if (key === undefined || !isUniqueViolation(error, IDEMPOTENCY_PKEY)) throw error;
      // A concurrent request with the same key committed first.
      const earlier = await this.replay(input.actorId, key, requestSha256);
      if (!earlier) throw error;
      return earlier;
    }
  }

  private replay(userId: string, key: string, requestSha256: string): Promise<string | null> {
    return replayIdempotent(this.dataSource, ANNOTATION_LEDGER, userId, key, requestSha256);
  }


  private async insert(manager: EntityManager, input: CreateAnnotationInput, requestSha256: string): Promise<string> {
    const { body } = input;
    const target = await resolveTarget(manager, input.documentId, body.target);
    const note = body.note ?? null;
    const [{ id }] = (await manager.query(
      `INSERT INTO annotation (workspace_id, document_id, revision_id, author_id, tag, note, visibility,
                               start_offset, end_offset, quote_exact, quote_prefix, quote_suffix)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        input.workspaceId,
        input.documentId,
        target.revisionId,
        input.actorId,
        body.tag,
        note,
        body.visibility,
        target.position.start,
        target.position.end,
        target.quote.exact,
        target.quote.prefix ?? '',
        target.quote.suffix ?? '',
      ],
    )) as Array<{ id: string }>;
    if (input.idempotencyKey !== undefined) {
      await manager.query(`INSERT INTO annotation_idempotency (user_id, key, request_sha256, annotation_id) VALUES ($1, $2, $3, $4)`, [
        input.actorId,
        input.idempotencyKey,
        requestSha256,
        id,
      ]);
    }
    await recordEvent(manager, {
      type: EventType.AnnotationCreated,
      workspaceId: input.workspaceId,
      documentId: input.documentId,
      subjectId: id,
      actorId: input.actorId,
      payload: {
        version: 1,
        changes: {
          tag: body.tag,
          note,
          visibility: body.visibility,
          target: { revisionId: target.revisionId, start: target.position.start, end: target.position.end, exact: target.quote.exact },
        },
      },
    });
    return id;
  }
}
