// A signed-in person joins the invite's workspace with its role; the workspace becomes current.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { insertMembership, setCurrentWorkspace } from '../../workspaces/membership-writes';
import { WorkspaceAccess } from '../../workspaces/workspace-access';
import { claimInvite, inviteTokenHash } from '../invite-tokens';

@Injectable()
export class AcceptInvite {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: WorkspaceAccess,
  ) {}

  async run(actorId: string, token: string): Promise<void> {
    const tokenHash = inviteTokenHash(token);
    if (tokenHash === null) throw DomainError.notFound('Invite');
    await this.dataSource.transaction(async (manager) => {
      const pending: Array<{ workspace_id: string }> = await manager.query(
        `SELECT workspace_id FROM invite WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()`,
        [tokenHash],
      );
      if (!pending[0]) throw DomainError.notFound('Invite');
      // A member following a stray link keeps their role and leaves the invite for its addressee.
      if ((await this.access.roleOf(actorId, pending[0].workspace_id, manager)) !== null) {
        throw DomainError.conflict('You are already a member of this workspace');
      }
      const claimed = await claimInvite(manager, token, actorId);
      if (!claimed) throw DomainError.notFound('Invite');
      await insertMembership(manager, claimed.workspaceId, actorId, claimed.role, { via: 'invite', inviteId: claimed.id });
      await setCurrentWorkspace(manager, actorId, claimed.workspaceId);
    });
  }
}
