// What an invite link offers, for the page that opens it before anyone signs in.
// Used, expired and unknown tokens all answer the same "not found".
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { InvitePreview, Role } from '@glossa/contracts';
import { DomainError } from '../../common/domain-error';
import { inviteTokenHash } from '../invite-tokens';
import { presentInvitePreview } from '../presenters/invitePresenter';

@Injectable()
export class PreviewInvite {
  constructor(private readonly dataSource: DataSource) {}

  async run(token: string): Promise<InvitePreview> {
    const tokenHash = inviteTokenHash(token);
    if (tokenHash === null) throw DomainError.notFound('Invite');
    const rows: Array<{ workspace_name: string; role: Role; expires_at: Date }> = await this.dataSource.query(
      `SELECT w.name AS workspace_name, i.role, i.expires_at
         FROM invite i JOIN workspace w ON w.id = i.workspace_id
        WHERE i.token_hash = $1 AND i.used_at IS NULL AND i.expires_at > now()`,
      [tokenHash],
    );
    if (!rows[0]) throw DomainError.notFound('Invite');
    return presentInvitePreview(rows[0]);
  }
}
