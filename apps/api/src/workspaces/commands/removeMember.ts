// Removes a member (or lets one leave). Access ends at once: every request re-reads membership,
// and the revocation lets live connections drop the workspace too.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { enforce } from '../../common/domain-error';
import { EventType } from '../../events/event-types';
import { recordEvent } from '../../events/record-event';
import { decideRemoval } from '../../policies/workspace-policy';
import { SessionRevocations } from '../../sessions/session-revocations';
import { lockMembership } from '../member-lock';
import { WorkspaceAccess } from '../workspace-access';

@Injectable()
export class RemoveMember {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: WorkspaceAccess,
    private readonly revocations: SessionRevocations,
  ) {}

  async run(actorId: string, workspaceId: string, targetId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const { actorRole, target, ownerCount } = await lockMembership(manager, this.access, workspaceId, actorId, targetId);
      enforce(decideRemoval({ userId: actorId, role: actorRole }, { userId: targetId, role: target.role }, ownerCount));
      await manager.query(`DELETE FROM membership WHERE workspace_id = $1 AND user_id = $2`, [workspaceId, targetId]);
      await recordEvent(manager, {
        type: EventType.MemberRemoved,
        workspaceId,
        documentId: null,
        subjectId: targetId,
        actorId,
        payload: { role: target.role, left: actorId === targetId },
      });
    });
    this.revocations.emit({ kind: 'membership-ended', userId: targetId, workspaceId });
  }
}
