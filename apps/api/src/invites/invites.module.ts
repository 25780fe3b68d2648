// Invites: single-use links that bring a person into a workspace with a role.
import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AcceptInvite } from './commands/acceptInvite';
import { CreateInvite } from './commands/createInvite';
import { RevokeInvite } from './commands/revokeInvite';
import { InvitesController } from './invites.controller';
import { ListInvites } from './queries/listInvites';
import { PreviewInvite } from './queries/previewInvite';

@Module({
  imports: [AccountsModule],
  controllers: [InvitesController],
  providers: [CreateInvite, RevokeInvite, AcceptInvite, ListInvites, PreviewInvite],
})
export class InvitesModule {}
