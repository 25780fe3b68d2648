// Workspaces and memberships: who belongs where with which role. Exports the access checks
// every other feature authorizes with.
import { Global, Module } from '@nestjs/common';
import { ChangeMemberRole } from './commands/changeMemberRole';
import { CreateWorkspace } from './commands/createWorkspace';
import { RemoveMember } from './commands/removeMember';
import { DefaultWorkspace } from './default-workspace';
import { ListMembers } from './queries/listMembers';
import { ListWorkspaces } from './queries/listWorkspaces';
import { WorkspaceAccess } from './workspace-access';
import { WorkspacesController } from './workspaces.controller';

@Global()
@Module({
  controllers: [WorkspacesController],
  providers: [DefaultWorkspace, WorkspaceAccess, ListWorkspaces, ListMembers, CreateWorkspace, ChangeMemberRole, RemoveMember],
  exports: [DefaultWorkspace, WorkspaceAccess, ListWorkspaces],
})
export class WorkspacesModule {}
