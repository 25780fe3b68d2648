// Reads one W3C Web Annotation (as another tool may write it) into what Glossa stores: one tag from a
// `tagging` TextualBody, an optional note from a `commenting` one, and the quote/position selectors.
// Every problem is a field error with its path (e.g. `items.3.target.selector`), never an exception.
import { ANNOTATION_TAGS, MAX_NOTE_CHARACTERS, MAX_QUOTE_CODE_POINTS, type AnnotationTag, type AnnotationVisibility, type FieldError } from '@glossa/contracts';

/** An annotation to import, whatever format it came in; anchored later against its target document. */
export interface ImportCandidate {
  /** Where it sits in the request, for field errors (`items.3`). */
  path: string;
  /** Its id in the imported data (an IRI or a Glossa id), kept in the creation event. */
  sourceId: string | null;
  /** The target source IRI (W3C) when there was one. */
  sourceIri: string | null;
  /** The document it was made on, when the data says (a Glossa id, or the id inside a Glossa IRI). */
  sourceDocumentId: string | null;
  tag: AnnotationTag;
  note: string | null;
  visibility: AnnotationVisibility;
  quote: { exact: string; prefix: string; suffix: string } | null;
  position: { start: number; end: number } | null;
  /** The original creator (kept in the creation event; the importer becomes the author). */
  creator: { id: string | null; name: string | null } | null;
  created: string | null;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);
const asList = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const hasType = (value: Json, type: string): boolean => asList(value['type']).includes(type);
const codePoints = (value: string): number => [...value].length;
/** A field path below `base`; the root of a request body is ''. */
export const join = (base: string, key: string): string => (base === '' ? key : `${base}.${key}`);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOCUMENT_IN_IRI = /\/documents\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:[/?#]|$)/i;

/** The document id a Glossa IRI names (`…/documents/:id/revisions/:rev`, `…/documents/:id/w3c/…`), or a bare id. */
export function documentIdOfSource(source: string): string | null {
  if (UUID.test(source)) return source.toLowerCase();
  const match = DOCUMENT_IN_IRI.exec(source);
  return match ? match[1]!.toLowerCase() : null;
}

const isTag = (value: unknown): value is AnnotationTag => typeof value === 'string' && (ANNOTATION_TAGS as readonly string[]).includes(value);

function readBodies(annotation: Json, path: string, errors: FieldError[]): { tag: AnnotationTag | null; note: string | null } {
  const tags: Array<{ value: unknown; at: string }> = [];
  const notes: string[] = [];
  const single = !Array.isArray(annotation['body']);
  asList(annotation['body']).forEach((body, index) => {
    const at = single ? join(path, `body`) : join(path, `body.${index}`);
    if (!isObject(body)) return; // an IRI body (an external resource) carries nothing Glossa keeps
    const purposes = asList(body['purpose']);
    const motivation = asList(annotation['motivation']);
    const value = body['value'];
    const isTagging = purposes.includes('tagging') || (purposes.length === 0 && motivation.includes('tagging') && !motivation.includes('commenting'));
    if (isTagging) tags.push({ value: typeof value === 'string' ? value.trim() : value, at: join(at, `value`) });
    else if ((purposes.includes('commenting') || purposes.includes('describing') || purposes.length === 0) && typeof value === 'string') notes.push(value);
  });
  if (typeof annotation['bodyValue'] === 'string') notes.push(annotation['bodyValue']);

  let tag: AnnotationTag | null = null;
  if (tags.length === 0) {
    errors.push({ path: join(path, `body`), message: 'needs a TextualBody with purpose tagging whose value is claim, opinion or data' });
  } else if (tags.length > 1) {
    errors.push({ path: join(path, `body`), message: 'holds more than one tagging body; a Glossa annotation has exactly one tag' });
  } else if (!isTag(tags[0]!.value)) {
    errors.push({ path: tags[0]!.at, message: 'the tag must be claim, opinion or data' });
  } else tag = tags[0]!.value;

  const note = notes.length > 0 ? notes.join('\n\n') : null;
  if (note !== null && codePoints(note) > MAX_NOTE_CHARACTERS) {
    errors.push({ path: join(path, `body`), message: `the note must be at most ${MAX_NOTE_CHARACTERS} characters` });
  }
  return { tag, note };
}

/** Reads TextQuoteSelector and TextPositionSelector out of a selector list; other selector types are ignored. */
export function readSelectors(
  selectorValue: unknown,
  path: string,
  errors: FieldError[],
): { quote: ImportCandidate['quote']; position: ImportCandidate['position'] } {
  let quote: ImportCandidate['quote'] = null;
  let position: ImportCandidate['position'] = null;
  const single = !Array.isArray(selectorValue);
  asList(selectorValue).forEach((selector, index) => {
    const at = single ? path : join(path, `${index}`);
    if (!isObject(selector)) return;
    if (hasType(selector, 'TextQuoteSelector') && quote === null) {
      const { exact, prefix, suffix } = selector;
      if (typeof exact !== 'string' || exact.length === 0) errors.push({ path: join(at, `exact`), message: 'exact must be a non-empty string' });
      else if (codePoints(exact) > MAX_QUOTE_CODE_POINTS) errors.push({ path: join(at, `exact`), message: `exact must be at most ${MAX_QUOTE_CODE_POINTS} characters` });
      else if ((prefix !== undefined && typeof prefix !== 'string') || (suffix !== undefined && typeof suffix !== 'string')) {
        errors.push({ path: at, message: 'prefix and suffix must be strings' });
      } else {
        quote = { exact, prefix: typeof prefix === 'string' ? [...prefix].slice(-MAX_QUOTE_CODE_POINTS).join('') : '', suffix: typeof suffix === 'string' ? [...suffix].slice(0, MAX_QUOTE_CODE_POINTS).join('') : '' };
      }
    } else if (hasType(selector, 'TextPositionSelector') && position === null) {
      const { start, end } = selector;
      if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || (start as number) < 0) {
        errors.push({ path: at, message: 'start and end must be non-negative whole numbers (code points)' });
      } else if ((end as number) <= (start as number)) errors.push({ path: join(at, `end`), message: 'end must be greater than start' });
      else position = { start: start as number, end: end as number };
    }
  });
  if (quote === null && position === null && !errors.some((error) => error.path.startsWith(path))) {
    errors.push({ path, message: 'needs a TextQuoteSelector or a TextPositionSelector' });
  }
  return { quote, position };
}

/** One W3C annotation at `path`; null (with errors) when it cannot be imported. */
export function parseW3cAnnotation(value: unknown, path: string, errors: FieldError[]): ImportCandidate | null {
  const before = errors.length;
  if (!isObject(value)) {
    errors.push({ path: path === '' ? '(body)' : path, message: 'must be an Annotation object' });
    return null;
  }
  if (!hasType(value, 'Annotation')) errors.push({ path: join(path, `type`), message: 'type must be Annotation' });
  const { tag, note } = readBodies(value, path, errors);

  const targets = asList(value['target']);
  let sourceIri: string | null = null;
  let selectors: ReturnType<typeof readSelectors> = { quote: null, position: null };
  if (targets.length !== 1) {
    errors.push({ path: join(path, `target`), message: 'needs exactly one target: a SpecificResource with selectors' });
  } else {
    const target = targets[0];
    const at = Array.isArray(value['target']) ? join(path, `target.0`) : join(path, `target`);
    if (!isObject(target)) {
      errors.push({ path: at, message: 'the target must be a SpecificResource with a TextQuoteSelector or TextPositionSelector' });
    } else {
      if (target['source'] !== undefined && typeof target['source'] !== 'string') errors.push({ path: join(at, `source`), message: 'source must be an IRI' });
      else if (typeof target['source'] === 'string') sourceIri = target['source'];
      selectors = readSelectors(target['selector'], join(at, `selector`), errors);
    }
  }

  const creatorValue = asList(value['creator'])[0];
  const creator = isObject(creatorValue)
    ? { id: typeof creatorValue['id'] === 'string' ? creatorValue['id'] : null, name: typeof creatorValue['name'] === 'string' ? creatorValue['name'] : null }
    : typeof creatorValue === 'string'
      ? { id: creatorValue, name: null }
      : null;

  if (errors.length > before || tag === null) return null;
  return {
    path,
    sourceId: typeof value['id'] === 'string' ? value['id'] : null,
    sourceIri,
    sourceDocumentId: sourceIri === null ? null : documentIdOfSource(sourceIri),
    tag,
    note,
    visibility: 'shared',
    quote: selectors.quote,
    position: selectors.position,
    creator,
    created: typeof value['created'] === 'string' ? value['created'] : null,
  };
}
