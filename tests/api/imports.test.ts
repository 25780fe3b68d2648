// Annotation imports into a workspace (issue 7): a W3C round trip into a new workspace lands on the same
// characters after 𠮷, 👩‍👩‍👧 and CJK (from the container, the collection writer and the export endpoint);
// Glossa JSON imports too; the quote wins over the position; what does not match is kept detached; one bad
// item stores nothing (checked in the database); nothing outside the target workspace can be touched.
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnnotationList, ImportResult } from '@glossa/contracts';
import { api, joinWithRole, newSession, query, signInAsOwner, signUpStranger, type Session, type TestUser } from '../support/api';
import { writeW3cCollection, type W3cAnnotationInput } from '../../apps/api/src/w3c/w3c-collection';
import { describeFailures, W3cSchemas } from '../support/w3c-schemas';
import { annotatePhrase, FAMILY, importDocument, json, LD_JSON, newWorkspace, slice, span, w3cBody, type Doc } from './w3c-fixture';

type Json = Record<string, any>;

const schemas = new W3cSchemas();

let owner: Session;
let sourceWorkspace: string;
let author: TestUser;
let source: Doc;
let stranger: TestUser;

/** The phrases annotated in the source document: after astral characters, CJK, and astral ones themselves. */
const PHRASES = [
  { phrase: '𠮷野家', tag: 'claim', note: null },
  { phrase: FAMILY, tag: 'data', note: 'A family of *three* 👩‍👩‍👧' },
  { phrase: '目標段落', tag: 'opinion', note: '注釋 with Markdown **bold**' },
  { phrase: 'English phrase', tag: 'claim', note: 'after the emoji' },
  { phrase: '最後的句子', tag: 'data', note: null },
] as const;

const importPath = (workspaceId: string) => `/api/workspaces/${workspaceId}/import`;

async function listOf(session: Session, documentId: string): Promise<AnnotationList> {
  const response = await session.get(`/api/documents/${documentId}/annotations`);
  expect(response.status).toBe(200);
  return json<AnnotationList>(response);
}

/** What an annotation is, independent of ids and people: tag, note, span and quote. */
function essence(list: AnnotationList): Array<Record<string, unknown>> {
  return list.items
    .map((a) => ({ tag: a.tag, note: a.note, start: a.target.selector[0].start, end: a.target.selector[0].end, exact: a.target.selector[1].exact, anchorStatus: a.anchorStatus }))
    .sort((x, y) => x.start - y.start || x.end - y.end);
}

async function workspaceCounts(workspaceId: string): Promise<{ annotations: number; events: number }> {
  const [row] = await query<{ annotations: number; events: number }>(
    `SELECT (SELECT count(*) FROM annotation WHERE workspace_id = $1)::int AS annotations,
            (SELECT count(*) FROM event WHERE workspace_id = $1)::int AS events`,
    [workspaceId],
  );
  return row!;
}

beforeAll(async () => {
  owner = await signInAsOwner();
  sourceWorkspace = await newWorkspace(owner, 'Import source');
  author = await joinWithRole(owner, sourceWorkspace, 'analyst', 'import-author');
  stranger = await signUpStranger('import-stranger');
  source = await importDocument(author.session, sourceWorkspace, 'Source 文件');
  for (const { phrase, tag, note } of PHRASES) await annotatePhrase(author.session, source, phrase, { tag, ...(note ? { note } : {}) });
});

describe('a W3C round trip', () => {
  it('export from the container → import into a new workspace → the same annotations on the same characters', async () => {
    const exported = await author.session.get(`/api/documents/${source.id}/w3c/`);
    expect(exported.status).toBe(200);
    const collection = await json<Json>(exported);
    expect(collection.total).toBe(PHRASES.length);

    // A new workspace of someone else, with the same document imported there.
    const target = await newWorkspace(stranger.session, 'Round trip');
    const copy = await importDocument(stranger.session, target, 'Copy 文件');
    expect(copy.text).toBe(source.text);
    const response = await stranger.session.request(importPath(target), { method: 'POST', body: JSON.stringify({ data: collection, documentId: copy.id }), headers: { 'content-type': LD_JSON } });
    expect(response.status).toBe(201);
    const result = await json<ImportResult>(response);
    expect(result).toMatchObject({ format: 'w3c', imported: PHRASES.length, anchored: PHRASES.length, detached: 0 });
    expect(new Set(result.annotations.map((a) => a.sourceId))).toEqual(new Set(collection.first.items.map((a: Json) => a.id)));

    const original = await listOf(author.session, source.id);
    const imported = await listOf(stranger.session, copy.id);
    expect(essence(imported)).toEqual(essence(original));
    for (const annotation of imported.items) {
      const [position, quote] = annotation.target.selector;
      expect(slice(copy.text, position.start, position.end)).toBe(quote.exact);
      expect(annotation.target.revisionId).toBe(copy.revisionId);
      // New ids, the importer as author; the original creator stays in the history.
      expect(original.items.map((a) => a.id)).not.toContain(annotation.id);
      expect(annotation.author.id).toBe(stranger.me.user.id);
    }
    for (const { phrase } of PHRASES) expect(essence(imported).some((a) => a.exact === phrase && a.start === span(copy.text, phrase).start)).toBe(true);
    const [event] = await query<{ payload: Json }>(`SELECT payload FROM event WHERE subject_id = $1 AND type = 'annotation.created'`, [imported.items[0]!.id]);
    expect(event!.payload.changes.importedFrom.creator.name).toBe('import-author');
    expect(event!.payload.changes.importedFrom.format).toBe('w3c');
  });

  it('finds the target through documentMap (source IRI or source document id) and accepts a bare page or array', async () => {
    const collection = await json<Json>(await author.session.get(`/api/documents/${source.id}/w3c/`));
    const target = await newWorkspace(stranger.session, 'Mapped');
    const copy = await importDocument(stranger.session, target, 'Mapped copy');
    const bySourceIri = await stranger.session.post(importPath(target), { data: collection.first, documentMap: { [collection.first.items[0].target.source]: copy.id } });
    expect(bySourceIri.status).toBe(201);
    expect((await json<ImportResult>(bySourceIri)).imported).toBe(PHRASES.length);
    const byDocumentId = await stranger.session.post(importPath(target), { data: collection.first.items.slice(0, 2), documentMap: { [source.id]: copy.id } });
    expect((await json<ImportResult>(byDocumentId)).imported).toBe(2);
    // A file export splits long collections into pages listed after `first`: every page is imported.
    const items = collection.first.items as Json[];
    const split = { ...collection, first: { ...collection.first, items: items.slice(0, 2), next: `${collection.id}?page=1` }, pages: [{ type: 'AnnotationPage', items: items.slice(2) }] };
    const paged = await stranger.session.post(importPath(target), { data: split, documentId: copy.id });
    expect((await json<ImportResult>(paged)).imported).toBe(PHRASES.length);
    // A bare single annotation with ?documentId=.
    const single = await stranger.session.post(`${importPath(target)}?documentId=${copy.id}`, collection.first.items[0]);
    expect(single.status).toBe(201);
    expect((await listOf(stranger.session, copy.id)).items).toHaveLength(2 * PHRASES.length + 3);
  });

  it('into the same workspace, a source IRI of one of its documents is enough', async () => {
    const copy = await importDocument(author.session, sourceWorkspace, 'Same workspace copy');
    const collection = await json<Json>(await author.session.get(`/api/documents/${source.id}/w3c/`));
    const before = (await listOf(author.session, source.id)).items.length;
    const response = await author.session.post(importPath(sourceWorkspace), collection);
    expect(response.status).toBe(201);
    expect((await listOf(author.session, source.id)).items).toHaveLength(before * 2);
    expect((await listOf(author.session, copy.id)).items).toHaveLength(0);
  });
});

describe('a file export written by the collection writer', () => {
  it('round-trips through writeW3cCollection split into pages (the form exports stream)', async () => {
    const rows = await query<Json>(
      `SELECT a.id, a.document_id, a.revision_id, a.tag, a.note, a.author_id, u.name AS author_name, a.created_at, a.modified_at,
              a.start_offset, a.end_offset, a.quote_exact, a.quote_prefix, a.quote_suffix
         FROM annotation a JOIN app_user u ON u.id = a.author_id
        WHERE a.document_id = $1 AND a.deleted_at IS NULL ORDER BY a.start_offset, a.id`,
      [source.id],
    );
    const inputs: W3cAnnotationInput[] = rows.map((r) => ({
      id: r.id, documentId: r.document_id, revisionId: r.revision_id, tag: r.tag, note: r.note, creator: { id: r.author_id, name: r.author_name },
      created: r.created_at, modified: r.modified_at, start: r.start_offset, end: r.end_offset, exact: r.quote_exact, prefix: r.quote_prefix, suffix: r.quote_suffix,
    }));
    let file = '';
    await writeW3cCollection(inputs, (chunk) => void (file += chunk), { baseUrl: 'https://elsewhere.test/api', id: 'https://elsewhere.test/api/export', label: 'Export', pageSize: 2 });
    const collection = JSON.parse(file) as Json;
    expect(collection.pages.length).toBeGreaterThan(0);

    const target = await newWorkspace(stranger.session, 'Writer round trip');
    const copy = await importDocument(stranger.session, target, 'Writer copy');
    const response = await stranger.session.post(importPath(target), { data: collection, documentMap: { [source.id]: copy.id } });
    expect(response.status).toBe(201);
    expect((await json<ImportResult>(response)).imported).toBe(inputs.length);
    expect(essence(await listOf(stranger.session, copy.id))).toEqual(essence(await listOf(author.session, source.id)));
  });
});

describe('the export endpoint', () => {
  it.each(['w3c', 'json'] as const)('format=%s downloads import back into a new workspace on the same characters', async (format) => {
    const exported = await author.session.get(`/api/documents/${source.id}/export?format=${format}`);
    expect(exported.status).toBe(200);
    const data = await json<Json>(exported);
    if (format === 'w3c') {
      expect(describeFailures(schemas.collectionFailures(data))).toBe('');
      for (const page of [data.first, ...(data.pages ?? [])]) {
        for (const annotation of page.items) expect(describeFailures(schemas.annotationFailures({ '@context': data['@context'], ...annotation }))).toBe('');
      }
    }
    const target = await newWorkspace(stranger.session, `Export ${format}`);
    const copy = await importDocument(stranger.session, target, `Export ${format} copy`);
    const response = await stranger.session.post(importPath(target), { data, documentMap: { [source.id]: copy.id } });
    expect(response.status).toBe(201);
    expect(await json<ImportResult>(response)).toMatchObject({ format: format === 'w3c' ? 'w3c' : 'glossa', detached: 0 });
    expect(essence(await listOf(stranger.session, copy.id))).toEqual(essence(await listOf(author.session, source.id)));
  });
});

describe('Glossa JSON', () => {
  it('imports the annotations of a Glossa export into a new workspace with documentMap', async () => {
    const list = await listOf(author.session, source.id);
    const exported = {
      glossa: 'export',
      version: 1,
      exportedAt: new Date().toISOString(),
      workspace: { id: sourceWorkspace, name: 'Import source' },
      documents: [{ id: source.id, title: 'Source 文件' }],
      annotations: list.items,
      links: [],
      comments: [],
      events: [],
    };
    const target = await newWorkspace(stranger.session, 'Glossa JSON');
    const copy = await importDocument(stranger.session, target, 'Glossa copy');
    const response = await stranger.session.post(importPath(target), { data: exported, documentMap: { [source.id]: copy.id } });
    expect(response.status).toBe(201);
    expect(await json<ImportResult>(response)).toMatchObject({ format: 'glossa', imported: list.items.length, detached: 0 });
    expect(essence(await listOf(stranger.session, copy.id))).toEqual(essence(list));
  });
});

describe('anchoring', () => {
  it('lets the quote win over a position that points elsewhere, and keeps unmatched ones detached', async () => {
    const MISSING = 'a "sentence", never {here} \\ NULL';
    const NOTE = 'kept "as is", {x} \\ NULL';
    const target = await newWorkspace(stranger.session, 'Anchoring');
    const copy = await importDocument(stranger.session, target, 'Anchoring copy');
    const wanted = span(copy.text, '目標段落');
    const items = [
      w3cBody({ exact: '目標段落', start: 0, end: 4 }),
      w3cBody({ exact: MISSING, start: 3, end: 9, note: NOTE }),
      w3cBody({ exact: '不存在的引文', tag: 'data' }),
    ];
    const response = await stranger.session.post(`${importPath(target)}?documentId=${copy.id}`, items);
    expect(response.status).toBe(201);
    const result = await json<ImportResult>(response);
    expect(result).toMatchObject({ imported: 3, anchored: 1, detached: 2 });
    const list = await listOf(stranger.session, copy.id);
    const anchored = list.items.find((a) => a.anchorStatus === 'anchored')!;
    expect(anchored.target.selector[0]).toMatchObject(wanted);
    const detached = list.items.filter((a) => a.anchorStatus === 'detached');
    expect(detached.map((a) => a.target.selector[1].exact).sort()).toEqual([MISSING, '不存在的引文'].sort());
    // Stored exactly as sent, characters that need escaping in SQL arrays included.
    expect(detached.find((a) => a.note === NOTE)!.target.selector[0]).toMatchObject({ start: 3 });
  });
});

describe('refusals store nothing', () => {
  it('one bad item → 400 naming the item and field, and not one row or event written', async () => {
    const target = await newWorkspace(stranger.session, 'All or nothing');
    const copy = await importDocument(stranger.session, target, 'AON copy');
    const before = await workspaceCounts(target);
    const collection = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      first: {
        type: 'AnnotationPage',
        items: [
          w3cBody({ exact: '目標段落' }),
          w3cBody({ exact: '家族' }),
          w3cBody({ exact: '更多文字', tag: 'gossip' }),
          { ...w3cBody({ exact: '更多文字' }), target: { type: 'SpecificResource', selector: [{ type: 'TextPositionSelector', start: 5, end: 2 }] } },
        ],
      },
    };
    const response = await stranger.session.post(importPath(target), { data: collection, documentId: copy.id });
    expect(response.status).toBe(400);
    const { error } = await json<Json>(response);
    expect(error.fields).toEqual([
      { path: 'data.first.items.2.body.0.value', message: expect.stringContaining('claim, opinion or data') },
      { path: 'data.first.items.3.target.selector.0.end', message: expect.stringContaining('greater than start') },
    ]);
    expect(await workspaceCounts(target)).toEqual(before);

    // A position-only item past the end of the text fails while anchoring: the earlier items roll back.
    const late = [w3cBody({ exact: '目標段落' }), { ...w3cBody({ exact: 'x' }), target: { type: 'SpecificResource', selector: { type: 'TextPositionSelector', start: 100000, end: 100002 } } }];
    const lateResponse = await stranger.session.post(`${importPath(target)}?documentId=${copy.id}`, late);
    expect(lateResponse.status).toBe(400);
    expect((await json<Json>(lateResponse)).error.fields).toEqual([{ path: '1.target.selector', message: expect.stringContaining('outside the document') }]);
    expect(await workspaceCounts(target)).toEqual(before);
  });

  it('refuses what is not an import with a reason', async () => {
    const target = await newWorkspace(stranger.session, 'Bad input');
    const before = await workspaceCounts(target);
    const notPayload = await stranger.session.post(importPath(target), { hello: 'world' });
    expect(notPayload.status).toBe(400);
    expect((await json<Json>(notPayload)).error.fields[0].path).toBe('(body)');
    const badEnvelope = await stranger.session.post(importPath(target), { data: [], documentId: 'nope' });
    expect((await json<Json>(badEnvelope)).error.fields[0].path).toBe('documentId');
    const badGlossa = await stranger.session.post(importPath(target), { glossa: 'export', version: 2, annotations: [{ tag: 'claim' }] });
    const fields = (await json<Json>(badGlossa)).error.fields.map((f: Json) => f.path);
    expect(fields).toEqual(['version', 'annotations.0.target']);
    const tooMany = await stranger.session.post(importPath(target), new Array(10_001).fill(0));
    expect(tooMany.status).toBe(400);
    expect((await json<Json>(tooMany)).error.fields).toEqual([{ path: '(body)', message: expect.stringContaining('at most 10000') }]);
    expect(await workspaceCounts(target)).toEqual(before);
  });

  it('touches nothing outside the target workspace: foreign ids are 404, foreign sources 400', async () => {
    const target = await newWorkspace(stranger.session, 'Foreign');
    await importDocument(stranger.session, target, 'Foreign copy');
    const before = { target: await workspaceCounts(target), source: await workspaceCounts(sourceWorkspace) };
    const collection = await json<Json>(await author.session.get(`/api/documents/${source.id}/w3c/`));
    // The source document of another workspace, named outright:
    const named = await stranger.session.post(importPath(target), { data: collection, documentId: source.id });
    expect(named.status).toBe(404);
    const mapped = await stranger.session.post(importPath(target), { data: collection, documentMap: { [source.id]: source.id } });
    expect(mapped.status).toBe(404);
    // …or only through the source IRIs: those name no document of this workspace.
    const implicit = await stranger.session.post(importPath(target), collection);
    expect(implicit.status).toBe(400);
    expect((await json<Json>(implicit)).error.fields[0].path).toBe('first.items.0.target.source');
    // Importing into someone else's workspace is 404; a viewer may not import; anonymous is 401.
    expect((await stranger.session.post(importPath(sourceWorkspace), { data: collection, documentId: source.id })).status).toBe(404);
    const viewer = await joinWithRole(owner, sourceWorkspace, 'viewer', 'import-viewer');
    expect((await viewer.session.post(importPath(sourceWorkspace), { data: collection, documentId: source.id })).status).toBe(403);
    expect((await newSession().post(importPath(sourceWorkspace), [])).status).toBe(401);
    expect((await api(importPath(sourceWorkspace), { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer nope' }, body: '[]' })).status).toBe(401);
    expect(await workspaceCounts(target)).toEqual(before.target);
    // (the viewer joining wrote its own member.joined event in the source workspace; no annotation appeared)
    expect((await workspaceCounts(sourceWorkspace)).annotations).toBe(before.source.annotations);
  });
});
