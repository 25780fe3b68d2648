// HTTP edge for links: create, read (with ETag), review transitions (If-Match), an annotation's
// links, and the annotation search used to pick a counterpart passage.
import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  Action,
  CreateLinkBody,
  IDEMPOTENCY_KEY_HEADER,
  IdempotencyKey,
  Routes,
  SearchAnnotationsQuery,
  TransitionBody,
  type AnnotationSearchResult,
  type Link,
  type LinkHistory,
  type LinkList,
} from '@glossa/contracts';
import { AnnotationAccess } from '../annotations/annotation-access';
import { CurrentActor, type Actor } from '../auth/actor';
import { DomainError, parseInput, requireId } from '../common/domain-error';
import { requiredVersion } from '../http/if-match';
import { can } from '../policies/workspace-policy';
import { WorkspaceAccess } from '../workspaces/workspace-access';
import { CreateLink } from './commands/createLink';
import { TransitionFlag } from './commands/transitionFlag';
import { LinkAccess } from './link-access';
import { linkEtag, presentLink } from './presenters/linkPresenter';
import { GetLinkHistory } from './queries/getLinkHistory';
import { ListAnnotationLinks } from './queries/listAnnotationLinks';
import { SearchAnnotations } from './queries/searchAnnotations';

@Controller()
export class LinksController {
  constructor(
    private readonly links: LinkAccess,
    private readonly annotations: AnnotationAccess,
    private readonly workspaces: WorkspaceAccess,
    private readonly createLink: CreateLink,
    private readonly transitionFlag: TransitionFlag,
    private readonly annotationLinks: ListAnnotationLinks,
    private readonly searchAnnotations: SearchAnnotations,
    private readonly linkHistory: GetLinkHistory,
  ) {}

  private async respond(actor: Actor, linkId: string, reply: FastifyReply): Promise<Link> {
    const { row, role } = await this.links.load(actor.userId, linkId);
    void reply.header('etag', linkEtag(row.version));
    return presentLink(row, { userId: actor.userId, role });
  }

  @Post(Routes.links)
  @HttpCode(201)
  async create(@CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<Link> {
    const body = parseInput(CreateLinkBody, request.body);
    const rawKey = request.headers[IDEMPOTENCY_KEY_HEADER];
    const keyResult = rawKey === undefined ? undefined : IdempotencyKey.safeParse(rawKey);
    if (keyResult && !keyResult.success) throw DomainError.invalidField('Idempotency-Key', keyResult.error.issues[0]?.message ?? 'invalid');
    const linkId = await this.createLink.run({ actorId: actor.userId, body, idempotencyKey: keyResult?.data });
    return this.respond(actor, linkId, reply);
  }

  @Get(Routes.link)
  async get(@CurrentActor() actor: Actor, @Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Link> {
    return this.respond(actor, requireId(id, 'Link'), reply);
  }

  @Get(Routes.linkHistory)
  async history(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<LinkHistory> {
    const linkId = requireId(id, 'Link');
    await this.links.load(actor.userId, linkId);
    return this.linkHistory.run(linkId);
  }

  @Post(Routes.linkTransitions)
  @HttpCode(200)
  async transition(@CurrentActor() actor: Actor, @Param('id') id: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<Link> {
    const linkId = requireId(id, 'Link');
    // Who may see it first: a stranger's missing If-Match must not reveal that the link exists.
    await this.links.load(actor.userId, linkId);
    const body = parseInput(TransitionBody, request.body);
    const expectedVersion = requiredVersion(request.headers['if-match']);
    await this.transitionFlag.run({ linkId, actorId: actor.userId, expectedVersion, body });
    return this.respond(actor, linkId, reply);
  }

  @Get(Routes.annotationLinks)
  async forAnnotation(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<LinkList> {
    const { role } = await this.annotations.load(actor.userId, requireId(id, 'Annotation'));
    return this.annotationLinks.run(id.toLowerCase(), { userId: actor.userId, role });
  }

  @Get(Routes.annotationSearch)
  async search(@CurrentActor() actor: Actor, @Query() query: unknown): Promise<AnnotationSearchResult> {
    const input = parseInput(SearchAnnotationsQuery, query);
    const workspaceId = input.workspaceId ?? (await this.workspaces.currentWorkspaceId(actor.userId));
    if (workspaceId === null) throw DomainError.notFound('Workspace');
    const role = await this.workspaces.requireMember(actor.userId, workspaceId);
    if (!can(role, Action.ReadDocuments)) throw DomainError.notFound('Workspace');
    return this.searchAnnotations.run(workspaceId, { userId: actor.userId, role }, input);
  }
}
