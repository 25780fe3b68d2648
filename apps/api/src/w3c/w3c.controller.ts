// HTTP edge of the Web Annotation Protocol: one LDP basic container per document at
// /api/documents/:id/w3c/ (GET with paging and Prefer, POST) and its annotations (GET, PUT and DELETE with If-Match).
import { Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Action, API_PREFIX, IDEMPOTENCY_KEY_HEADER, IdempotencyKey, Routes, W3C_MEDIA_TYPE, W3cContainerQuery } from '@glossa/contracts';
import { AnnotationAccess } from '../annotations/annotation-access';
import type { AnnotationRow } from '../annotations/annotation-row';
import { DeleteAnnotation } from '../annotations/commands/deleteAnnotation';
import { annotationEtag } from '../annotations/presenters/annotationPresenter';
import { CurrentActor, type Actor } from '../auth/actor';
import { DomainError, parseInput, requireId } from '../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { DocumentAccess } from '../documents/document-access';
import { requiredVersion } from '../http/if-match';
import { annotationAbilities } from '../policies/annotation-policy';
import { CreateW3cAnnotation } from './commands/createW3cAnnotation';
import { ReplaceW3cAnnotation } from './commands/replaceW3cAnnotation';
import { w3cInputFromRow } from './presenters/w3cAnnotationInput';
import { presentContainer } from './presenters/w3cContainerPresenter';
import { ANNOTATION_ALLOW, ANNOTATION_LINK, CONTAINER_ALLOW, CONTAINER_LINK, negotiateMediaType, readPrefer } from './protocol';
import { GetContainerDocument } from './queries/getContainerDocument';
import { ListContainerAnnotations } from './queries/listContainerAnnotations';
import { annotationIri, toW3cAnnotation } from './w3c-collection';

@Controller()
export class W3cController {
  private readonly baseUrl: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly documents: DocumentAccess,
    private readonly annotations: AnnotationAccess,
    private readonly containerDocument: GetContainerDocument,
    private readonly listAnnotations: ListContainerAnnotations,
    private readonly createW3c: CreateW3cAnnotation,
    private readonly replaceW3c: ReplaceW3cAnnotation,
    private readonly deleteAnnotation: DeleteAnnotation,
  ) {
    this.baseUrl = `${config.GLOSSA_PUBLIC_URL}${API_PREFIX}`;
  }

  /** The container; `/w3c/` reaches this route through ContainerSlash (Nest declares paths without a trailing slash). */
  @Get(Routes.documentW3cContainerNoSlash)
  async container(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: unknown, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string | undefined> {
    const documentId = requireId(id, 'Document');
    const { page } = parseInput(W3cContainerQuery, query);
    await this.documents.require(actor.userId, documentId, Action.ReadDocuments);
    const document = await this.containerDocument.run(documentId);
    const rows = await this.listAnnotations.run(documentId, actor.userId);
    const prefer = readPrefer(request.headers['prefer']);
    const { body, location, etag } = presentContainer(rows, { baseUrl: this.baseUrl, documentId, title: document.title, page, prefer });
    void reply.headers({
      'content-type': negotiateMediaType(request.headers['accept']),
      link: CONTAINER_LINK,
      etag,
      allow: CONTAINER_ALLOW,
      vary: 'Accept, Prefer',
      'content-location': location,
      'accept-post': W3C_MEDIA_TYPE,
      ...(prefer.applied ? { 'preference-applied': prefer.applied } : {}),
    });
    if (request.headers['if-none-match'] === etag) {
      void reply.code(304);
      return undefined;
    }
    return JSON.stringify(body);
  }

  @Post(Routes.documentW3cContainerNoSlash)
  @HttpCode(201)
  async create(@CurrentActor() actor: Actor, @Param('id') id: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const documentId = requireId(id, 'Document');
    const rawKey = request.headers[IDEMPOTENCY_KEY_HEADER];
    const keyResult = rawKey === undefined ? undefined : IdempotencyKey.safeParse(rawKey);
    if (keyResult && !keyResult.success) throw DomainError.invalidField('Idempotency-Key', keyResult.error.issues[0]?.message ?? 'invalid');
    const workspaceId = await this.documents.require(actor.userId, documentId, Action.Annotate);
    const annotationId = await this.createW3c.run({ workspaceId, documentId, actorId: actor.userId, body: request.body, idempotencyKey: keyResult?.data });
    const { row } = await this.annotations.load(actor.userId, annotationId);
    void reply.header('location', annotationIri(this.baseUrl, documentId, annotationId));
    return this.present(row, request, reply);
  }

  @Get(Routes.documentW3cAnnotation)
  async get(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('annotationId') annotationIdParam: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const row = await this.load(actor, id, annotationIdParam);
    return this.present(row, request, reply);
  }

  @Put(Routes.documentW3cAnnotation)
  async replace(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('annotationId') annotationIdParam: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const expectedVersion = requiredVersion(request.headers['if-match']);
    const current = await this.load(actor, id, annotationIdParam, 'edit');
    await this.replaceW3c.run({ current, actorId: actor.userId, expectedVersion, body: request.body });
    const { row } = await this.annotations.load(actor.userId, current.id);
    return this.present(row, request, reply);
  }

  @Delete(Routes.documentW3cAnnotation)
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('annotationId') annotationIdParam: string, @Req() request: FastifyRequest): Promise<void> {
    const expectedVersion = requiredVersion(request.headers['if-match']);
    const current = await this.load(actor, id, annotationIdParam, 'delete');
    await this.deleteAnnotation.run(current, actor.userId, expectedVersion);
  }

  /** An annotation of this document that the caller may see (and, if asked, edit or delete); else 404/403. */
  private async load(actor: Actor, documentIdParam: string, annotationIdParam: string, ability?: 'edit' | 'delete'): Promise<AnnotationRow> {
    const documentId = requireId(documentIdParam, 'Document');
    const annotationId = requireId(annotationIdParam, 'Annotation');
    await this.documents.require(actor.userId, documentId, Action.ReadDocuments);
    const { row, role } = await this.annotations.load(actor.userId, annotationId);
    if (row.document_id !== documentId) throw DomainError.notFound('Annotation');
    if (ability && !annotationAbilities(role, actor.userId, { authorId: row.author_id, visibility: row.visibility })[ability]) {
      throw DomainError.forbidden(ability === 'edit' ? 'Only the author can change this annotation' : 'Only the author or a workspace admin can delete this annotation');
    }
    return row;
  }

  private present(row: AnnotationRow, request: FastifyRequest, reply: FastifyReply): string {
    void reply.headers({
      'content-type': negotiateMediaType(request.headers['accept']),
      link: ANNOTATION_LINK,
      etag: annotationEtag(row.version),
      allow: ANNOTATION_ALLOW,
      vary: 'Accept',
      'content-location': annotationIri(this.baseUrl, row.document_id, row.id),
    });
    return JSON.stringify(toW3cAnnotation(w3cInputFromRow(row), { baseUrl: this.baseUrl }));
  }
}
