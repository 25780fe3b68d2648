// Mints a personal API token for the caller: `glossa_pat_` + 32 random bytes, stored as SHA-256.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { API_TOKEN_PREFIX, type CreatedToken, type CreateTokenBody } from '@glossa/contracts';
import { randomSecret, sha256Hex } from '../../common/secrets';
import { presentCreatedToken, type TokenRow } from '../presenters/tokenPresenter';

@Injectable()
export class CreateToken {
  constructor(private readonly dataSource: DataSource) {}

  async run(userId: string, input: CreateTokenBody): Promise<CreatedToken> {
    const token = `${API_TOKEN_PREFIX}${randomSecret()}`;
    const rows: TokenRow[] = await this.dataSource.query(
      `INSERT INTO api_token (user_id, name, token_hash) VALUES ($1, $2, $3) RETURNING id, name, created_at, last_used_at`,
      [userId, input.name, sha256Hex(token)],
    );
    return presentCreatedToken(rows[0]!, token);
  }
}
