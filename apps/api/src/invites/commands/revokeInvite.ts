// Revokes an invite that has not been used; its link stops working at once.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from '@glossa/contracts';
import { DomainError, enforce } from '../../common/domain-error';
import { EventType } from '../../events/event-types';
import { recordEvent } from '../../events/record-event';
import { decideInviteRevocation } from '../../policies/workspace-policy';
import { WorkspaceAccess } from '../../workspaces/workspace-access';

@Injectable()
export class RevokeInvite {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: WorkspaceAccess,
  ) {}

  async run(actorId: string, workspaceId: string, inviteId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const actorRole = await this.access.requireMember(actorId, workspaceId, manager);
      const rows: Array<{ role: Role }> = await manager.query(
        `SELECT role FROM invite WHERE id = $1 AND workspace_id = $2 AND used_at IS NULL FOR UPDATE`,
        [inviteId, workspaceId],
      );
      if (!rows[0]) throw DomainError.notFound('Invite');
      enforce(decideInviteRevocation(actorRole, rows[0].role));
      await manager.query(`DELETE FROM invite WHERE id = $1`, [inviteId]);
      await recordEvent(manager, { type: EventType.InviteRevoked, workspaceId, documentId: null, subjectId: inviteId, actorId, payload: { role: rows[0].role } });
    });
  }
}
