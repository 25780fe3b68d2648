// Moves a contradiction flag through the review state machine at the version the caller last
// read; writes link.transitioned (who, from, to, note) and notifies the raiser of a decision,
// all in one transaction.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Action, type FlagAction, type FlagStatus, type Role, type TransitionBody } from '@glossa/contracts';
import { DomainError } from '../../common/domain-error';
import { notify } from '../../comments/notify';
import { returnedRows } from '../../database/returning';
import { EventType } from '../../events/event-types';
import { recordEvent } from '../../events/record-event';
import { can } from '../../policies/workspace-policy';
import { decideTransition } from '../../review/flag-state-machine';
import { WorkspaceAccess } from '../../workspaces/workspace-access';

export interface TransitionFlagInput {
  linkId: string;
  actorId: string;
  expectedVersion: number;
  body: TransitionBody;
}

/** Decisions the raiser hears about. */
const NOTIFIED: ReadonlySet<FlagAction> = new Set<FlagAction>(['confirm', 'dismiss', 'resolve', 'reopen']);

@Injectable()
export class TransitionFlag {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workspaces: WorkspaceAccess,
  ) {}

  async run({ linkId, actorId, expectedVersion, body }: TransitionFlagInput): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [link] = (await manager.query(`SELECT id, workspace_id, type, status, raised_by, assignee_id, version FROM link WHERE id = $1 FOR UPDATE`, [linkId])) as Array<{
        id: string;
        workspace_id: string;
        type: string;
        status: FlagStatus | null;
        raised_by: string;
        assignee_id: string | null;
        version: number;
      }>;
      if (!link) throw DomainError.notFound('Link');
      const role = await this.workspaces.roleOf(actorId, link.workspace_id, manager);
      if (!can(role, Action.ReadDocuments)) throw DomainError.notFound('Link');
      if (link.status === null) throw DomainError.illegalTransition(`A ${link.type} link has no review state`, []);
      const outcome = decideTransition({ role, userId: actorId }, { status: link.status, raisedBy: link.raised_by }, body.action);
      if (!outcome.ok && outcome.reason === 'forbidden') throw DomainError.forbidden(outcome.message);
      // A stale read first: the state the caller saw may be why the action looks illegal.
      if (link.version !== expectedVersion) throw DomainError.preconditionFailed(link.version);
      if (!outcome.ok) throw DomainError.illegalTransition(outcome.message, outcome.reason === 'conflict' ? outcome.allowed : []);

      let assigneeId = link.assignee_id;
      let resolution: string | null | undefined;
      if (body.action === 'assign') {
        assigneeId = body.assigneeId!.toLowerCase();
        const assigneeRole: Role | null = await this.workspaces.roleOf(assigneeId, link.workspace_id, manager);
        if (!can(assigneeRole, Action.Review)) throw DomainError.invalidField('assigneeId', 'the assignee must be a member who can review');
        if (assigneeId === link.raised_by) throw DomainError.invalidField('assigneeId', 'the raiser of a flag cannot be its reviewer');
      }
      if (body.action === 'resolve') resolution = body.note!;
      if (body.action === 'reopen') {
        assigneeId = null;
        resolution = null;
      }
      const [{ version }] = returnedRows<{ version: number }>(await manager.query(
        `UPDATE link SET status = $2, assignee_id = $3, resolution = CASE WHEN $4::boolean THEN $5 ELSE resolution END,
                version = version + 1, modified_at = now()
          WHERE id = $1 RETURNING version`,
        [link.id, outcome.to, assigneeId, resolution !== undefined, resolution ?? null],
      ));
      await recordEvent(manager, {
        type: EventType.LinkTransitioned,
        workspaceId: link.workspace_id,
        documentId: null,
        subjectId: link.id,
        actorId,
        payload: { version, action: body.action, from: link.status, to: outcome.to, note: body.note ?? null, assigneeId: body.action === 'assign' ? assigneeId : undefined },
      });
      if (NOTIFIED.has(body.action)) await notify(manager, { userIds: [link.raised_by], workspaceId: link.workspace_id, type: 'decision', actorId, linkId: link.id });
    });
  }
}
