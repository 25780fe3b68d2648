// HTTP edge for documents: parse, resolve and authorize the workspace, call one use case, present.
import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Action, CreateDocumentBody, CreateRevisionBody, IDEMPOTENCY_KEY_HEADER, IdempotencyKey, ListDocumentsQuery, Routes, type DocumentDetail, type DocumentPage, type RevisionImported } from '@glossa/contracts';
import { CurrentActor, type Actor } from '../auth/actor';
import { DomainError, parseInput, requireId } from '../common/domain-error';
import { WorkspaceAccess } from '../workspaces/workspace-access';
import { ImportDocument } from './commands/importDocument';
import { ImportRevision } from './commands/importRevision';
import { DocumentAccess } from './document-access';
import { readMultipartImport } from './multipart-import';
import { presentDocumentDetail } from './presenters/documentPresenter';
import { GetDocument } from './queries/getDocument';
import { ListDocuments } from './queries/listDocuments';

@Controller()
export class DocumentsController {
  constructor(
    private readonly workspaces: WorkspaceAccess,
    private readonly documents: DocumentAccess,
    private readonly importDocument: ImportDocument,
    private readonly importRevision: ImportRevision,
    private readonly listDocuments: ListDocuments,
    private readonly getDocument: GetDocument,
  ) {}

  /** The named workspace if it is the caller's, else their current one; checked for `action`. */
  private async workspaceFor(actor: Actor, named: string | undefined, action: Action): Promise<string | null> {
    const workspaceId = named ?? (await this.workspaces.currentWorkspaceId(actor.userId));
    if (workspaceId === null) return null;
    await this.workspaces.requireAbility(actor.userId, workspaceId, action);
    return workspaceId;
  }

  @Get(Routes.documents)
  async list(@CurrentActor() actor: Actor, @Query() query: unknown): Promise<DocumentPage> {
    const input = parseInput(ListDocumentsQuery, query);
    const workspaceId = await this.workspaceFor(actor, input.workspaceId, Action.ReadDocuments);
    // Someone removed from every workspace has nothing to list.
    if (workspaceId === null) return { items: [], nextCursor: null };
    return this.listDocuments.run(workspaceId, input);
  }

  @Post(Routes.documents)
  @HttpCode(201)
  async create(@CurrentActor() actor: Actor, @Req() request: FastifyRequest): Promise<DocumentDetail> {
    const rawKey = request.headers[IDEMPOTENCY_KEY_HEADER];
    const keyResult = rawKey === undefined ? undefined : IdempotencyKey.safeParse(rawKey);
    if (keyResult && !keyResult.success) throw DomainError.invalidField('Idempotency-Key', keyResult.error.issues[0]?.message ?? 'invalid');
    const input = request.isMultipart() ? await readMultipartImport(request) : parseInput(CreateDocumentBody, request.body);
    const workspaceId = await this.workspaceFor(actor, input.workspaceId, Action.ImportDocuments);
    if (workspaceId === null) throw DomainError.notFound('Workspace');
    const imported = await this.importDocument.run({
      title: input.title,
      format: input.format,
      content: input.content,
      workspaceId,
      actorId: actor.userId,
      idempotencyKey: keyResult?.data,
    });
    // Only seed imports can be skipped; a user import always yields a document.
    if (!imported) throw new Error('import without a seed key was skipped');
    return presentDocumentDetail(imported.document, imported.revision);
  }

  @Post(Routes.documentRevisions)
  @HttpCode(201)
  async revise(@CurrentActor() actor: Actor, @Param('id') id: string, @Req() request: FastifyRequest): Promise<RevisionImported> {
    const documentId = requireId(id, 'Document');
    // Authorized before the body is read: a stranger's upload is refused without reading it.
    const workspaceId = await this.documents.require(actor.userId, documentId, Action.ImportDocuments);
    // A multipart upload's title and workspaceId fields are ignored: a revision keeps the document's.
    const input = request.isMultipart() ? await readMultipartImport(request) : parseInput(CreateRevisionBody, request.body);
    const imported = await this.importRevision.run({ workspaceId, documentId, actorId: actor.userId, format: input.format, content: input.content });
    return { document: presentDocumentDetail(imported.document, imported.revision), reanchored: imported.reanchored };
  }

  @Get(Routes.document)
  async get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<DocumentDetail> {
    const documentId = requireId(id, 'Document');
    const workspaceId = await this.documents.require(actor.userId, documentId, Action.ReadDocuments);
    const { document, revision } = await this.getDocument.run(workspaceId, documentId);
    return presentDocumentDetail(document, revision);
  }

  @Get(Routes.documentText)
  async text(@CurrentActor() actor: Actor, @Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const documentId = requireId(id, 'Document');
    const workspaceId = await this.documents.require(actor.userId, documentId, Action.ReadDocuments);
    const text = await this.getDocument.text(workspaceId, documentId);
    void reply.type('text/plain; charset=utf-8');
    return text;
  }
}
