// HTTP edge for invites: managing a workspace's invites, previewing a link, accepting one.
import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CreateInviteBody, Routes, type CreatedInvite, type InviteList, type InvitePreview, type Me } from '@glossa/contracts';
import { GetMe } from '../accounts/queries/getMe';
import { CurrentActor, Public, type Actor } from '../auth/actor';
import { parseInput, requireId } from '../common/domain-error';
import { AcceptInvite } from './commands/acceptInvite';
import { CreateInvite } from './commands/createInvite';
import { RevokeInvite } from './commands/revokeInvite';
import { ListInvites } from './queries/listInvites';
import { PreviewInvite } from './queries/previewInvite';

@Controller()
export class InvitesController {
  constructor(
    private readonly createInvite: CreateInvite,
    private readonly listInvites: ListInvites,
    private readonly revokeInvite: RevokeInvite,
    private readonly previewInvite: PreviewInvite,
    private readonly acceptInvite: AcceptInvite,
    private readonly getMe: GetMe,
  ) {}

  @Post(Routes.invites)
  @HttpCode(201)
  create(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown): Promise<CreatedInvite> {
    const workspaceId = requireId(id, 'Workspace');
    return this.createInvite.run(actor.userId, workspaceId, parseInput(CreateInviteBody, body));
  }

  @Get(Routes.invites)
  list(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<InviteList> {
    return this.listInvites.run(actor.userId, requireId(id, 'Workspace'));
  }

  @Delete(Routes.invite)
  @HttpCode(204)
  async revoke(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('inviteId') inviteId: string): Promise<void> {
    await this.revokeInvite.run(actor.userId, requireId(id, 'Workspace'), requireId(inviteId, 'Invite'));
  }

  @Public()
  @Get(Routes.invitePreview)
  preview(@Param('token') token: string): Promise<InvitePreview> {
    return this.previewInvite.run(token);
  }

  @Post(Routes.inviteAccept)
  @HttpCode(200)
  async accept(@CurrentActor() actor: Actor, @Param('token') token: string): Promise<Me> {
    await this.acceptInvite.run(actor.userId, token);
    return this.getMe.run(actor.userId);
  }
}
