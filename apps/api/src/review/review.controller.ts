// HTTP edge for review: the queue, submitting an annotation, and deciding a submitted one.
import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Action, AnnotationDecisionBody, ReviewQueueQuery, Routes, type Annotation, type ReviewQueue } from '@glossa/contracts';
import { AnnotationAccess } from '../annotations/annotation-access';
import { annotationEtag, presentAnnotation } from '../annotations/presenters/annotationPresenter';
import { CurrentActor, type Actor } from '../auth/actor';
import { DomainError, parseInput, requireId } from '../common/domain-error';
import { requiredVersion } from '../http/if-match';
import { annotationAbilities } from '../policies/annotation-policy';
import { can } from '../policies/workspace-policy';
import { WorkspaceAccess } from '../workspaces/workspace-access';
import { DecideAnnotation } from './commands/decideAnnotation';
import { SubmitAnnotation } from './commands/submitAnnotation';
import { GetReviewQueue } from './queries/getReviewQueue';

@Controller()
export class ReviewController {
  constructor(
    private readonly workspaces: WorkspaceAccess,
    private readonly annotations: AnnotationAccess,
    private readonly queue: GetReviewQueue,
    private readonly submitAnnotation: SubmitAnnotation,
    private readonly decideAnnotation: DecideAnnotation,
  ) {}

  private async respond(actor: Actor, annotationId: string, reply: FastifyReply): Promise<Annotation> {
    const { row, role } = await this.annotations.load(actor.userId, annotationId);
    void reply.header('etag', annotationEtag(row.version));
    return presentAnnotation(row, { userId: actor.userId, role });
  }

  @Get(Routes.reviewQueue)
  async list(@CurrentActor() actor: Actor, @Query() query: unknown): Promise<ReviewQueue> {
    const input = parseInput(ReviewQueueQuery, query);
    // Someone else's workspace (or none at all) is "not found", never "forbidden".
    const access = await this.workspaces.membership(actor.userId, input.workspaceId);
    if (access === null || !can(access.role, Action.ReadDocuments)) throw DomainError.notFound('Workspace');
    return this.queue.run(access.workspaceId, { userId: actor.userId, role: access.role }, input);
  }

  @Post(Routes.annotationSubmit)
  @HttpCode(200)
  async submit(@CurrentActor() actor: Actor, @Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Annotation> {
    const annotationId = requireId(id, 'Annotation');
    const { row, role } = await this.annotations.load(actor.userId, annotationId);
    if (!annotationAbilities(role, actor.userId, { authorId: row.author_id, visibility: row.visibility }).edit) {
      throw DomainError.forbidden('Only the author can submit this annotation');
    }
    await this.submitAnnotation.run(row, actor.userId);
    return this.respond(actor, annotationId, reply);
  }

  @Post(Routes.annotationDecision)
  @HttpCode(200)
  async decide(@CurrentActor() actor: Actor, @Param('id') id: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<Annotation> {
    const annotationId = requireId(id, 'Annotation');
    const { row, role } = await this.annotations.load(actor.userId, annotationId);
    const body = parseInput(AnnotationDecisionBody, request.body);
    if (!can(role, Action.Review)) throw DomainError.forbidden('Your role cannot review annotations');
    if (row.author_id === actor.userId) throw DomainError.forbidden('Someone else reviews your annotation');
    const expectedVersion = requiredVersion(request.headers['if-match']);
    await this.decideAnnotation.run(row, actor.userId, expectedVersion, body);
    return this.respond(actor, annotationId, reply);
  }
}
