// HTTP calls for annotations: list a document's, create (idempotent), edit and delete with
// If-Match, restore (undo of delete), delete and restore many at once, and history. Shapes come from the shared contract.
import {
  Annotation,
  AnnotationHistory,
  AnnotationList,
  BulkAnnotationsResult,
  IDEMPOTENCY_KEY_HEADER,
  Routes,
  type AnnotationTag,
  type AnnotationVisibility,
  type BulkAnnotationsBody,
  type UpdateAnnotationBody,
} from '@glossa/contracts';
import { apiRequest, apiSend, fillPath } from './client';

export {
  ANNOTATION_TAGS,
  AnnotationStatus,
  type Annotation,
  type AnnotationHistory,
  type AnnotationHistoryEntry,
  type AnnotationList,
  type AnnotationTag,
  type AnnotationVisibility,
  type BulkAnnotationsBody,
  type UpdateAnnotationBody,
} from '@glossa/contracts';

export interface PositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface QuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** What the browser sends to create one (the contract's schema fills in the visibility default). */
export interface CreateAnnotationBody {
  tag: AnnotationTag;
  note?: string;
  visibility?: AnnotationVisibility;
  target: { revisionId: string; selector: [PositionSelector, QuoteSelector] };
}

/** RFC 9110 entity tag of a version, as the API writes it in ETag and expects in If-Match. */
export const versionTag = (version: number): string => `"${version}"`;

/** The quote and position of an annotation, whichever order the selectors came in. */
export function selectorsOf(annotation: { target: { selector: ReadonlyArray<PositionSelector | QuoteSelector> } }): { position?: PositionSelector; quote?: QuoteSelector } {
  const out: { position?: PositionSelector; quote?: QuoteSelector } = {};
  for (const s of annotation.target.selector) {
    if (s.type === 'TextPositionSelector') out.position = s;
    else out.quote = s;
  }
  return out;
}

export function listAnnotations(documentId: string, signal?: AbortSignal): Promise<AnnotationList> {
  return apiRequest(fillPath(Routes.documentAnnotations, { id: documentId }), AnnotationList, { signal });
}

/** The same key on every retry of one create, so the server never stores it twice. */
export function createAnnotation(documentId: string, body: CreateAnnotationBody, idempotencyKey: string): Promise<Annotation> {
  return apiRequest(fillPath(Routes.documentAnnotations, { id: documentId }), Annotation, {
    method: 'POST',
    json: body,
    headers: { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
  });
}

export function updateAnnotation(id: string, body: UpdateAnnotationBody, version: number): Promise<Annotation> {
  return apiRequest(fillPath(Routes.annotation, { id }), Annotation, { method: 'PATCH', json: body, headers: { 'If-Match': versionTag(version) } });
}

export function deleteAnnotation(id: string, version: number): Promise<void> {
  return apiSend(fillPath(Routes.annotation, { id }), { method: 'DELETE', headers: { 'If-Match': versionTag(version) } });
}

/** Deletes all of `items` (each with the version last read) or, on any refusal, none. */
export function deleteAnnotations(documentId: string, items: BulkAnnotationsBody['items']): Promise<BulkAnnotationsResult> {
  return apiRequest(fillPath(Routes.documentAnnotationsDelete, { id: documentId }), BulkAnnotationsResult, { method: 'POST', json: { items } });
}

/** Undo of a bulk delete, with the versions the delete answered. */
export function restoreAnnotations(documentId: string, items: BulkAnnotationsBody['items']): Promise<BulkAnnotationsResult> {
  return apiRequest(fillPath(Routes.documentAnnotationsRestore, { id: documentId }), BulkAnnotationsResult, { method: 'POST', json: { items } });
}

/** Undo of a delete: the delete bumped the version by one, so that is the one to match. */
export function restoreAnnotation(id: string, deletedVersion: number): Promise<Annotation> {
  return apiRequest(fillPath(Routes.annotationRestore, { id }), Annotation, { method: 'POST', headers: { 'If-Match': versionTag(deletedVersion) } });
}

export function annotationHistory(id: string, signal?: AbortSignal): Promise<AnnotationHistory> {
  return apiRequest(fillPath(Routes.annotationHistory, { id }), AnnotationHistory, { signal });
}
