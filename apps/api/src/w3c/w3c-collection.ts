// Glossa annotations as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/):
// one annotation, one AnnotationPage, and a streaming AnnotationCollection writer for file exports.

/** The Web Annotation JSON-LD context. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** The media type the Web Annotation Protocol serves and accepts. */
export const ANNO_MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
/** Glossa's own vocabulary: only the terms the W3C model leaves open. */
export const GLOSSA_VOCAB = 'urn:glossa:terms#';
/** TextPositionSelector start/end count Unicode code points over the canonical text (DESIGN 2). */
export const POSITION_UNIT = 'unicode-code-point';

/**
 * The context every Glossa W3C document carries: the W3C context first (schemas look for it), then the
 * `positionUnit` term that says how TextPositionSelector offsets are counted.
 */
export const W3C_CONTEXT = [
  ANNO_CONTEXT,
  { glossa: GLOSSA_VOCAB, positionUnit: { '@id': 'glossa:positionUnit' }, pages: { '@id': 'glossa:pages', '@container': '@list' } },
] as const;

export const POSITION_UNIT_NOTE = 'TextPositionSelector start and end count Unicode code points (not UTF-16 code units).';

/** What one annotation needs to be written as W3C JSON-LD; the columns every annotation read already has. */
export interface W3cAnnotationInput {
  id: string;
  documentId: string;
  revisionId: string;
  tag: string;
  note: string | null;
  creator: { id: string; name: string };
  created: Date | string;
  modified: Date | string;
  /** Code points over the canonical text of the revision. */
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

/** Where the IRIs point: `baseUrl` is the public origin plus the API prefix, e.g. `https://host/api`. */
export interface W3cContext {
  baseUrl: string;
}

export interface W3cTextualBody {
  type: 'TextualBody';
  purpose: 'tagging' | 'commenting';
  value: string;
  format?: string;
}

export interface W3cAnnotation {
  '@context'?: typeof W3C_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'tagging' | 'commenting';
  body: W3cTextualBody[];
  target: {
    type: 'SpecificResource';
    source: string;
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
  };
  creator: { id: string; type: 'Person'; name: string };
  created: string;
  modified: string;
  positionUnit?: string;
}

const trimSlash = (url: string): string => url.replace(/\/+$/, '');

/** The annotation container of a document; ends with `/` as the Protocol requires. */
export function containerIri(baseUrl: string, documentId: string): string {
  return `${trimSlash(baseUrl)}/documents/${documentId}/w3c/`;
}

export function annotationIri(baseUrl: string, documentId: string, annotationId: string): string {
  return `${containerIri(baseUrl, documentId)}${annotationId}`;
}

/** The IRI of one revision of a document: what a target's source names (offsets are relative to it). */
export function revisionIri(baseUrl: string, documentId: string, revisionId: string): string {
  return `${trimSlash(baseUrl)}/documents/${documentId}/revisions/${revisionId}`;
}

export function userIri(baseUrl: string, userId: string): string {
  return `${trimSlash(baseUrl)}/users/${userId}`;
}

const iso = (value: Date | string): string => (value instanceof Date ? value.toISOString() : new Date(value).toISOString());

/**
 * One annotation. The tag is a `tagging` body, the note a `commenting` body in Markdown; the motivation is
 * `commenting` when there is a note, otherwise `tagging`. `standalone` adds `@context` and the position unit.
 */
export function toW3cAnnotation(input: W3cAnnotationInput, context: W3cContext, standalone = true): W3cAnnotation {
  const body: W3cTextualBody[] = [{ type: 'TextualBody', purpose: 'tagging', value: input.tag }];
  if (input.note !== null && input.note !== '') {
    body.push({ type: 'TextualBody', purpose: 'commenting', value: input.note, format: 'text/markdown' });
  }
  const annotation: W3cAnnotation = {
    id: annotationIri(context.baseUrl, input.documentId, input.id),
    type: 'Annotation',
    motivation: body.length > 1 ? 'commenting' : 'tagging',
    body,
    target: {
      type: 'SpecificResource',
      source: revisionIri(context.baseUrl, input.documentId, input.revisionId),
      selector: [
        { type: 'TextQuoteSelector', exact: input.exact, prefix: input.prefix, suffix: input.suffix },
        { type: 'TextPositionSelector', start: input.start, end: input.end },
      ],
    },
    creator: { id: userIri(context.baseUrl, input.creator.id), type: 'Person', name: input.creator.name },
    created: iso(input.created),
    modified: iso(input.modified),
  };
  return standalone ? { '@context': W3C_CONTEXT, ...annotation, positionUnit: POSITION_UNIT } : annotation;
}

export interface W3cCollectionContext extends W3cContext {
  /** The collection IRI (a container IRI, or an export's own IRI). */
  id: string;
  label: string;
  /** Known in advance or not: when absent it is counted while streaming and written at the end. */
  total?: number;
  /**
   * Items per page. A file export holds every item, so a page size splits the stream into several
   * AnnotationPages that are listed in order under the Glossa term `pages` (first/last name the ends);
   * without it the whole collection is one page.
   */
  pageSize?: number;
}

type Out = (chunk: string) => void | Promise<void>;

const pageIri = (collectionId: string, index: number): string => `${collectionId}${collectionId.includes('?') ? '&' : '?'}page=${index}`;

/**
 * Streams an AnnotationCollection whose first page is embedded with every annotation in `rows`.
 * Memory stays flat: one row is serialized at a time, and the count (total, last page) is written after
 * the items. With `pageSize` the items are split into consecutive embedded pages (see W3cCollectionContext).
 * Returns the number of annotations written.
 */
export async function writeW3cCollection(rows: AsyncIterable<W3cAnnotationInput> | Iterable<W3cAnnotationInput>, out: Out, context: W3cCollectionContext): Promise<number> {
  const pageSize = context.pageSize !== undefined && context.pageSize > 0 ? Math.floor(context.pageSize) : Number.POSITIVE_INFINITY;
  const head = {
    '@context': W3C_CONTEXT,
    id: context.id,
    type: 'AnnotationCollection',
    label: context.label,
    positionUnit: POSITION_UNIT,
  };
  const partOf = (): string => JSON.stringify(context.total !== undefined ? { id: context.id, label: context.label, total: context.total } : { id: context.id, label: context.label });
  const openPage = (index: number, startIndex: number): string =>
    `{"id":${JSON.stringify(pageIri(context.id, index))},"type":"AnnotationPage","partOf":${partOf()},"startIndex":${startIndex}` +
    (index > 0 ? `,"prev":${JSON.stringify(pageIri(context.id, index - 1))}` : '') +
    `,"items":[`;

  await out(`${JSON.stringify(head).slice(0, -1)},"first":${openPage(0, 0)}`);
  let count = 0;
  let page = 0;
  let inPage = 0;
  let multiPage = false;
  for await (const row of rows) {
    if (inPage === pageSize) {
      // Close the page with a link to the next one and start it, listed after `first` under `pages`.
      page += 1;
      const next = `],"next":${JSON.stringify(pageIri(context.id, page))}}`;
      await out(`${next}${multiPage ? ',' : ',"pages":['}${openPage(page, count)}`);
      multiPage = true;
      inPage = 0;
    }
    await out(`${inPage > 0 ? ',' : ''}${JSON.stringify(toW3cAnnotation(row, context, false))}`);
    inPage += 1;
    count += 1;
  }
  await out(`]}${multiPage ? ']' : ''},"last":${JSON.stringify(pageIri(context.id, page))},"total":${count}}`);
  return count;
}

export interface W3cPageContext extends W3cContext {
  collectionId: string;
  collectionLabel: string;
  index: number;
  pageSize: number;
  total: number;
  /** PreferContainedIRIs: items are annotation IRIs instead of full descriptions. */
  iris?: boolean;
}

/** One page of a container, as the Protocol serves it at `?page=N` (or embedded as `first`). */
export function toW3cPage(items: W3cAnnotationInput[], context: W3cPageContext, standalone = true): Record<string, unknown> {
  const lastIndex = Math.max(0, Math.ceil(context.total / context.pageSize) - 1);
  return {
    ...(standalone ? { '@context': W3C_CONTEXT } : {}),
    id: pageIri(context.collectionId, context.index),
    type: 'AnnotationPage',
    partOf: { id: context.collectionId, label: context.collectionLabel, total: context.total },
    startIndex: context.index * context.pageSize,
    ...(context.index > 0 ? { prev: pageIri(context.collectionId, context.index - 1) } : {}),
    ...(context.index < lastIndex ? { next: pageIri(context.collectionId, context.index + 1) } : {}),
    items: items.map((item) => (context.iris ? annotationIri(context.baseUrl, item.documentId, item.id) : toW3cAnnotation(item, context, false))),
  };
}

export { pageIri as w3cPageIri };
