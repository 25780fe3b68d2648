// HTTP edge for workspaces and their members: parse, call one use case, present.
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { CreateWorkspaceBody, Routes, UpdateMemberBody, type Member, type MemberList, type WorkspaceList, type WorkspaceSummary } from '@glossa/contracts';
import { CurrentActor, type Actor } from '../auth/actor';
import { parseInput, requireId } from '../common/domain-error';
import { ChangeMemberRole } from './commands/changeMemberRole';
import { CreateWorkspace } from './commands/createWorkspace';
import { RemoveMember } from './commands/removeMember';
import { ListMembers } from './queries/listMembers';
import { ListWorkspaces } from './queries/listWorkspaces';

@Controller()
export class WorkspacesController {
  constructor(
    private readonly listWorkspaces: ListWorkspaces,
    private readonly createWorkspace: CreateWorkspace,
    private readonly listMembers: ListMembers,
    private readonly changeMemberRole: ChangeMemberRole,
    private readonly removeMember: RemoveMember,
  ) {}

  @Get(Routes.workspaces)
  async list(@CurrentActor() actor: Actor): Promise<WorkspaceList> {
    return { items: await this.listWorkspaces.run(actor.userId) };
  }

  @Post(Routes.workspaces)
  @HttpCode(201)
  create(@CurrentActor() actor: Actor, @Body() body: unknown): Promise<WorkspaceSummary> {
    return this.createWorkspace.run(actor.userId, parseInput(CreateWorkspaceBody, body));
  }

  @Get(Routes.members)
  members(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<MemberList> {
    return this.listMembers.run(actor.userId, requireId(id, 'Workspace'));
  }

  @Patch(Routes.member)
  changeRole(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('userId') userId: string, @Body() body: unknown): Promise<Member> {
    const workspaceId = requireId(id, 'Workspace');
    const input = parseInput(UpdateMemberBody, body);
    return this.changeMemberRole.run(actor.userId, workspaceId, requireId(userId, 'Member'), input.role);
  }

  @Delete(Routes.member)
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('userId') userId: string): Promise<void> {
    await this.removeMember.run(actor.userId, requireId(id, 'Workspace'), requireId(userId, 'Member'));
  }
}
