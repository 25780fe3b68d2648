// POST to a container: a W3C annotation becomes a Glossa one through the create-annotation use case
// (same checks, Idempotency-Key ledger and annotation.created event), anchored on the current revision.
import { Injectable } from '@nestjs/common';
import { CreateAnnotationBody, ErrorCode, type FieldError } from '@glossa/contracts';
import { CreateAnnotation } from '../../annotations/commands/createAnnotation';
import { DomainError, parseInput } from '../../common/domain-error';
import { parseW3cAnnotation } from '../parse-w3c-annotation';
import { GetContainerDocument } from '../queries/getContainerDocument';
import { requireSameDocument, targetOnCurrentRevision } from './w3c-target';

export interface CreateW3cAnnotationInput {
  workspaceId: string;
  documentId: string;
  actorId: string;
  body: unknown;
  idempotencyKey?: string;
}

@Injectable()
export class CreateW3cAnnotation {
  constructor(
    private readonly documents: GetContainerDocument,
    private readonly createAnnotation: CreateAnnotation,
  ) {}

  /** The new (or, for a replayed Idempotency-Key, the earlier) annotation's id. */
  async run(input: CreateW3cAnnotationInput): Promise<string> {
    const errors: FieldError[] = [];
    const candidate = parseW3cAnnotation(input.body, '', errors);
    if (!candidate) throw new DomainError(ErrorCode.ValidationFailed, 'Some fields are invalid', errors);
    requireSameDocument(candidate, input.documentId);
    const document = await this.documents.run(input.documentId, true);
    const body = parseInput(CreateAnnotationBody, {
      tag: candidate.tag,
      note: candidate.note,
      visibility: 'shared',
      target: targetOnCurrentRevision(candidate, document),
    });
    return this.createAnnotation.run({ workspaceId: input.workspaceId, documentId: input.documentId, actorId: input.actorId, body, idempotencyKey: input.idempotencyKey });
  }
}
