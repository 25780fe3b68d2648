// HTTP edge for export jobs: a person's jobs of the last day, one job's progress, its file once
// done, and cancel/remove. Someone else's job is "not found", as is the file of a workspace the
// person has left since.
import { Controller, Delete, Get, HttpCode, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Routes, type ExportJob, type ExportJobList } from '@glossa/contracts';
import { CurrentActor, type Actor } from '../auth/actor';
import { requireId } from '../common/domain-error';
import { WorkspaceAccess } from '../workspaces/workspace-access';
import { ExportJobs } from './export-jobs';
import { downloadHeaders } from './export-runner';

@Controller()
export class ExportJobsController {
  constructor(
    private readonly jobs: ExportJobs,
    private readonly workspaces: WorkspaceAccess,
  ) {}

  @Get(Routes.exportJobs)
  async list(@CurrentActor() actor: Actor): Promise<ExportJobList> {
    return { items: await this.jobs.list(actor.userId) };
  }

  @Get(Routes.exportJob)
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ExportJob> {
    return this.jobs.get(actor.userId, requireId(id, 'Export'));
  }

  @Delete(Routes.exportJob)
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    await this.jobs.remove(actor.userId, requireId(id, 'Export'));
  }

  @Get(Routes.exportJobFile)
  async file(@CurrentActor() actor: Actor, @Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    const { job, body } = await this.jobs.file(actor.userId, requireId(id, 'Export'), async (workspaceId) => (await this.workspaces.roleOf(actor.userId, workspaceId)) !== null);
    void reply
      .status(200)
      .headers(downloadHeaders({ contentType: job.content_type, disposition: job.disposition, count: job.total }))
      .header('content-length', job.bytes)
      .send(body);
  }
}
