// The documents API against the real server and database: seeds, reads, imports, refusals.
// Signed in as the suite's owner, whose current workspace is the default one with the seeds.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDetail, DocumentPage } from '@glossa/contracts';
import { api, signInAsOwner, tableCounts, type Session } from '../support/api';
import { badImportCases } from './documents-cases';

let owner: Session;
beforeAll(async () => {
  owner = await signInAsOwner();
});

const SEED_TITLES = ['廣州APEC第一次高官會', '王毅出席APEC高官會 強調圍繞開放創新合作推進全年議程', 'APEC 与中国区域经济高质量发展研究', 'APEC峰会后中美关系新观察', '亚太命运共同体展望'];

async function allDocuments(): Promise<DocumentPage['items']> {
  const items: DocumentPage['items'] = [];
  let cursor: string | null = null;
  do {
    const response = await owner.get(`/api/documents?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(response.status).toBe(200);
    const page = (await response.json()) as DocumentPage;
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

async function seed(title: string) {
  const found = (await allDocuments()).find((d) => d.title === title);
  if (!found) throw new Error(`seed ${title} missing`);
  return found;
}

describe('health and description', () => {
  it('answers 200 {"status":"ok"} while the database answers', async () => {
    const response = await api('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('serves an OpenAPI document naming the public paths', async () => {
    const response = await api('/api/docs');
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/documents', '/api/documents/{id}', '/api/documents/{id}/text']),
    );
    expect(Object.keys(document.paths['/api/documents'])).toEqual(expect.arrayContaining(['get', 'post']));
  });

  it('sends security headers with an enforced CSP', async () => {
    const response = await api('/api/health');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBeTruthy();
  });
});

describe('the seeded corpus', () => {
  it('lists the five seed documents with their script, newest first, each once', async () => {
    const items = await allDocuments();
    for (const title of SEED_TITLES) expect(items.filter((d) => d.title === title)).toHaveLength(1);
    const languages = Object.fromEntries(items.filter((d) => SEED_TITLES.includes(d.title)).map((d) => [d.title, d.language]));
    expect(languages[SEED_TITLES[0]]).toBe('zh-Hant');
    expect(languages[SEED_TITLES[1]]).toBe('zh-Hant');
    expect(languages[SEED_TITLES[2]]).toBe('zh-Hans');
    expect(languages[SEED_TITLES[3]]).toBe('zh-Hans');
    expect(languages[SEED_TITLES[4]]).toBe('zh-Hans');
    const times = items.map((d) => Date.parse(d.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(new Set(items.map((d) => d.id)).size).toBe(items.length);
  });

  it('serves a document with its revision and the canonical text that offsets count in', async () => {
    const summary = await seed(SEED_TITLES[0]);
    const response = await owner.get(`/api/documents/${summary.id}`);
    expect(response.status).toBe(200);
    const detail = (await response.json()) as DocumentDetail;
    expect(detail.revision.offsetUnit).toBe('codepoint');
    expect((detail.revision.doc as { type: string }).type).toBe('doc');

    const textResponse = await owner.get(`/api/documents/${summary.id}/text`);
    expect(textResponse.status).toBe(200);
    expect(textResponse.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const text = await textResponse.text();
    expect([...text].length).toBe(detail.revision.textLength);
    expect(detail.length).toBe(detail.revision.textLength);
    expect(text).toContain('逾千名高級別代表');
    // One paragraph per line of the source: the two opening lines stay apart.
    expect(text.split('\n')[0]).toContain('在閱讀本文之前');
    expect(text.split('\n')[1]).toContain('本文所有信息均源自權威渠道');
  });

  it('keeps Markdown headings of the report as headings', async () => {
    const summary = await seed(SEED_TITLES[4]);
    const detail = (await (await owner.get(`/api/documents/${summary.id}`)).json()) as DocumentDetail;
    const blocks = (detail.revision.doc as { content: Array<{ type: string }> }).content;
    expect(blocks.filter((b) => b.type === 'heading').length).toBeGreaterThan(5);
  });
});

describe('importing', () => {
  it('imports pasted Markdown and lists it first', async () => {
    const response = await owner.post('/api/documents', { title: '測試 Markdown 文檔', format: 'markdown', content: '# 標題\n\n一段**重要**的文字 with 𠮷 and 👩‍👩‍👧.\n\n- 甲\n- 乙\n' });
    expect(response.status).toBe(201);
    const detail = (await response.json()) as DocumentDetail;
    expect(detail.title).toBe('測試 Markdown 文檔');
    expect(detail.revision.number).toBe(1);
    const text = await (await owner.get(`/api/documents/${detail.id}/text`)).text();
    expect(text).toBe('標題\n一段重要的文字 with 𠮷 and 👩‍👩‍👧.\n甲\n乙');
    expect(detail.revision.textLength).toBe([...text].length);
    const first = ((await (await owner.get('/api/documents?limit=1')).json()) as DocumentPage).items[0];
    expect(first.id).toBe(detail.id);
  });

  it('imports an uploaded .md file as multipart, taking the format from its name', async () => {
    const form = new FormData();
    form.set('title', 'Uploaded notes');
    form.set('file', new Blob(['\ufeff# Heading\r\n\r\nBody line\r\n'], { type: 'text/markdown' }), 'notes.md');
    const response = await owner.request('/api/documents', { method: 'POST', body: form });
    expect(response.status).toBe(201);
    const detail = (await response.json()) as DocumentDetail;
    expect(detail.format).toBe('markdown');
    expect(await (await owner.get(`/api/documents/${detail.id}/text`)).text()).toBe('Heading\nBody line');
  });

  it('sanitizes HTML: scripts, handlers and javascript: links do not survive', async () => {
    const html = '<h2 onclick="alert(1)">Title</h2><script>alert(1)</script><p>Safe <a href="javascript:alert(1)">bad</a> <a href="https://example.org/">good</a><img src=x onerror=alert(1)></p><iframe srcdoc="<p>x</p>"></iframe>';
    const response = await owner.post('/api/documents', { title: 'HTML', format: 'html', content: html });
    expect(response.status).toBe(201);
    const detail = (await response.json()) as DocumentDetail;
    const json = JSON.stringify(detail.revision.doc);
    expect(json).not.toMatch(/script|onclick|onerror|javascript:|iframe|srcdoc/i);
    expect(json).toContain('https://example.org/');
    expect(await (await owner.get(`/api/documents/${detail.id}/text`)).text()).toBe('Title\nSafe bad good');
  });

  it('refuses an upload that is not text (a PNG renamed .md) and stores nothing', async () => {
    const before = await tableCounts();
    const form = new FormData();
    form.set('title', 'picture');
    form.set('file', new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])]), 'photo.md');
    const response = await owner.request('/api/documents', { method: 'POST', body: form });
    expect(response.status).toBe(415);
    expect(await tableCounts()).toEqual(before);
  });

  it('refuses invalid UTF-8 in an upload with 422', async () => {
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array([0x61, 0xff, 0xfe, 0x62])]), 'broken.txt');
    const response = await owner.request('/api/documents', { method: 'POST', body: form });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { code: string } };
    expect(body.error.code).toBe('unprocessable_content');
  });

  it.each(badImportCases)('refuses $name with $status and changes nothing', async (c) => {
    const before = await tableCounts();
    const response = c.raw
      ? await owner.request('/api/documents', { method: 'POST', headers: { 'content-type': c.raw.contentType }, body: c.raw.data })
      : await owner.post('/api/documents', c.body);
    expect(response.status).toBe(c.status);
    const body = (await response.json()) as { error: { code: string; message: string; fields?: Array<{ path: string }> } };
    expect(body.error.code).toBe(c.code);
    if (c.field) expect(body.error.fields?.map((f) => f.path)).toContain(c.field);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.js:\d+|node_modules|SELECT|INSERT/);
    expect(await tableCounts()).toEqual(before);
  });

  it('survives 10,000 nested blockquotes without blocking other requests', async () => {
    const deep = `${'>'.repeat(10_000)} deep`;
    const pending = owner.post('/api/documents', { title: 'deep', format: 'markdown', content: deep });
    const health = await api('/api/health');
    expect(health.status).toBe(200);
    const response = await pending;
    expect([201, 422]).toContain(response.status);
  });
});

describe('reading what is not there', () => {
  it('answers 404 with the same body for a missing id and a malformed one', async () => {
    const missing = await owner.get('/api/documents/00000000-0000-4000-8000-000000000000');
    const malformed = await owner.get('/api/documents/not-an-id');
    expect(missing.status).toBe(404);
    expect(malformed.status).toBe(404);
    expect(await missing.json()).toEqual(await malformed.json());
    expect((await owner.get('/api/documents/00000000-0000-4000-8000-000000000000/text')).status).toBe(404);
  });

  it('answers unknown API paths with a JSON 404, and unknown app paths with the web app', async () => {
    const apiMiss = await api('/api/nope');
    expect(apiMiss.status).toBe(404);
    expect(((await apiMiss.json()) as { error: { code: string } }).error.code).toBe('not_found');
    const appRoute = await api('/documents/00000000-0000-4000-8000-000000000000');
    expect(appRoute.status).toBe(200);
    expect(appRoute.headers.get('content-type')).toContain('text/html');
  });

  it('refuses a cursor it did not issue and an out-of-range limit', async () => {
    expect((await owner.get('/api/documents?cursor=%25%25%25')).status).toBe(400);
    expect((await owner.get('/api/documents?limit=1000000')).status).toBe(400);
    expect((await owner.get('/api/documents?sort=author.passwordHash')).status).toBe(400);
  });
});
