// SECURITY.md F (limits): 10 MB JSON bodies on every kind of write, oversized fields and lists
// (1 MB note, 10,000 tags, 100,000 highlights, 1,000 linked annotations) refused on the field,
// absurd pagination refused rather than clamped into a scan, all with nothing stored.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, Link } from '@glossa/contracts';
import { MAX_COMMENT_CHARACTERS, MAX_NOTE_CHARACTERS } from '@glossa/contracts';
import { api, query } from '../support/api';
import { annotate, flag, makeWorld, type ReviewWorld } from '../api/links-fixture';
import { errorOf, INTERNALS, unchanged } from './fixture';

let world: ReviewWorld;
let a: Annotation;
let b: Annotation;
let link: Link;

beforeAll(async () => {
  world = await makeWorld('sec-f');
  a = await annotate(world.analyst.session, world.docA, '會議開幕');
  b = await annotate(world.analyst.session, world.docB, '大會閉幕');
  link = await flag(world.analyst.session, [a.id, b.id]);
});

const TEN_MB = 'x'.repeat(10 * 1024 * 1024);
const ONE_MB = '長'.repeat(1024 * 1024 / 3);

describe('F1 10 MB JSON bodies', () => {
  it('on creates, edits, links, comments, transitions, workspaces, tokens → 413 before parsing, nothing changed, the server keeps answering', async () => {
    const s = world.analyst.session;
    const target = { revisionId: world.docA.revisionId, selector: [{ type: 'TextQuoteSelector', exact: '會議開幕' }] };
    await unchanged(async () => {
      for (const [what, run] of [
        ['annotation create', () => s.post(`/api/documents/${world.docA.id}/annotations`, { tag: 'claim', note: TEN_MB, target })],
        ['annotation edit', () => s.patch(`/api/annotations/${a.id}`, { note: TEN_MB }, { headers: { 'if-match': `"${a.version}"` } })],
        ['link', () => s.post('/api/links', { type: 'supports', annotationIds: [a.id, b.id], rationale: TEN_MB })],
        ['comment', () => s.post(`/api/links/${link.id}/comments`, { body: TEN_MB })],
        ['transition', () => world.reviewer.session.post(`/api/links/${link.id}/transitions`, { action: 'dismiss', note: TEN_MB }, { headers: { 'if-match': `"${link.version}"` } })],
        ['workspace', () => s.post('/api/workspaces', { name: TEN_MB })],
        ['token', () => s.post('/api/auth/tokens', { name: TEN_MB })],
        ['document', () => s.post('/api/documents', { title: 't', format: 'text', content: TEN_MB })],
      ] as Array<[string, () => Promise<Response>]>) {
        const response = await run();
        expect(response.status, what).toBe(413);
        expect((await errorOf(response)).code, what).toBe('payload_too_large');
      }
    });
    expect((await api('/api/health')).status).toBe(200);
  });
});

describe('F2 oversized fields and lists → 400 on the field', () => {
  it('a 1 MB note, comment, rationale; 10,000 tags; 100,000 highlights; 1,000 linked annotations; nothing stored', async () => {
    const s = world.analyst.session;
    const target = { revisionId: world.docA.revisionId, selector: [{ type: 'TextQuoteSelector', exact: '會議開幕' }] };
    const ids = Array.from({ length: 1000 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    // Kept under the body limit (about 4 MB), so the field check itself answers.
    const highlights = Array.from({ length: 100_000 }, () => ({ type: 'TextQuoteSelector', exact: 'a' }));
    const cases: Array<{ what: string; run: () => Promise<Response>; field: string; statuses?: number[] }> = [
      { what: `a 1 MB note (limit ${MAX_NOTE_CHARACTERS})`, run: () => s.post(`/api/documents/${world.docA.id}/annotations`, { tag: 'claim', note: ONE_MB, target }), field: 'note' },
      { what: 'a 1 MB note on edit', run: () => s.patch(`/api/annotations/${a.id}`, { note: ONE_MB }, { headers: { 'if-match': `"${a.version}"` } }), field: 'note' },
      { what: `a 1 MB comment (limit ${MAX_COMMENT_CHARACTERS})`, run: () => s.post(`/api/links/${link.id}/comments`, { body: ONE_MB }), field: 'body' },
      { what: 'a 1 MB rationale', run: () => s.post('/api/links', { type: 'supports', annotationIds: [a.id, b.id], rationale: ONE_MB }), field: 'rationale' },
      { what: '10,000 tags', run: () => s.post(`/api/documents/${world.docA.id}/annotations`, { tag: Array.from({ length: 10_000 }, () => 'claim'), target }), field: 'tag' },
      { what: '100,000 highlights in one request', run: () => s.post(`/api/documents/${world.docA.id}/annotations`, { tag: 'claim', target: { revisionId: world.docA.revisionId, selector: highlights } }), field: 'target.selector' },
      { what: '1,000 annotations on one link', run: () => s.post('/api/links', { type: 'contradicts', annotationIds: [a.id, ...ids], rationale: 'many' }), field: 'annotationIds' },
      { what: '1,000 notification ids', run: () => s.post('/api/me/notifications/read', { ids }), field: 'ids' },
    ];
    await unchanged(async () => {
      for (const c of cases) {
        const response = await c.run();
        expect(response.status, c.what).toBe(400);
        const error = await errorOf(response);
        expect(error.code, c.what).toBe('validation_failed');
        expect(error.fields?.map((f) => f.path), c.what).toContain(c.field);
        // The refusal names the limit, not the input.
        expect(JSON.stringify(error).length, c.what).toBeLessThan(2000);
      }
    });
  });
});

describe('F3 absurd pagination and search strings', () => {
  it('?limit=1000000&offset=999999999 and friends → 400 on every list, never a long scan', async () => {
    const s = world.analyst.session;
    const lists = [`/api/documents?workspaceId=${world.workspaceId}&`, `/api/review/queue?workspaceId=${world.workspaceId}&`, `/api/annotations/search?q=x&workspaceId=${world.workspaceId}&`];
    for (const list of lists) {
      for (const extra of ['limit=1000000&offset=999999999', 'limit=1000000', 'offset=999999999', 'limit=-1', 'limit=1e9', 'cursor=' + 'A'.repeat(10_000)]) {
        const response = await s.get(`${list}${extra}`);
        expect([400, 414, 431], `${list}${extra}: ${response.status}`).toContain(response.status);
        expect(await response.text()).not.toMatch(INTERNALS);
      }
    }
  });

  it('a full page is at most the documented maximum, and the cursor walks the rest', async () => {
    const s = world.analyst.session;
    const first = await s.get(`/api/documents?workspaceId=${world.workspaceId}&limit=100`);
    expect(first.status).toBe(200);
    expect(((await first.json()) as { items: unknown[] }).items.length).toBeLessThanOrEqual(100);
    expect((await s.get(`/api/documents?workspaceId=${world.workspaceId}&limit=101`)).status).toBe(400);
  });

  it('regex-looking, %%%%, _ and backslash strings are literal: 200, and nothing matches by wildcard', async () => {
    const s = world.analyst.session;
    for (const q of ['%%%%', '____', '.*', '(a+)+$', '\\', '[[:alpha:]]', '%_%']) {
      const response = await s.get(`/api/annotations/search?q=${encodeURIComponent(q)}&workspaceId=${world.workspaceId}`);
      expect(response.status, q).toBe(200);
      expect(((await response.json()) as { items: unknown[] }).items, q).toEqual([]);
      const list = await s.get(`/api/documents/${world.docA.id}/annotations?q=${encodeURIComponent(q)}`);
      expect(list.status, q).toBe(200);
      expect(((await list.json()) as { items: unknown[] }).items, q).toEqual([]);
    }
  });
});

describe('F4 one user firing many imports at once', () => {
  it('100 parallel imports: each 201 or 429 with Retry-After (never a 5xx), every 201 one whole document; another member imports and reads meanwhile', async () => {
    const content = '段落，用來佔用轉換工作。\n\n'.repeat(800);
    const titles = Array.from({ length: 100 }, (_, i) => `F4 flood ${world.workspaceId.slice(0, 8)} ${i}`);
    const flood = Promise.all(titles.map((title) => world.analyst.session.post('/api/documents', { title, format: 'markdown', content, workspaceId: world.workspaceId })));
    // Another member, sent while the flood is in flight: their read and their own import go through.
    const [read, theirs] = await Promise.all([
      world.colleague.session.get(`/api/documents?workspaceId=${world.workspaceId}`),
      world.colleague.session.post('/api/documents', { title: 'F4 colleague', format: 'markdown', content, workspaceId: world.workspaceId }),
    ]);
    expect(read.status).toBe(200);
    expect(theirs.status).toBe(201);
    const responses = await flood;
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s !== 201 && s !== 429)).toEqual([]);
    const refused = responses.filter((r) => r.status === 429);
    // The per-person cap engaged: a burst of 100 does not all wait in line.
    expect(refused.length).toBeGreaterThan(0);
    for (const response of refused) {
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await errorOf(response)).code).toBe('rate_limited');
    }
    const created = statuses.filter((s) => s === 201).length;
    const [row] = await query<{ documents: number; revisions: number }>(
      `SELECT count(DISTINCT d.id)::int AS documents, count(r.id)::int AS revisions FROM document d JOIN document_revision r ON r.document_id = d.id WHERE d.title = ANY($1)`,
      [titles],
    );
    expect(row).toEqual({ documents: created, revisions: created });
    console.info(`F4: ${created} imports accepted, ${refused.length} refused with 429; the other member's import was accepted`);
  });
});
