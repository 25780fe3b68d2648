// HTTP edge for personal API tokens: create (secret shown once), list, revoke.
import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CreateTokenBody, Routes, type CreatedToken, type TokenList } from '@glossa/contracts';
import { CurrentActor, type Actor } from '../auth/actor';
import { parseInput, requireId } from '../common/domain-error';
import { CreateToken } from './commands/createToken';
import { RevokeToken } from './commands/revokeToken';
import { ListTokens } from './queries/listTokens';

@Controller()
export class TokensController {
  constructor(
    private readonly createToken: CreateToken,
    private readonly listTokens: ListTokens,
    private readonly revokeToken: RevokeToken,
  ) {}

  @Post(Routes.tokens)
  @HttpCode(201)
  create(@CurrentActor() actor: Actor, @Body() body: unknown): Promise<CreatedToken> {
    return this.createToken.run(actor.userId, parseInput(CreateTokenBody, body));
  }

  @Get(Routes.tokens)
  list(@CurrentActor() actor: Actor): Promise<TokenList> {
    return this.listTokens.run(actor.userId);
  }

  @Delete(Routes.token)
  @HttpCode(204)
  async revoke(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    await this.revokeToken.run(actor.userId, requireId(id, 'Token'));
  }
}
