// HTTP edge for the signed-in person: who they are, their workspaces, switching the current one.
import { Body, Controller, Get, Patch } from '@nestjs/common';
import { Routes, UpdateMeBody, type Me } from '@glossa/contracts';
import { CurrentActor, type Actor } from '../auth/actor';
import { parseInput } from '../common/domain-error';
import { SwitchWorkspace } from './commands/switchWorkspace';
import { GetMe } from './queries/getMe';

@Controller()
export class MeController {
  constructor(
    private readonly getMe: GetMe,
    private readonly switchWorkspace: SwitchWorkspace,
  ) {}

  @Get(Routes.me)
  me(@CurrentActor() actor: Actor): Promise<Me> {
    return this.getMe.run(actor.userId);
  }

  @Patch(Routes.me)
  async update(@CurrentActor() actor: Actor, @Body() body: unknown): Promise<Me> {
    const input = parseInput(UpdateMeBody, body);
    await this.switchWorkspace.run(actor.userId, input.currentWorkspaceId);
    return this.getMe.run(actor.userId);
  }
}
