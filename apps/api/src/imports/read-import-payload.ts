// Recognizes what an import request carries — a W3C AnnotationCollection, AnnotationPage, Annotation
// or array of Annotations, or a Glossa JSON export — and reads every annotation in it into candidates,
// collecting field errors (which item, which field) instead of stopping at the first.
import { AnnotationTag, AnnotationVisibility, MAX_IMPORT_ANNOTATIONS, MAX_NOTE_CHARACTERS, type FieldError } from '@glossa/contracts';
import { documentIdOfSource, parseW3cAnnotation, readSelectors, type ImportCandidate } from '../w3c/parse-w3c-annotation';

export interface ImportPayload {
  format: 'w3c' | 'glossa';
  candidates: ImportCandidate[];
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);
const hasType = (value: Json, type: string): boolean => (Array.isArray(value['type']) ? value['type'] : [value['type']]).includes(type);

/** `at` is where the payload sits in the body: '' for a bare payload, 'data' inside the envelope. */
export function readImportPayload(payload: unknown, at: string, errors: FieldError[]): ImportPayload {
  const path = (suffix: string): string => [at, suffix].filter((part) => part !== '').join('.');
  if (isObject(payload) && payload['glossa'] === 'export') return { format: 'glossa', candidates: readGlossaExport(payload, path, errors) };

  let items: unknown[] | null = null;
  let itemsPath = '';
  if (Array.isArray(payload)) {
    items = payload;
    itemsPath = at;
  } else if (isObject(payload) && hasType(payload, 'AnnotationCollection')) {
    const first = payload['first'];
    if (isObject(first) && Array.isArray(first['items'])) {
      items = [...first['items']];
      itemsPath = path('first.items');
      // A Glossa file export lists the pages after the first under `pages`; their items follow on.
      if (Array.isArray(payload['pages'])) {
        for (const page of payload['pages']) if (isObject(page) && Array.isArray(page['items'])) items.push(...page['items']);
      }
    } else if (payload['total'] === 0 && first === undefined) items = [];
    else errors.push({ path: path('first'), message: 'the collection must embed its first AnnotationPage with items (fetch linked pages and send them as an array)' });
  } else if (isObject(payload) && hasType(payload, 'AnnotationPage')) {
    if (Array.isArray(payload['items'])) {
      items = payload['items'];
      itemsPath = path('items');
    } else errors.push({ path: path('items'), message: 'the AnnotationPage must hold items' });
  } else if (isObject(payload) && hasType(payload, 'Annotation')) {
    items = [payload];
    itemsPath = at;
  } else {
    errors.push({ path: at === '' ? '(body)' : at, message: 'expected a W3C AnnotationCollection, AnnotationPage, Annotation or array of Annotations, or a Glossa JSON export' });
  }
  if (items === null) return { format: 'w3c', candidates: [] };
  if (items.length > MAX_IMPORT_ANNOTATIONS) {
    errors.push({ path: itemsPath === '' ? '(body)' : itemsPath, message: `one import holds at most ${MAX_IMPORT_ANNOTATIONS} annotations` });
    return { format: 'w3c', candidates: [] };
  }
  const single = isObject(payload) && hasType(payload, 'Annotation');
  const candidates: ImportCandidate[] = [];
  items.forEach((item, index) => {
    const itemPath = single ? at : [itemsPath, String(index)].filter((part) => part !== '').join('.');
    // Items may be IRIs (PreferContainedIRIs); those carry nothing to import.
    const candidate = typeof item === 'string' ? (errors.push({ path: itemPath, message: 'is an IRI; import full annotations (PreferContainedDescriptions)' }), null) : parseW3cAnnotation(item, itemPath, errors);
    if (candidate) candidates.push(candidate);
  });
  return { format: 'w3c', candidates };
}

/** The annotations of a Glossa JSON export (its documents name where they were; links, comments and events are not imported). */
function readGlossaExport(payload: Json, path: (suffix: string) => string, errors: FieldError[]): ImportCandidate[] {
  if (payload['version'] !== 1) errors.push({ path: path('version'), message: 'only version 1 of the Glossa export is understood' });
  const annotations = payload['annotations'];
  if (!Array.isArray(annotations)) {
    errors.push({ path: path('annotations'), message: 'annotations must be a list' });
    return [];
  }
  if (annotations.length > MAX_IMPORT_ANNOTATIONS) {
    errors.push({ path: path('annotations'), message: `one import holds at most ${MAX_IMPORT_ANNOTATIONS} annotations` });
    return [];
  }
  const candidates: ImportCandidate[] = [];
  annotations.forEach((annotation, index) => {
    const at = path(`annotations.${index}`);
    const before = errors.length;
    if (!isObject(annotation)) {
      errors.push({ path: at, message: 'must be an annotation object' });
      return;
    }
    const tag = AnnotationTag.safeParse(annotation['tag']);
    if (!tag.success) errors.push({ path: `${at}.tag`, message: 'tag must be claim, opinion or data' });
    const visibility = annotation['visibility'] === undefined ? { success: true as const, data: 'shared' as const } : AnnotationVisibility.safeParse(annotation['visibility']);
    if (!visibility.success) errors.push({ path: `${at}.visibility`, message: 'visibility must be shared or private' });
    const note = annotation['note'];
    if (note !== undefined && note !== null && typeof note !== 'string') errors.push({ path: `${at}.note`, message: 'note must be a string or null' });
    else if (typeof note === 'string' && [...note].length > MAX_NOTE_CHARACTERS) errors.push({ path: `${at}.note`, message: `note must be at most ${MAX_NOTE_CHARACTERS} characters` });
    const documentId = annotation['documentId'];
    if (documentId !== undefined && (typeof documentId !== 'string' || documentIdOfSource(documentId) === null)) errors.push({ path: `${at}.documentId`, message: 'documentId must be a document id' });
    const target = annotation['target'];
    const selectors = isObject(target) ? readSelectors(target['selector'], `${at}.target.selector`, errors) : (errors.push({ path: `${at}.target`, message: 'target must hold a selector list' }), null);
    const author = annotation['author'];
    if (errors.length > before || !tag.success || !visibility.success || selectors === null) return;
    candidates.push({
      path: at,
      sourceId: typeof annotation['id'] === 'string' ? annotation['id'] : null,
      sourceIri: null,
      sourceDocumentId: typeof documentId === 'string' ? documentId.toLowerCase() : null,
      tag: tag.data,
      note: typeof note === 'string' && note !== '' ? note : null,
      visibility: visibility.data,
      quote: selectors.quote,
      position: selectors.position,
      creator: isObject(author) ? { id: typeof author['id'] === 'string' ? author['id'] : null, name: typeof author['name'] === 'string' ? author['name'] : null } : null,
      created: typeof annotation['created'] === 'string' ? annotation['created'] : null,
    });
  });
  return candidates;
}
