// PUT on an annotation of a container: the W3C representation replaces tag, note and extent through the
// update-annotation use case (If-Match version guard, annotation.updated event). Selectors equal to the
// stored ones leave the extent alone, so a detached annotation can still be re-tagged.
import { Injectable } from '@nestjs/common';
import { ErrorCode, UpdateAnnotationBody, type FieldError } from '@glossa/contracts';
import type { AnnotationRow } from '../../annotations/annotation-row';
import { UpdateAnnotation } from '../../annotations/commands/updateAnnotation';
import { DomainError, parseInput } from '../../common/domain-error';
import { documentIdOfSource, parseW3cAnnotation, type ImportCandidate } from '../parse-w3c-annotation';
import { GetContainerDocument } from '../queries/getContainerDocument';
import { requireSameDocument, targetOnCurrentRevision } from './w3c-target';

export interface ReplaceW3cAnnotationInput {
  current: AnnotationRow;
  actorId: string;
  expectedVersion: number;
  body: unknown;
}

/** True when the body still describes the stored extent (same quote; same position if it gives one). */
function sameExtent(candidate: ImportCandidate, row: AnnotationRow): boolean {
  const sameQuote = candidate.quote === null || candidate.quote.exact === row.quote_exact;
  const samePosition = candidate.position === null || (candidate.position.start === row.start_offset && candidate.position.end === row.end_offset);
  const sameRevision = candidate.sourceIri === null || !candidate.sourceIri.includes('/revisions/') || candidate.sourceIri.toLowerCase().endsWith(`/revisions/${row.revision_id}`);
  return sameQuote && samePosition && sameRevision && documentIdOfSource(candidate.sourceIri ?? row.document_id) === row.document_id;
}

@Injectable()
export class ReplaceW3cAnnotation {
  constructor(
    private readonly documents: GetContainerDocument,
    private readonly updateAnnotation: UpdateAnnotation,
  ) {}

  async run(input: ReplaceW3cAnnotationInput): Promise<void> {
    const errors: FieldError[] = [];
    const candidate = parseW3cAnnotation(input.body, '', errors);
    if (!candidate) throw new DomainError(ErrorCode.ValidationFailed, 'Some fields are invalid', errors);
    requireSameDocument(candidate, input.current.document_id);
    const target = sameExtent(candidate, input.current) ? undefined : targetOnCurrentRevision(candidate, await this.documents.run(input.current.document_id, true));
    const body = parseInput(UpdateAnnotationBody, { tag: candidate.tag, note: candidate.note, ...(target ? { target } : {}) });
    await this.updateAnnotation.run({ current: input.current, actorId: input.actorId, expectedVersion: input.expectedVersion, body });
  }
}
