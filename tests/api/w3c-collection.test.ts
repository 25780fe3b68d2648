// The W3C collection writer the exports stream through, checked against the Working Group's own schemas
// (annotations, collections, pages) — and the schema check itself, shown to reject broken annotations and
// the group's incorrect samples, so these validations can fail.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POSITION_UNIT, toW3cAnnotation, writeW3cCollection, type W3cAnnotationInput } from '../../apps/api/src/w3c/w3c-collection';
import { describeFailures, W3C_MODEL_DIR, W3cSchemas } from '../support/w3c-schemas';

type Json = Record<string, any>;
const schemas = new W3cSchemas();
const BASE = 'https://glossa.test/api';
const DOCUMENT = '8f1c1a52-5b5e-4c1e-9a59-2f3f1d0b6a11';

function row(i: number): W3cAnnotationInput {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    documentId: DOCUMENT,
    revisionId: '7d0c6a1e-3b7a-4a51-8f43-0d5a4f3f2c10',
    tag: ['claim', 'opinion', 'data'][i % 3]!,
    note: i % 2 === 0 ? `Note **${i}** 𠮷` : null,
    creator: { id: 'a1b2c3d4-0000-4000-8000-000000000001', name: '林 👩‍👩‍👧' },
    created: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
    modified: '2026-01-02T03:04:05.000Z',
    start: i,
    end: i + 2,
    exact: '𠮷野',
    prefix: '家族 👩‍👩‍👧 ',
    suffix: '家',
  };
}

async function* rows(n: number): AsyncIterable<W3cAnnotationInput> {
  for (let i = 0; i < n; i += 1) yield row(i);
}

async function written(n: number, pageSize?: number): Promise<{ text: string; chunks: number; count: number }> {
  let text = '';
  let chunks = 0;
  const count = await writeW3cCollection(rows(n), (chunk) => {
    text += chunk;
    chunks += 1;
  }, { baseUrl: BASE, id: `${BASE}/exports/test`, label: 'Export of 文件', pageSize });
  return { text, chunks, count };
}

function expectValidCollection(collection: Json): void {
  expect(describeFailures(schemas.collectionFailures(collection))).toBe('');
  const pages = [collection.first, ...(collection.pages ?? [])];
  for (const page of pages) {
    expect(describeFailures(schemas.pageFailures({ '@context': collection['@context'], ...page }))).toBe('');
    for (const annotation of page.items) expect(describeFailures(schemas.annotationFailures({ '@context': collection['@context'], ...annotation }))).toBe('');
  }
}

describe('the streaming collection writer', () => {
  it('writes one valid AnnotationCollection, chunk by chunk, declaring code points', async () => {
    const { text, chunks, count } = await written(7);
    expect(count).toBe(7);
    expect(chunks).toBeGreaterThan(7);
    const collection = JSON.parse(text) as Json;
    expect(collection).toMatchObject({ type: 'AnnotationCollection', total: 7, positionUnit: POSITION_UNIT, label: 'Export of 文件' });
    expect(collection['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection['@context'][1].positionUnit).toEqual({ '@id': 'glossa:positionUnit' });
    expect(collection.first.items).toHaveLength(7);
    expect(collection.last).toBe(collection.first.id);
    expectValidCollection(collection);
    const [first] = collection.first.items;
    expect(first.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: '𠮷野', prefix: '家族 👩‍👩‍👧 ', suffix: '家' },
      { type: 'TextPositionSelector', start: 0, end: 2 },
    ]);
    expect(first.body).toEqual([
      { type: 'TextualBody', purpose: 'tagging', value: 'claim' },
      { type: 'TextualBody', purpose: 'commenting', value: 'Note **0** 𠮷', format: 'text/markdown' },
    ]);
    expect(first.motivation).toBe('commenting');
    expect(collection.first.items[1].motivation).toBe('tagging');
  });

  it('splits into linked pages with a page size, every page valid', async () => {
    const collection = JSON.parse((await written(5, 2)).text) as Json;
    expect(collection.total).toBe(5);
    expect(collection.first.items).toHaveLength(2);
    expect(collection.pages.map((page: Json) => page.items.length)).toEqual([2, 1]);
    expect(collection.first.next).toBe(collection.pages[0].id);
    expect(collection.pages[0].prev).toBe(collection.first.id);
    expect(collection.pages[1].startIndex).toBe(4);
    expect(collection.last).toBe(collection.pages[1].id);
    expectValidCollection(collection);
  });

  it('writes an empty collection that still validates', async () => {
    const collection = JSON.parse((await written(0)).text) as Json;
    expect(collection.total).toBe(0);
    expect(describeFailures(schemas.collectionFailures(collection))).toBe('');
  });

  it('writes a standalone annotation with its context and the position unit', () => {
    const annotation = toW3cAnnotation(row(3), { baseUrl: BASE });
    expect(annotation.id).toBe(`${BASE}/documents/${DOCUMENT}/w3c/${row(3).id}`);
    expect(annotation.target.source).toBe(`${BASE}/documents/${DOCUMENT}/revisions/${row(3).revisionId}`);
    expect(annotation.positionUnit).toBe(POSITION_UNIT);
    expect(describeFailures(schemas.annotationFailures(annotation))).toBe('');
  });
});

describe('the schema check', () => {
  const good = (): Json => toW3cAnnotation(row(2), { baseUrl: BASE }) as unknown as Json;

  it.each([
    ['no @context', (a: Json) => delete a['@context']],
    ['a wrong type', (a: Json) => (a.type = 'Note')],
    ['no target', (a: Json) => delete a.target],
    ['an id that is not an IRI', (a: Json) => (a.id = 'not an iri')],
    ['a created that is not a date-time', (a: Json) => (a.created = 'yesterday')],
    ['body and bodyValue together', (a: Json) => (a.bodyValue = 'x')],
    ['a TextQuoteSelector without exact', (a: Json) => delete a.target.selector[0].exact],
  ])('rejects an annotation with %s', (_name, breakIt) => {
    const annotation = good();
    expect(schemas.annotationFailures(annotation)).toEqual([]);
    breakIt(annotation);
    expect(schemas.annotationFailures(annotation).length).toBeGreaterThan(0);
  });

  it("rejects every parsable one of the group's incorrect samples and accepts its correct ones", () => {
    const sample = (kind: string, name: string): unknown => JSON.parse(readFileSync(join(W3C_MODEL_DIR, 'tools', 'samples', kind, name), 'utf8'));
    let rejected = 0;
    for (const name of readdirSync(join(W3C_MODEL_DIR, 'tools', 'samples', 'incorrect'))) {
      let value: unknown;
      try {
        value = sample('incorrect', name);
      } catch {
        continue; // many incorrect samples are not JSON at all (README)
      }
      expect(schemas.annotationFailures(value).length, name).toBeGreaterThan(0);
      rejected += 1;
    }
    expect(rejected).toBeGreaterThan(10);
    // anno11–13 use constructs the final Recommendation dropped (README); collections/examples are not annotations.
    const annotations = readdirSync(join(W3C_MODEL_DIR, 'tools', 'samples', 'correct')).filter((name) => /^anno\d/.test(name) && !/^anno1[123]\.json$/.test(name));
    expect(annotations.length).toBeGreaterThan(30);
    for (const name of annotations) expect(describeFailures(schemas.annotationFailures(sample('correct', name))), name).toBe('');
  });

  it('rejects a page whose partOf is not a valid collection reference and a collection with a negative total', () => {
    const page = { '@context': 'http://www.w3.org/ns/anno.jsonld', id: `${BASE}/p`, type: 'AnnotationPage', items: [], partOf: { id: 'not an iri' } };
    expect(schemas.pageFailures(page).length).toBeGreaterThan(0);
    const collection = { '@context': 'http://www.w3.org/ns/anno.jsonld', id: `${BASE}/c`, type: 'AnnotationCollection', total: -1 };
    expect(schemas.collectionFailures(collection).length).toBeGreaterThan(0);
  });
});
