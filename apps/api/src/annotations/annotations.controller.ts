// HTTP edge for annotations: parse, authorize, call one use case, present with abilities and ETag.
import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  Action,
  BulkAnnotationsBody,
  CreateAnnotationBody,
  IDEMPOTENCY_KEY_HEADER,
  IdempotencyKey,
  ListAnnotationsQuery,
  Routes,
  UpdateAnnotationBody,
  type Annotation,
  type AnnotationHistory,
  type BulkAnnotationsResult,
} from '@glossa/contracts';
import { CurrentActor, type Actor } from '../auth/actor';
import { DomainError, parseInput, requireId } from '../common/domain-error';
import { DocumentAccess } from '../documents/document-access';
import { requiredVersion } from '../http/if-match';
import { annotationAbilities } from '../policies/annotation-policy';
import { WorkspaceAccess } from '../workspaces/workspace-access';
import { AnnotationAccess } from './annotation-access';
import { BulkDeleteAnnotations } from './commands/bulkDeleteAnnotations';
import { BulkRestoreAnnotations } from './commands/bulkRestoreAnnotations';
import { CreateAnnotation } from './commands/createAnnotation';
import { DeleteAnnotation } from './commands/deleteAnnotation';
import { RestoreAnnotation } from './commands/restoreAnnotation';
import { UpdateAnnotation } from './commands/updateAnnotation';
import { annotationEtag, presentAnnotation } from './presenters/annotationPresenter';
import { GetAnnotationHistory } from './queries/getAnnotationHistory';
import { ListAnnotations } from './queries/listAnnotations';

@Controller()
export class AnnotationsController {
  constructor(
    private readonly documents: DocumentAccess,
    private readonly workspaces: WorkspaceAccess,
    private readonly annotations: AnnotationAccess,
    private readonly createAnnotation: CreateAnnotation,
    private readonly updateAnnotation: UpdateAnnotation,
    private readonly deleteAnnotation: DeleteAnnotation,
    private readonly restoreAnnotation: RestoreAnnotation,
    private readonly bulkDelete: BulkDeleteAnnotations,
    private readonly bulkRestore: BulkRestoreAnnotations,
    private readonly listAnnotations: ListAnnotations,
    private readonly annotationHistory: GetAnnotationHistory,
  ) {}

  /** Reads the annotation back as the caller sees it, with its ETag. */
  private async respond(actor: Actor, annotationId: string, reply: FastifyReply): Promise<Annotation> {
    const { row, role } = await this.annotations.load(actor.userId, annotationId);
    void reply.header('etag', annotationEtag(row.version));
    return presentAnnotation(row, { userId: actor.userId, role });
  }

  /**
   * The whole list carries an ETag (and comes from the list cache when unchanged); sending it back
   * in If-None-Match answers 304 with no body. A filtered list is built for the request.
   */
  @Get(Routes.documentAnnotations)
  async list(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const documentId = requireId(id, 'Document');
    const input = parseInput(ListAnnotationsQuery, query);
    const workspaceId = await this.documents.require(actor.userId, documentId, Action.ReadDocuments);
    const role = await this.workspaces.roleOf(actor.userId, workspaceId);
    const viewer = { userId: actor.userId, role };
    if (Object.values(input).some((value) => value !== undefined)) {
      await reply.send(await this.listAnnotations.run(documentId, viewer, input));
      return;
    }
    const list = await this.listAnnotations.serialized(documentId, viewer, request.headers['if-none-match']);
    void reply.header('etag', list.etag);
    if (!list.body) {
      await reply.status(304).send();
      return;
    }
    await reply.type('application/json; charset=utf-8').send(list.body);
  }

  @Post(Routes.documentAnnotations)
  @HttpCode(201)
  async create(@CurrentActor() actor: Actor, @Param('id') id: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<Annotation> {
    const documentId = requireId(id, 'Document');
    const body = parseInput(CreateAnnotationBody, request.body);
    const rawKey = request.headers[IDEMPOTENCY_KEY_HEADER];
    const keyResult = rawKey === undefined ? undefined : IdempotencyKey.safeParse(rawKey);
    if (keyResult && !keyResult.success) throw DomainError.invalidField('Idempotency-Key', keyResult.error.issues[0]?.message ?? 'invalid');
    const workspaceId = await this.documents.require(actor.userId, documentId, Action.Annotate);
    const annotationId = await this.createAnnotation.run({ workspaceId, documentId, actorId: actor.userId, body, idempotencyKey: keyResult?.data });
    return this.respond(actor, annotationId, reply);
  }

  @Post(Routes.documentAnnotationsDelete)
  @HttpCode(200)
  async removeMany(@CurrentActor() actor: Actor, @Param('id') id: string, @Req() request: FastifyRequest): Promise<BulkAnnotationsResult> {
    const { documentId, caller, body } = await this.bulkInput(actor, id, request);
    return this.bulkDelete.run(documentId, caller, body);
  }

  @Post(Routes.documentAnnotationsRestore)
  @HttpCode(200)
  async restoreMany(@CurrentActor() actor: Actor, @Param('id') id: string, @Req() request: FastifyRequest): Promise<BulkAnnotationsResult> {
    const { documentId, caller, body } = await this.bulkInput(actor, id, request);
    return this.bulkRestore.run(documentId, caller, body);
  }

  /** The document (readable by the caller, else 404), the caller's role in it, the parsed body. */
  private async bulkInput(actor: Actor, id: string, request: FastifyRequest) {
    const documentId = requireId(id, 'Document');
    const body = parseInput(BulkAnnotationsBody, request.body);
    const workspaceId = await this.documents.require(actor.userId, documentId, Action.ReadDocuments);
    const role = await this.workspaces.roleOf(actor.userId, workspaceId);
    if (role === null) throw DomainError.notFound('Document');
    return { documentId, caller: { userId: actor.userId, role }, body };
  }

  @Get(Routes.annotation)
  async get(@CurrentActor() actor: Actor, @Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Annotation> {
    return this.respond(actor, requireId(id, 'Annotation'), reply);
  }

  @Patch(Routes.annotation)
  async update(@CurrentActor() actor: Actor, @Param('id') id: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<Annotation> {
    const annotationId = requireId(id, 'Annotation');
    const body = parseInput(UpdateAnnotationBody, request.body);
    const expectedVersion = requiredVersion(request.headers['if-match']);
    const { row, role } = await this.annotations.load(actor.userId, annotationId);
    if (!annotationAbilities(role, actor.userId, { authorId: row.author_id, visibility: row.visibility }).edit) {
      throw DomainError.forbidden('Only the author can change this annotation');
    }
    await this.updateAnnotation.run({ current: row, actorId: actor.userId, expectedVersion, body });
    return this.respond(actor, annotationId, reply);
  }

  @Delete(Routes.annotation)
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id') id: string, @Req() request: FastifyRequest): Promise<void> {
    const annotationId = requireId(id, 'Annotation');
    const expectedVersion = requiredVersion(request.headers['if-match']);
    const { row, role } = await this.annotations.load(actor.userId, annotationId);
    if (!annotationAbilities(role, actor.userId, { authorId: row.author_id, visibility: row.visibility }).delete) {
      throw DomainError.forbidden('Only the author or a workspace admin can delete this annotation');
    }
    await this.deleteAnnotation.run(row, actor.userId, expectedVersion);
  }

  @Post(Routes.annotationRestore)
  @HttpCode(200)
  async restore(@CurrentActor() actor: Actor, @Param('id') id: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<Annotation> {
    const annotationId = requireId(id, 'Annotation');
    const expectedVersion = requiredVersion(request.headers['if-match']);
    const { row, role } = await this.annotations.load(actor.userId, annotationId, { includeDeleted: true });
    if (!annotationAbilities(role, actor.userId, { authorId: row.author_id, visibility: row.visibility }).delete) {
      throw DomainError.forbidden('Only the author or a workspace admin can restore this annotation');
    }
    await this.restoreAnnotation.run(row, actor.userId, expectedVersion);
    return this.respond(actor, annotationId, reply);
  }

  @Get(Routes.annotationHistory)
  async history(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<AnnotationHistory> {
    const annotationId = requireId(id, 'Annotation');
    // Deleted annotations keep their audit trail; private ones stay their author's.
    await this.annotations.load(actor.userId, annotationId, { includeDeleted: true });
    return this.annotationHistory.run(annotationId);
  }
}
