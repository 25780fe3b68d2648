// Checks a target sent by a client against the stored revision and completes its selectors
// (issue 4: the server recomputes and verifies the quote). Runs inside the writing transaction
// and holds the document row FOR SHARE, so a concurrent re-import cannot slip in between the
// check and the write and leave this annotation on a superseded revision.
import type { EntityManager } from 'typeorm';
import { codePointLength, completeSelectors, type DescribedRange, type SelectorFailure, type TextSelector } from '@glossa/anchoring';
import { ErrorCode, MAX_QUOTE_CODE_POINTS, type AnnotationTargetBody } from '@glossa/contracts';
import { DomainError } from '../common/domain-error';

const SELECTOR_FIELD = 'target.selector';

const FAILURES: Record<SelectorFailure, { code: ErrorCode; message: string }> = {
  out_of_range: { code: ErrorCode.ValidationFailed, message: 'offsets are outside the revision text (code points)' },
  empty: { code: ErrorCode.ValidationFailed, message: 'the selection holds no visible text' },
  quote_mismatch: { code: ErrorCode.UnprocessableContent, message: 'the quote does not match the revision text at these offsets (offsets count code points)' },
  quote_not_found: { code: ErrorCode.UnprocessableContent, message: 'the quote does not occur in the revision text' },
  ambiguous_quote: { code: ErrorCode.UnprocessableContent, message: 'the quote occurs more than once; add a prefix or suffix, or a position' },
};

export interface ResolvedTarget extends DescribedRange {
  revisionId: string;
}

export async function resolveTarget(manager: EntityManager, documentId: string, target: AnnotationTargetBody): Promise<ResolvedTarget> {
  const rows: Array<{ current_revision_id: string | null }> = await manager.query(`SELECT current_revision_id FROM document WHERE id = $1 FOR SHARE`, [documentId]);
  if (!rows[0]) throw DomainError.notFound('Document');
  if (rows[0].current_revision_id !== target.revisionId) {
    throw new DomainError(ErrorCode.Conflict, 'The document has a newer revision; reload it and select again', [{ path: 'target.revisionId', message: 'revisionId is not the current revision' }]);
  }
  const [{ text }] = (await manager.query(`SELECT text FROM document_revision WHERE id = $1`, [target.revisionId])) as Array<{ text: string }>;
  const completed = completeSelectors(text, target.selector as TextSelector[]);
  if (!completed.ok) {
    const failure = FAILURES[completed.reason];
    const summary = failure.code === ErrorCode.ValidationFailed ? 'Some fields are invalid' : 'The selection does not fit the revision';
    throw new DomainError(failure.code, summary, [{ path: SELECTOR_FIELD, message: failure.message }]);
  }
  if (codePointLength(completed.quote.exact) > MAX_QUOTE_CODE_POINTS) {
    throw DomainError.invalidField(SELECTOR_FIELD, `the selection must be at most ${MAX_QUOTE_CODE_POINTS} characters`);
  }
  return { revisionId: target.revisionId, position: completed.position, quote: completed.quote };
}
