// Creates a single-use invite with a role the inviter may grant; returns its token this once.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CreatedInvite, CreateInviteBody, Role } from '@glossa/contracts';
import { enforce } from '../../common/domain-error';
import { EventType } from '../../events/event-types';
import { recordEvent } from '../../events/record-event';
import { decideInvite } from '../../policies/workspace-policy';
import { WorkspaceAccess } from '../../workspaces/workspace-access';
import { mintInviteToken } from '../invite-tokens';
import { presentCreatedInvite } from '../presenters/invitePresenter';

@Injectable()
export class CreateInvite {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: WorkspaceAccess,
  ) {}

  async run(actorId: string, workspaceId: string, input: CreateInviteBody): Promise<CreatedInvite> {
    const { token, tokenHash } = mintInviteToken();
    return this.dataSource.transaction(async (manager) => {
      const actorRole = await this.access.requireMember(actorId, workspaceId, manager);
      enforce(decideInvite(actorRole, input.role));
      const rows: Array<{ id: string; role: Role; expires_at: Date }> = await manager.query(
        `INSERT INTO invite (workspace_id, token_hash, role, created_by, expires_at)
         VALUES ($1, $2, $3, $4, now() + make_interval(hours => $5))
         RETURNING id, role, expires_at`,
        [workspaceId, tokenHash, input.role, actorId, input.expiresInHours],
      );
      const invite = rows[0]!;
      await recordEvent(manager, { type: EventType.InviteCreated, workspaceId, documentId: null, subjectId: invite.id, actorId, payload: { role: invite.role } });
      return presentCreatedInvite(invite, token);
    });
  }
}
