// Personal API tokens: created, listed and revoked by their owner (authentication is in AuthModule).
import { Module } from '@nestjs/common';
import { CreateToken } from './commands/createToken';
import { RevokeToken } from './commands/revokeToken';
import { ListTokens } from './queries/listTokens';
import { TokensController } from './tokens.controller';

@Module({
  controllers: [TokensController],
  providers: [CreateToken, ListTokens, RevokeToken],
})
export class TokensModule {}
