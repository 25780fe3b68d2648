// Revokes one of the caller's API tokens by deleting it; the next request with it gets 401.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { returnedRows } from '../../database/returning';
import { SessionRevocations } from '../../sessions/session-revocations';

@Injectable()
export class RevokeToken {
  constructor(
    private readonly dataSource: DataSource,
    private readonly revocations: SessionRevocations,
  ) {}

  async run(userId: string, tokenId: string): Promise<void> {
    const rows = returnedRows<{ id: string }>(await this.dataSource.query(`DELETE FROM api_token WHERE id = $1 AND user_id = $2 RETURNING id`, [tokenId, userId]));
    // Someone else's token is "not found", exactly like a missing one.
    if (!rows[0]) throw DomainError.notFound('Token');
    this.revocations.emit({ kind: 'token-revoked', userId, tokenId });
  }
}
