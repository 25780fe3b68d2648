// The Web Annotation Protocol on a real server (issue 7): the per-document LDP container's headers,
// content negotiation and paging with Prefer, POST/GET/PUT/DELETE mapped onto the annotation use cases,
// If-Match (412 stale, 428 missing), 404 for foreign callers, 401 anonymous — and every annotation and
// page it serves validated against the W3C Working Group's schemas.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CreatedToken } from '@glossa/contracts';
import { api, joinWithRole, query, signInAsOwner, signUpStranger, type Session, type TestUser } from '../support/api';
import { describeFailures, W3cSchemas } from '../support/w3c-schemas';
import { ANNO_PROFILE, annotatePhrase, importDocument, json, LD_JSON, newWorkspace, sendLd, slice, span, w3cBody, type Doc } from './w3c-fixture';

type Json = Record<string, any>;

const schemas = new W3cSchemas();
let owner: Session;
let workspaceId: string;
let analyst: TestUser;
let viewer: TestUser;
let stranger: TestUser;
let doc: Doc;

const container = (documentId: string) => `/api/documents/${documentId}/w3c/`;

/** An annotation embedded in a collection inherits its @context; the schemas check it standalone. */
function expectValidAnnotation(annotation: Json, context: unknown = annotation['@context']): void {
  expect(describeFailures(schemas.annotationFailures({ ...annotation, '@context': context }))).toBe('');
}

/** The Protocol's media type with the anno.jsonld profile (Fastify adds the charset). */
function expectLd(response: Response): void {
  expect(response.headers.get('content-type')!.startsWith(LD_JSON)).toBe(true);
}

function expectValidPage(page: Json, context: unknown): void {
  expect(describeFailures(schemas.pageFailures({ ...page, '@context': context }))).toBe('');
  for (const item of page.items) if (typeof item !== 'string') expectValidAnnotation(item, context);
}

beforeAll(async () => {
  owner = await signInAsOwner();
  workspaceId = await newWorkspace(owner, 'W3C protocol');
  analyst = await joinWithRole(owner, workspaceId, 'analyst', 'w3c-ana');
  viewer = await joinWithRole(owner, workspaceId, 'viewer', 'w3c-vi');
  stranger = await signUpStranger('w3c-stranger');
  doc = await importDocument(analyst.session, workspaceId, 'Protocol 文件');
});

describe('the container', () => {
  it('answers GET with the protocol headers and a collection that validates', async () => {
    await annotatePhrase(analyst.session, doc, '目標段落', { note: 'A *note*' });
    const response = await analyst.session.get(container(doc.id));
    expect(response.status).toBe(200);
    expectLd(response);
    const link = response.headers.get('link')!;
    expect(link).toContain('<http://www.w3.org/ns/ldp#BasicContainer>; rel="type"');
    expect(link).toContain('<http://www.w3.org/TR/annotation-protocol/>; rel="http://www.w3.org/ns/ldp#constrainedBy"');
    expect(response.headers.get('etag')).toMatch(/^W\/".+"$/);
    expect(response.headers.get('allow')).toBe('GET, HEAD, POST');
    expect(response.headers.get('vary')).toBe('Accept, Prefer');
    expect(response.headers.get('accept-post')).toBe(LD_JSON);
    const body = await json<Json>(response);
    expect(response.headers.get('content-location')).toBe(body.id);
    expect(body.id.endsWith(`/api/documents/${doc.id}/w3c/`)).toBe(true);
    expect(body.type).toEqual(['BasicContainer', 'AnnotationCollection']);
    expect(body.positionUnit).toBe('unicode-code-point');
    expect(body['@context'][0]).toBe(ANNO_PROFILE);
    expect(describeFailures(schemas.collectionFailures(body))).toBe('');
    expectValidPage(body.first, body['@context']);
    const head = await analyst.session.request(container(doc.id), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(response.headers.get('etag'));
    expect(head.headers.get('link')).toBe(link);
    const [annotation] = body.first.items as Json[];
    expect(annotation!.body).toEqual([
      { type: 'TextualBody', purpose: 'tagging', value: 'claim' },
      { type: 'TextualBody', purpose: 'commenting', value: 'A *note*', format: 'text/markdown' },
    ]);
    const [quote, position] = annotation!.target.selector;
    expect(quote.exact).toBe('目標段落');
    expect(slice(doc.text, position.start, position.end)).toBe('目標段落');
    expect(annotation!.target.source).toMatch(new RegExp(`/api/documents/${doc.id}/revisions/${doc.revisionId}$`));
  });

  it('answers /w3c without the slash like the container, naming the slash IRI in Content-Location', async () => {
    const withSlash = await analyst.session.get(`${container(doc.id)}?page=0`);
    const without = await analyst.session.get(`/api/documents/${doc.id}/w3c?page=0`);
    expect(without.status).toBe(200);
    expect(without.headers.get('content-location')).toBe(withSlash.headers.get('content-location'));
    expect(without.headers.get('content-location')).toMatch(/\/w3c\/\?page=0$/);
    expect(await without.json()).toEqual(await withSlash.json());
  });

  it('negotiates plain JSON when asked, JSON-LD otherwise', async () => {
    const plain = await analyst.session.get(container(doc.id), { headers: { accept: 'application/json' } });
    expect(plain.headers.get('content-type')).toMatch(/^application\/json/);
    const ld = await analyst.session.get(container(doc.id), { headers: { accept: `application/ld+json;profile="${ANNO_PROFILE}", application/json;q=0.5` } });
    expectLd(ld);
    const any = await analyst.session.get(container(doc.id), { headers: { accept: '*/*' } });
    expectLd(any);
    expect((await json<Json>(plain)).id).toBe((await json<Json>(ld)).id);
  });

  it('pages with ?page=N and honours Prefer (contained IRIs, minimal container), with ETag and 304', async () => {
    const paged = await importDocument(analyst.session, workspaceId, 'Paged');
    // 51 annotations: one more than a page.
    const phrases = ['家族', '𠮷野家', '目標段落', '更多文字', 'English phrase'];
    for (let i = 0; i < 51; i += 1) {
      const response = await sendLd(analyst.session, 'POST', container(paged.id), w3cBody({ exact: phrases[i % phrases.length]!, note: `n${i}` }));
      expect(response.status).toBe(201);
    }
    const collection = await json<Json>(await analyst.session.get(container(paged.id)));
    expect(collection.total).toBe(51);
    expect(collection.first.items).toHaveLength(50);
    expect(collection.first.startIndex).toBe(0);
    expect(collection.first.next).toBe(`${collection.id}?page=1`);
    expect(collection.last).toBe(`${collection.id}?page=1`);
    expect(describeFailures(schemas.collectionFailures(collection))).toBe('');
    expectValidPage(collection.first, collection['@context']);

    const second = await analyst.session.get(`${container(paged.id)}?page=1`);
    expect(second.status).toBe(200);
    expect(second.headers.get('content-location')).toBe(`${collection.id}?page=1`);
    const page = await json<Json>(second);
    expect(page).toMatchObject({ type: 'AnnotationPage', startIndex: 50, prev: `${collection.id}?page=0`, partOf: { id: collection.id, total: 51 } });
    expect(page.next).toBeUndefined();
    expect(page.items).toHaveLength(1);
    expectValidPage(page, page['@context']);
    expect((await analyst.session.get(`${container(paged.id)}?page=2`)).status).toBe(404);
    expect((await analyst.session.get(`${container(paged.id)}?page=x`)).status).toBe(400);

    const iris = await analyst.session.get(container(paged.id), { headers: { prefer: 'return=representation; include="http://www.w3.org/ns/oa#PreferContainedIRIs"' } });
    expect(iris.headers.get('preference-applied')).toBe('return=representation');
    const irisBody = await json<Json>(iris);
    expect(irisBody.first.items.every((item: unknown) => typeof item === 'string' && item.startsWith(collection.id))).toBe(true);
    expect(irisBody.first.items).toEqual(collection.first.items.map((item: Json) => item.id));
    expectValidPage(irisBody.first, irisBody['@context']);

    const minimal = await json<Json>(await analyst.session.get(container(paged.id), { headers: { prefer: 'return=representation; include="http://www.w3.org/ns/ldp#PreferMinimalContainer"' } }));
    expect(minimal.first).toBe(`${collection.id}?page=0`);
    expect(describeFailures(schemas.collectionFailures(minimal))).toBe('');

    const full = await analyst.session.get(container(paged.id), { headers: { prefer: 'return=representation; include="http://www.w3.org/ns/oa#PreferContainedDescriptions"' } });
    const etag = full.headers.get('etag')!;
    expect((await analyst.session.get(container(paged.id), { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect(iris.headers.get('etag')).not.toBe(etag);
    await sendLd(analyst.session, 'POST', container(paged.id), w3cBody({ exact: '家族' }));
    const after = await analyst.session.get(container(paged.id), { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
  });
});

describe('creating, reading, replacing and deleting', () => {
  it('POST creates from a W3C annotation, anchored on the characters after 𠮷 and 👩‍👩‍👧', async () => {
    const phrase = 'English phrase';
    const response = await sendLd(analyst.session, 'POST', container(doc.id), w3cBody({ tag: 'data', note: 'From another tool', exact: phrase, prefix: 'the ' }));
    expect(response.status).toBe(201);
    expectLd(response);
    expect(response.headers.get('etag')).toBe('"1"');
    const body = await json<Json>(response);
    expect(response.headers.get('location')).toBe(body.id);
    expectValidAnnotation(body);
    expect(body.positionUnit).toBe('unicode-code-point');
    const [quote, position] = body.target.selector;
    expect(position).toEqual({ type: 'TextPositionSelector', ...span(doc.text, phrase) });
    expect(quote.exact).toBe(phrase);
    expect(body.body[0].value).toBe('data');
    // The same annotation through the Glossa API.
    const id = body.id.split('/').pop();
    const glossa = await json<Json>(await analyst.session.get(`/api/annotations/${id}`));
    expect(glossa).toMatchObject({ tag: 'data', note: 'From another tool', anchorStatus: 'anchored', author: { id: analyst.me.user.id } });
    const [event] = await query<{ type: string }>(`SELECT type FROM event WHERE subject_id = $1`, [id]);
    expect(event?.type).toBe('annotation.created');
  });

  it('POST accepts plain application/json too, and an Idempotency-Key replays the same annotation', async () => {
    const body = w3cBody({ exact: '最後的句子' });
    const first = await analyst.session.post(container(doc.id), body, { headers: { 'idempotency-key': 'w3c-retry-1' } });
    expect(first.status).toBe(201);
    const again = await analyst.session.post(container(doc.id), body, { headers: { 'idempotency-key': 'w3c-retry-1' } });
    expect(again.status).toBe(201);
    expect((await json<Json>(again)).id).toBe((await json<Json>(first)).id);
  });

  it('POST refuses what it cannot store, with field reasons, and stores nothing', async () => {
    const count = async () => (await query<{ n: number }>(`SELECT count(*)::int AS n FROM annotation WHERE document_id = $1`, [doc.id]))[0]!.n;
    const before = await count();
    const noTag = await sendLd(analyst.session, 'POST', container(doc.id), { ...w3cBody({ exact: '家族' }), body: [{ type: 'TextualBody', purpose: 'commenting', value: 'x' }] });
    expect(noTag.status).toBe(400);
    expect((await json<Json>(noTag)).error.fields).toEqual([{ path: 'body', message: expect.stringContaining('tagging') }]);
    const badTag = await sendLd(analyst.session, 'POST', container(doc.id), w3cBody({ tag: 'rumour', exact: '家族' }));
    expect((await json<Json>(badTag)).error.fields[0].path).toBe('body.0.value');
    const noSelector = await sendLd(analyst.session, 'POST', container(doc.id), { ...w3cBody({ exact: '家族' }), target: { type: 'SpecificResource', selector: [] } });
    expect((await json<Json>(noSelector)).error.fields[0].path).toBe('target.selector');
    const otherDocument = await sendLd(analyst.session, 'POST', container(doc.id), w3cBody({ exact: '家族', source: `http://elsewhere/api/documents/00000000-0000-4000-8000-000000000000/revisions/x` }));
    expect(otherDocument.status).toBe(400);
    const missing = await sendLd(analyst.session, 'POST', container(doc.id), w3cBody({ exact: 'not in this document at all' }));
    expect(missing.status).toBe(422);
    const malformed = await analyst.session.request(container(doc.id), { method: 'POST', body: '{"type":', headers: { 'content-type': LD_JSON } });
    expect(malformed.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('GET, PUT (If-Match) and DELETE (If-Match) one annotation', async () => {
    const created = await json<Json>(await sendLd(analyst.session, 'POST', container(doc.id), w3cBody({ exact: '目標段落', note: 'first' })));
    const path = new URL(created.id).pathname;
    const got = await analyst.session.get(path);
    expect(got.status).toBe(200);
    expect(got.headers.get('etag')).toBe('"1"');
    expect(got.headers.get('link')).toBe('<http://www.w3.org/ns/ldp#Resource>; rel="type"');
    expect(got.headers.get('allow')).toBe('GET, HEAD, PUT, DELETE');
    expect(got.headers.get('content-location')).toBe(created.id);
    expectValidAnnotation(await json<Json>(got));

    const changed = { ...created, body: [{ type: 'TextualBody', purpose: 'tagging', value: 'opinion' }] };
    expect((await sendLd(analyst.session, 'PUT', path, changed)).status).toBe(428);
    const put = await sendLd(analyst.session, 'PUT', path, changed, { 'if-match': '"1"' });
    expect(put.status).toBe(200);
    expect(put.headers.get('etag')).toBe('"2"');
    const replaced = await json<Json>(put);
    expect(replaced.body).toEqual([{ type: 'TextualBody', purpose: 'tagging', value: 'opinion' }]);
    expect(replaced.target.selector).toEqual(created.target.selector);
    expectValidAnnotation(replaced);

    const stale = await sendLd(analyst.session, 'PUT', path, created, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect((await json<Json>(stale)).error.currentVersion).toBe(2);

    // A new extent: the quote wins and the position is recomputed.
    const moved = await sendLd(analyst.session, 'PUT', path, w3cBody({ exact: '更多文字', start: 0, end: 1 }), { 'if-match': '"2"' });
    expect(moved.status).toBe(200);
    const [, position] = (await json<Json>(moved)).target.selector;
    expect(slice(doc.text, position.start, position.end)).toBe('更多文字');

    expect((await analyst.session.delete(path)).status).toBe(428);
    expect((await analyst.session.delete(path, { headers: { 'if-match': '"1"' } })).status).toBe(412);
    expect((await analyst.session.delete(path, { headers: { 'if-match': '"3"' } })).status).toBe(204);
    expect((await analyst.session.get(path)).status).toBe(404);
  });

  it('works with an API token (no CSRF) and keeps roles: a viewer cannot POST', async () => {
    const token = await json<CreatedToken>(await analyst.session.post('/api/auth/tokens', { name: 'w3c tool' }));
    const bearer = { authorization: `Bearer ${token.token}` };
    const got = await api(container(doc.id), { headers: bearer });
    expect(got.status).toBe(200);
    const posted = await api(container(doc.id), { method: 'POST', headers: { ...bearer, 'content-type': LD_JSON }, body: JSON.stringify(w3cBody({ exact: '家族' })) });
    expect(posted.status).toBe(201);
    expect((await sendLd(viewer.session, 'POST', container(doc.id), w3cBody({ exact: '家族' }))).status).toBe(403);
    expect((await viewer.session.get(container(doc.id))).status).toBe(200);
  });
});

describe('the API description', () => {
  it('lists the container, its annotations and the import in /api/docs', async () => {
    const document = (await (await api('/api/docs')).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/documents/{id}/w3c/', '/api/documents/{id}/w3c/{annotationId}', '/api/workspaces/{id}/import']));
    expect(Object.keys(document.paths['/api/documents/{id}/w3c/{annotationId}']!)).toEqual(expect.arrayContaining(['get', 'put', 'delete']));
  });
});

describe('who may see the container', () => {
  it('answers 401 to anonymous callers', async () => {
    expect((await api(container(doc.id))).status).toBe(401);
    expect((await api(container(doc.id), { headers: { authorization: 'Bearer not-a-token' } })).status).toBe(401);
  });

  it('answers 404 to people of other workspaces, for the container and its annotations alike', async () => {
    const annotation = await annotatePhrase(analyst.session, doc, '家族');
    const path = `${container(doc.id)}${annotation.id}`;
    expect((await analyst.session.get(path)).status).toBe(200);
    expect((await stranger.session.get(container(doc.id))).status).toBe(404);
    expect((await stranger.session.get(path)).status).toBe(404);
    expect((await sendLd(stranger.session, 'PUT', path, w3cBody({ exact: '家族' }), { 'if-match': '"1"' })).status).toBe(404);
    expect((await stranger.session.delete(path, { headers: { 'if-match': '"1"' } })).status).toBe(404);
    expect((await sendLd(stranger.session, 'POST', container(doc.id), w3cBody({ exact: '家族' }))).status).toBe(404);
    // An annotation of another document is not a member of this container.
    const other = await importDocument(analyst.session, workspaceId, 'Other');
    expect((await analyst.session.get(`${container(other.id)}${annotation.id}`)).status).toBe(404);
    // Someone else's private annotation is not listed either.
    const secret = await annotatePhrase(analyst.session, doc, '與', { visibility: 'private' });
    const seen = await json<Json>(await owner.get(container(doc.id)));
    expect(JSON.stringify(seen)).not.toContain(secret.id);
    expect((await owner.get(`${container(doc.id)}${secret.id}`)).status).toBe(404);
  });
});
