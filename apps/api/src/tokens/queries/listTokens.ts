// The caller's API tokens, newest first, without their secrets.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TokenList } from '@glossa/contracts';
import { presentToken, type TokenRow } from '../presenters/tokenPresenter';

@Injectable()
export class ListTokens {
  constructor(private readonly dataSource: DataSource) {}

  async run(userId: string): Promise<TokenList> {
    const rows: TokenRow[] = await this.dataSource.query(
      `SELECT id, name, created_at, last_used_at FROM api_token WHERE user_id = $1 ORDER BY created_at DESC, id`,
      [userId],
    );
    return { items: rows.map(presentToken) };
  }
}
