// Changes a member's role within what the policy allows; announces it so live views can re-check.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Member, Role } from '@glossa/contracts';
import { enforce } from '../../common/domain-error';
import { EventType } from '../../events/event-types';
import { recordEvent } from '../../events/record-event';
import { decideRoleChange } from '../../policies/workspace-policy';
import { SessionRevocations } from '../../sessions/session-revocations';
import { lockMembership } from '../member-lock';
import { presentMember } from '../presenters/workspacePresenter';
import { WorkspaceAccess } from '../workspace-access';

@Injectable()
export class ChangeMemberRole {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: WorkspaceAccess,
    private readonly revocations: SessionRevocations,
  ) {}

  async run(actorId: string, workspaceId: string, targetId: string, role: Role): Promise<Member> {
    const { member, changed } = await this.dataSource.transaction(async (manager) => {
      const { actorRole, target, ownerCount } = await lockMembership(manager, this.access, workspaceId, actorId, targetId);
      enforce(decideRoleChange({ userId: actorId, role: actorRole }, { userId: targetId, role: target.role }, role, ownerCount));
      if (target.role === role) return { member: target, changed: false };
      await manager.query(`UPDATE membership SET role = $3 WHERE workspace_id = $1 AND user_id = $2`, [workspaceId, targetId, role]);
      await recordEvent(manager, {
        type: EventType.MemberRoleChanged,
        workspaceId,
        documentId: null,
        subjectId: targetId,
        actorId,
        payload: { from: target.role, to: role },
      });
      return { member: { ...target, role }, changed: true };
    });
    if (changed) this.revocations.emit({ kind: 'membership-changed', userId: targetId, workspaceId, role });
    return presentMember(member);
  }
}
