// W3C Web Annotation shapes (model + protocol) as Glossa serves and accepts them, and the annotation
// import request/result; docs/W3C.md maps Glossa to W3C field by field.
import { z } from 'zod';
import { AnchorStatus, AnnotationTag } from './annotations';

/** Media type of the Web Annotation Protocol (the default of every container and annotation GET). */
export const W3C_MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
export const W3C_CONTEXT_IRI = 'http://www.w3.org/ns/anno.jsonld';
/** Prefer header values of the Protocol (section 5.1 / LDP). */
export const PREFER_CONTAINED_IRIS = 'http://www.w3.org/ns/oa#PreferContainedIRIs';
export const PREFER_CONTAINED_DESCRIPTIONS = 'http://www.w3.org/ns/oa#PreferContainedDescriptions';
export const PREFER_MINIMAL_CONTAINER = 'http://www.w3.org/ns/ldp#PreferMinimalContainer';
/** Annotations per AnnotationPage of a container. */
export const W3C_PAGE_SIZE = 50;
/** One import holds at most this many annotations (the JSON body limit applies too). */
export const MAX_IMPORT_ANNOTATIONS = 10_000;

const Iri = z.string();

export const W3cTextualBody = z.object({
  type: z.literal('TextualBody'),
  purpose: z.enum(['tagging', 'commenting']),
  value: z.string(),
  format: z.string().optional(),
});

/** An annotation as Glossa writes it (embedded in pages without `@context`). */
export const W3cAnnotation = z.object({
  '@context': z.unknown().optional(),
  id: Iri,
  type: z.literal('Annotation'),
  motivation: z.enum(['tagging', 'commenting']),
  body: z.array(W3cTextualBody),
  target: z.object({
    type: z.literal('SpecificResource'),
    /** IRI of the document revision the offsets are counted in. */
    source: Iri,
    selector: z.tuple([
      z.object({ type: z.literal('TextQuoteSelector'), exact: z.string(), prefix: z.string(), suffix: z.string() }),
      z.object({ type: z.literal('TextPositionSelector'), start: z.number().int(), end: z.number().int() }),
    ]),
  }),
  creator: z.object({ id: Iri, type: z.literal('Person'), name: z.string() }),
  created: z.string(),
  modified: z.string(),
  /** `unicode-code-point`: TextPositionSelector offsets count code points (Glossa vocabulary term). */
  positionUnit: z.string().optional(),
});
export type W3cAnnotation = z.infer<typeof W3cAnnotation>;

export const W3cAnnotationPage = z.object({
  '@context': z.unknown().optional(),
  id: Iri,
  type: z.literal('AnnotationPage'),
  partOf: z.object({ id: Iri, label: z.string().optional(), total: z.number().int().optional() }),
  startIndex: z.number().int(),
  next: Iri.optional(),
  prev: Iri.optional(),
  /** Full annotations, or their IRIs with `Prefer: …PreferContainedIRIs`. */
  items: z.array(z.union([W3cAnnotation, Iri])),
});

export const W3cAnnotationCollection = z.object({
  '@context': z.unknown(),
  id: Iri,
  type: z.union([z.literal('AnnotationCollection'), z.array(z.string())]),
  label: z.string(),
  total: z.number().int(),
  positionUnit: z.string().optional(),
  first: z.union([W3cAnnotationPage, Iri]).optional(),
  last: Iri.optional(),
});

/** Query of `GET /documents/:id/w3c/`: a page number, else the collection (what it embeds follows `Prefer`). */
export const W3cContainerQuery = z.strictObject({
  page: z.coerce.number({ error: 'page must be a page number' }).int('page must be a page number').nonnegative('page must be a page number').optional(),
});

/**
 * What `POST /workspaces/:id/import` takes: either the payload itself (a W3C AnnotationCollection,
 * AnnotationPage, Annotation or array of Annotations, or a Glossa JSON export), or this envelope around it
 * that names the target documents. Each annotation goes to: documentMap[its source IRI], else
 * documentMap[its source document id], else documentId, else its own source document if that is one of the
 * workspace's documents; otherwise the item is refused (400) and nothing is stored.
 */
export const ImportEnvelope = z.strictObject({
  data: z.unknown().refine((value) => value !== undefined, 'data holds the annotations to import'),
  /** Put every annotation on this document of the workspace. */
  documentId: z.uuid({ error: 'documentId must be a document id' }).optional(),
  /** Source document id or source IRI → target document id (of the workspace). */
  documentMap: z
    .record(z.string().max(2000, 'documentMap keys must be document ids or IRIs'), z.uuid({ error: 'documentMap values must be document ids' }))
    .refine((map) => Object.keys(map).length <= 1000, 'documentMap holds at most 1000 entries')
    .optional(),
});
export type ImportEnvelope = z.infer<typeof ImportEnvelope>;

export const ImportQuery = z.strictObject({
  /** Same as the envelope's documentId, for a bare payload. */
  documentId: z.uuid({ error: 'documentId must be a document id' }).optional(),
});

export const ImportedAnnotation = z.object({
  /** The new annotation's id. */
  id: z.uuid(),
  documentId: z.uuid(),
  anchorStatus: AnchorStatus,
  tag: AnnotationTag,
  /** The id (IRI or Glossa id) the annotation had in the imported data, when it had one. */
  sourceId: z.string().nullable(),
});
export type ImportedAnnotation = z.infer<typeof ImportedAnnotation>;

export const ImportResult = z.object({
  /** `w3c` or `glossa`. */
  format: z.enum(['w3c', 'glossa']),
  imported: z.number().int(),
  anchored: z.number().int(),
  detached: z.number().int(),
  annotations: z.array(ImportedAnnotation),
});
export type ImportResult = z.infer<typeof ImportResult>;
