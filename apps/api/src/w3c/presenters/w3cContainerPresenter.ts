// A document's container as the Protocol serves it: the AnnotationCollection (with its first page embedded
// as Prefer asks) or one AnnotationPage, the IRI it is served as, and a weak ETag over what was served.
import { createHash } from 'node:crypto';
import { W3C_PAGE_SIZE } from '@glossa/contracts';
import type { AnnotationRow } from '../../annotations/annotation-row';
import { DomainError } from '../../common/domain-error';
import type { ContainerPreference } from '../protocol';
import { containerIri, POSITION_UNIT, toW3cPage, W3C_CONTEXT, w3cPageIri } from '../w3c-collection';
import { w3cInputFromRow } from './w3cAnnotationInput';

export interface ContainerView {
  baseUrl: string;
  documentId: string;
  title: string;
  /** A page number, or undefined for the collection. */
  page: number | undefined;
  prefer: ContainerPreference;
}

export interface PresentedContainer {
  body: Record<string, unknown>;
  /** Content-Location: the collection or page IRI. */
  location: string;
  etag: string;
}

export function presentContainer(rows: readonly AnnotationRow[], view: ContainerView): PresentedContainer {
  const collectionId = containerIri(view.baseUrl, view.documentId);
  const label = `Annotations on ${view.title}`;
  const total = rows.length;
  const lastIndex = Math.max(0, Math.ceil(total / W3C_PAGE_SIZE) - 1);
  const pageOf = (index: number, standalone: boolean) =>
    toW3cPage(
      rows.slice(index * W3C_PAGE_SIZE, (index + 1) * W3C_PAGE_SIZE).map(w3cInputFromRow),
      { baseUrl: view.baseUrl, collectionId, collectionLabel: label, index, pageSize: W3C_PAGE_SIZE, total, iris: view.prefer.iris },
      standalone,
    );
  // Weak: it covers the members and their versions, the page and the preference, not the bytes.
  const etag = `W/"${createHash('sha256')
    .update(JSON.stringify([view.page ?? null, view.prefer.iris, view.prefer.minimal, view.title, rows.map((row) => [row.id, row.version])]))
    .digest('base64url')
    .slice(0, 27)}"`;

  if (view.page !== undefined) {
    if (view.page > lastIndex) throw DomainError.notFound('Page');
    return { body: pageOf(view.page, true), location: w3cPageIri(collectionId, view.page), etag };
  }
  const body = {
    '@context': W3C_CONTEXT,
    id: collectionId,
    type: ['BasicContainer', 'AnnotationCollection'],
    label,
    total,
    positionUnit: POSITION_UNIT,
    ...(total > 0 ? { first: view.prefer.minimal ? w3cPageIri(collectionId, 0) : pageOf(0, false), last: w3cPageIri(collectionId, lastIndex) } : {}),
  };
  return { body, location: collectionId, etag };
}
