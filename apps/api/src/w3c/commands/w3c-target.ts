// Turns the selectors of a W3C annotation sent to a container into a Glossa target on the document's
// current revision: anchored with @glossa/anchoring (the quote wins over the position), then checked by
// the annotation use cases like any other target. Unplaceable → 422 (a protocol write never stores a detached annotation).
import { ErrorCode, type AnnotationTargetBody, type FieldError } from '@glossa/contracts';
import { DomainError } from '../../common/domain-error';
import { anchorCandidate } from '../../imports/anchor-candidate';
import type { ImportCandidate } from '../parse-w3c-annotation';
import type { ContainerDocument } from '../queries/getContainerDocument';

/** Refuses a body whose target source names another Glossa document than the container's. */
export function requireSameDocument(candidate: ImportCandidate, documentId: string): void {
  if (candidate.sourceDocumentId !== null && candidate.sourceDocumentId !== documentId.toLowerCase()) {
    throw DomainError.invalidField('target.source', "names another document; send it to that document's container");
  }
}

export function targetOnCurrentRevision(candidate: ImportCandidate, document: ContainerDocument): AnnotationTargetBody {
  const errors: FieldError[] = [];
  const place = anchorCandidate(document.text, candidate, errors, 'target.selector');
  if (!place) throw new DomainError(ErrorCode.ValidationFailed, 'Some fields are invalid', errors);
  if (place.anchorStatus === 'detached') {
    throw new DomainError(ErrorCode.UnprocessableContent, 'The selection does not fit the revision', [
      { path: 'target.selector', message: 'the quote does not occur in the current revision of the document' },
    ]);
  }
  return {
    revisionId: document.revisionId,
    selector: [
      { type: 'TextPositionSelector', start: place.start, end: place.end },
      { type: 'TextQuoteSelector', exact: place.exact, prefix: place.prefix, suffix: place.suffix },
    ],
  };
}
