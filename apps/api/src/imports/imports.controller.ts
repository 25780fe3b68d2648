// HTTP edge for annotation imports: parse the body (bare payload or envelope), check the caller may
// annotate in the workspace, import all or nothing, answer what was created and how it anchored.
import { Controller, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Action, ErrorCode, ImportEnvelope, ImportQuery, Routes, type FieldError, type ImportResult } from '@glossa/contracts';
import { CurrentActor, type Actor } from '../auth/actor';
import { DomainError, parseInput, requireId } from '../common/domain-error';
import { WorkspaceAccess } from '../workspaces/workspace-access';
import { ImportAnnotations } from './commands/importAnnotations';
import { readImportPayload } from './read-import-payload';

/** An envelope is an object with `data` and nothing that makes it a payload itself. */
const isEnvelope = (body: unknown): boolean =>
  body !== null && typeof body === 'object' && !Array.isArray(body) && 'data' in body && !('type' in body) && !('glossa' in body);

@Controller()
export class ImportsController {
  constructor(
    private readonly workspaces: WorkspaceAccess,
    private readonly importAnnotations: ImportAnnotations,
  ) {}

  @Post(Routes.workspaceImport)
  @HttpCode(201)
  async import(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: unknown, @Req() request: FastifyRequest): Promise<ImportResult> {
    const workspaceId = requireId(id, 'Workspace');
    const { documentId: queryDocumentId } = parseInput(ImportQuery, query);
    await this.workspaces.requireAbility(actor.userId, workspaceId, Action.Annotate);
    if (request.body === undefined || request.body === null) throw DomainError.invalidField('(body)', 'send the annotations to import as JSON');
    const envelope = isEnvelope(request.body) ? parseInput(ImportEnvelope, request.body) : null;
    const errors: FieldError[] = [];
    const payload = readImportPayload(envelope ? envelope.data : request.body, envelope ? 'data' : '', errors);
    if (errors.length > 0) throw new DomainError(ErrorCode.ValidationFailed, 'Some annotations cannot be imported; nothing was stored', errors);
    return this.importAnnotations.run({
      workspaceId,
      actorId: actor.userId,
      payload,
      documentId: envelope?.documentId ?? queryDocumentId,
      documentMap: envelope?.documentMap,
    });
  }
}
