// SECURITY.md C (injection into pages): the exact hostile notes, comments, rationales, titles and
// names rendered by Chromium in the panel, tooltip, queue, flag page, notifications, document list
// and header while a 'dialog' listener waits for an alert that must never come; hostile document
// JSON against the schema validator; deep and huge imports; error bodies; security headers on
// every kind of response; CORS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Annotation, CreatedInvite, DocumentDetail, Link, WorkspaceSummary } from '@glossa/contracts';
import { validateDocJson } from '@glossa/editor-schema';
import { api, baseUrl, joinWithRole, Session, signInAsOwner, TEST_PASSWORD, uniqueEmail, type TestUser } from '../support/api';
import { launchBrowser } from '../support/browser';
import { signInThroughUi } from '../support/browser-session';
import { json, TEXT_A, TEXT_B } from '../api/links-fixture';
import { errorOf, INTERNALS, unchanged } from './fixture';

const C1_PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '<svg><script>alert(1)</script>',
  '<iframe srcdoc="<script>alert(1)</script>">',
  '<details open ontoggle=alert(1)>',
];
const C4_PAYLOADS = ['</script><script>alert(1)</script>', '"><svg onload=alert(1)>', "{{constructor.constructor('alert(1)')()}}", 'abc\u202Edef'];
const HOSTILE_MARKDOWN = C1_PAYLOADS.join('\n\n');
/** Elements and attributes none of the payloads may turn into. */
const DANGEROUS = 'img[onerror], [onerror], [onload], [ontoggle], iframe, object, embed, svg script, #root script, a[href^="javascript" i], a[href^=" javascript" i], details[open][ontoggle]';

/** Like joinWithRole, but with a display name that could not be part of an email address. */
async function joinNamed(inviter: Session, workspaceId: string, role: string, name: string): Promise<TestUser> {
  const invite = await inviter.post(`/api/workspaces/${workspaceId}/invites`, { role });
  expect(invite.status).toBe(201);
  const { token } = await json<CreatedInvite>(invite);
  const email = uniqueEmail('hostile-name');
  const session = await Session.signedUp(baseUrl(), { email, password: TEST_PASSWORD, name, inviteToken: token });
  return { session, me: await session.me(), email, password: TEST_PASSWORD };
}

describe('C1/C4 hostile text rendered in the browser: no dialog, nothing active', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  let owner: Session;
  let workspaceId: string;
  let analyst: TestUser;
  let reviewer: TestUser;
  let docA: DocumentDetail;
  let annotationA: Annotation;
  let link: Link;
  const docTitle = `C4 ${C4_PAYLOADS[1]} ${C4_PAYLOADS[0]}`;
  const workspaceName = `C4 ${C4_PAYLOADS[2]}`;
  const analystName = `"><svg onload=alert(1)>`;

  beforeAll(async () => {
    owner = await signInAsOwner();
    const ws = await owner.post('/api/workspaces', { name: workspaceName });
    expect(ws.status).toBe(201);
    workspaceId = (await json<WorkspaceSummary>(ws)).id;
    analyst = await joinNamed(owner, workspaceId, 'analyst', analystName);
    reviewer = await joinWithRole(owner, workspaceId, 'reviewer', 'RitaC1');
    const a = await analyst.session.post('/api/documents', { title: docTitle, format: 'text', content: TEXT_A, workspaceId });
    expect(a.status).toBe(201);
    docA = await json<DocumentDetail>(a);
    const b = await analyst.session.post('/api/documents', { title: `C4 ${C4_PAYLOADS[3]} B`, format: 'text', content: TEXT_B, workspaceId });
    const docB = await json<DocumentDetail>(b);
    const annotateWith = async (doc: DocumentDetail, exact: string, note: string) => {
      const response = await analyst.session.post(`/api/documents/${doc.id}/annotations`, { tag: 'claim', note, target: { revisionId: doc.revision.id, selector: [{ type: 'TextQuoteSelector', exact }] } });
      expect(response.status).toBe(201);
      return json<Annotation>(response);
    };
    annotationA = await annotateWith(docA, '逾千名高級別代表', HOSTILE_MARKDOWN);
    const annotationB = await annotateWith(docB, '1400餘名代表', C4_PAYLOADS.join('\n\n'));
    const submitted = await annotateWith(docA, 'Growth 100% ASSURED', `${HOSTILE_MARKDOWN}\n\nsubmitted`);
    expect((await analyst.session.post(`/api/annotations/${submitted.id}/submit`, undefined, { headers: { 'if-match': `"${submitted.version}"` } })).status).toBe(200);
    const flagged = await analyst.session.post('/api/links', { type: 'contradicts', annotationIds: [annotationA.id, annotationB.id], rationale: HOSTILE_MARKDOWN });
    expect(flagged.status).toBe(201);
    link = await json<Link>(flagged);
    const comment = await analyst.session.post(`/api/links/${link.id}/comments`, { body: `@RitaC1 ${HOSTILE_MARKDOWN}` });
    expect(comment.status).toBe(201);
    const annotationComment = await analyst.session.post(`/api/annotations/${annotationA.id}/comments`, { body: HOSTILE_MARKDOWN });
    expect(annotationComment.status).toBe(201);

    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'en-US' });
    page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signInThroughUi(page, { email: reviewer.email, password: reviewer.password });
    // The reviewer works in the hostile workspace.
    expect((await reviewer.session.patch('/api/me', { currentWorkspaceId: workspaceId })).status).toBe(200);
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function expectInert(where: string): Promise<void> {
    expect(await page.locator(DANGEROUS).count(), `${where}: active elements`).toBe(0);
    expect(dialogs, `${where}: dialogs`).toEqual([]);
  }

  it('document list and header: hostile titles and workspace name show as text', async () => {
    await page.goto(baseUrl());
    await page.locator('[data-testid=document-row]').filter({ hasText: 'onload=alert(1)' }).first().waitFor();
    const rowText = await page.locator('[data-testid=document-row]').filter({ hasText: 'onload=alert(1)' }).first().innerText();
    expect(rowText).toContain('"><svg onload=alert(1)>');
    expect(rowText).toContain('</script><script>alert(1)</script>');
    await expectInert('document list');
  });

  it('reading view: the note in the panel and in the tooltip, the annotation’s comments', async () => {
    await page.goto(`${baseUrl()}/documents/${docA.id}`);
    await page.locator('[data-testid=annotation-panel]').waitFor();
    const item = page.locator(`[data-testid=annotation-item][data-annotation-id="${annotationA.id}"]`);
    const note = item.locator('[data-testid=annotation-note]');
    await note.filter({ hasText: 'onerror=alert(1)' }).waitFor();
    const text = await note.innerText();
    for (const payload of C1_PAYLOADS) expect(text).toContain(payload);
    await expectInert('panel');
    await page.locator(`[data-testid=reading-view] mark[data-annotation-id="${annotationA.id}"]`).first().hover();
    await page.locator('[data-testid=highlight-tooltip] [data-testid=tooltip-note]').waitFor();
    await expectInert('tooltip');
    // Open the flag's summary in the panel too (rationale shown there).
    const toggle = item.locator('[data-testid=annotation-links-toggle]');
    if (await toggle.count()) {
      await toggle.click();
      await item.locator('[data-testid=link-summary]').first().waitFor();
      await expectInert('link summary in the panel');
    }
    // Document title in the page heading.
    expect(await page.locator('body').innerText()).toContain('"><svg onload=alert(1)>');
  });

  it('review queue: the flag’s rationale and the submitted annotation’s note', async () => {
    await page.goto(`${baseUrl()}/review`);
    await page.locator('[data-testid=review-list]').waitFor();
    await page.locator(`[data-testid=review-item][data-link-id="${link.id}"]`).waitFor();
    await page.locator('[data-testid=review-item][data-kind=annotation]').first().waitFor();
    expect(await page.locator('[data-testid=review-item][data-kind=annotation]').first().innerText()).toContain('onerror=alert(1)');
    await expectInert('queue');
  });

  it('flag page: rationale, comments with a mention, passages, history', async () => {
    await page.goto(`${baseUrl()}/review/links/${link.id}`);
    await page.locator('[data-testid=comment-body]').first().waitFor();
    const comment = await page.locator('[data-testid=comment-body]').first().innerText();
    expect(comment).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('[data-testid=link-rationale-text]').innerText()).toContain('<details open ontoggle=alert(1)>');
    await expectInert('flag page');
  });

  it('notifications: the mention by a person named "><svg onload=alert(1)>', async () => {
    await page.goto(`${baseUrl()}/notifications`);
    await page.locator('[data-testid=notification][data-type=mention]').first().waitFor();
    expect(await page.locator('[data-testid=notification][data-type=mention]').first().innerText()).toContain(analystName);
    await expectInert('notifications');
    expect(pageErrors).toEqual([]);
  });
});

describe('C2 hostile document JSON against the schema', () => {
  const paragraph = (attrs?: unknown, text = 'x') => ({ type: 'paragraph', ...(attrs === undefined ? {} : { attrs }), content: [{ type: 'text', text }] });
  const doc = (...content: unknown[]) => ({ type: 'doc', content });
  const cases: Array<[string, unknown]> = [
    ['an array where a string belongs (link href)', doc({ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: ['https://example.org'] } }] }] })],
    ['a string where a number belongs (heading level)', doc({ type: 'heading', attrs: { level: '1 onmouseover=alert(1)' }, content: [{ type: 'text', text: 'x' }] })],
    ['an unknown node type script', doc({ type: 'script', content: [{ type: 'text', text: 'alert(1)' }] })],
    ['an unknown node type iframe', doc({ type: 'iframe', attrs: { srcdoc: '<script>alert(1)</script>' } })],
    ['an unknown attribute onclick', doc(paragraph({ onclick: 'alert(1)' }))],
    ['a link to javascript:', doc({ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] })],
    ['a link to " JaVaScRiPt:"', doc({ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: ' JaVaScRiPt:alert(1)' } }] }] })],
    ['an unknown mark', doc({ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'script' }] }] })],
    ['an unknown key on a node', doc({ type: 'paragraph', onclick: 'alert(1)', content: [] })],
    ['a __proto__ key', JSON.parse('{"type":"doc","content":[{"type":"paragraph","__proto__":{"polluted":true}}]}')],
  ];

  it.each(cases)('%s → refused with a path', (_name, input) => {
    const check = validateDocJson(input);
    expect(check.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('no API route accepts document JSON directly: format "json" or "prosemirror" → 400, nothing stored', async () => {
    const owner = await signInAsOwner();
    await unchanged(async () => {
      for (const format of ['json', 'prosemirror']) {
        const response = await owner.post('/api/documents', { title: 'JSON', format, content: JSON.stringify(cases[2]![1]) });
        expect(response.status).toBe(400);
        expect((await errorOf(response)).fields?.map((f) => f.path)).toEqual(['format']);
      }
    });
  });
});

describe('C3 deep nesting and huge documents', () => {
  let owner: Session;
  beforeAll(async () => {
    owner = await signInAsOwner();
  });

  it('10,000-deep HTML (div, ul/li, blockquote) and a million-node document are refused (or flattened) while the server keeps answering', async () => {
    const inputs: Array<{ format: string; content: string }> = [
      { format: 'html', content: `${'<div>'.repeat(10_000)}deep${'</div>'.repeat(10_000)}` },
      { format: 'html', content: `${'<ul><li>'.repeat(10_000)}deep${'</li></ul>'.repeat(10_000)}` },
      { format: 'html', content: `${'<blockquote>'.repeat(10_000)}deep` },
      { format: 'markdown', content: `${'- '.repeat(10_000)}deep` },
      // A million text nodes: alternating emphasis splits one paragraph into a million runs.
      { format: 'markdown', content: '*a* b '.repeat(1_000_000 / 2) },
      { format: 'html', content: '<b>a</b>'.repeat(600_000) },
    ];
    for (const input of inputs) {
      const pending = owner.post('/api/documents', { title: 'C3', ...input });
      const health = await api('/api/health');
      expect(health.status).toBe(200);
      const response = await pending;
      expect([201, 400, 413, 422], `${input.format} ${input.content.slice(0, 20)}: ${response.status}`).toContain(response.status);
      const text = await response.text();
      expect(text).not.toMatch(INTERNALS);
      expect(text).not.toMatch(/Maximum call stack/i);
      if (response.status === 201) {
        const detail = JSON.parse(text) as DocumentDetail;
        expect(validateDocJson(detail.revision.doc).ok).toBe(true);
      }
    }
    expect((await api('/api/health')).status).toBe(200);
  });
});

describe('C4 titles, names and tags: escaped in JSON, limits apply', () => {
  it('each payload as a document title is stored literally; an 8 KB title or name → 400; a payload as a tag → 400', async () => {
    const owner = await signInAsOwner();
    for (const title of C4_PAYLOADS) {
      const response = await owner.post('/api/documents', { title, format: 'text', content: 'x' });
      expect(response.status).toBe(201);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect((await json<DocumentDetail>(response)).title).toBe(title);
    }
    await unchanged(async () => {
      const big = 'x'.repeat(8 * 1024);
      const title = await owner.post('/api/documents', { title: big, format: 'text', content: 'x' });
      expect(title.status).toBe(400);
      expect((await errorOf(title)).fields?.map((f) => f.path)).toEqual(['title']);
      expect((await owner.post('/api/workspaces', { name: big })).status).toBe(400);
      expect((await owner.post('/api/auth/tokens', { name: big })).status).toBe(400);
      expect((await owner.patch('/api/me', { name: big })).status).toBe(400);
    });
  });
});

describe('C5 error bodies echo nothing dangerous and nothing internal', () => {
  // An unknown key is named in the field message (as JSON string data, served as application/json
  // with nosniff and a CSP that runs no inline script); ids, values and paths are never echoed.
  it('hostile keys, ids, values and broken JSON → JSON errors without stacks or SQL; markup only as JSON string data', async () => {
    const owner = await signInAsOwner();
    const hostile = '<img src=x onerror=alert(1)>';
    const responses = await unchanged(async () => [
      await owner.post('/api/documents', { title: 't', format: 'text', content: 'x', [hostile]: 1 }),
      await owner.post('/api/documents', { title: 't', format: hostile, content: 'x' }),
      await owner.get(`/api/documents/${encodeURIComponent(hostile)}`),
      await owner.get(`/api/annotations/${encodeURIComponent("1' OR '1'='1")}`),
      await owner.get(`/api/nope/${encodeURIComponent(hostile)}`),
      await owner.get(`/api/documents?${encodeURIComponent(hostile)}=1`),
      await owner.request('/api/documents', { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"title": "${hostile}` }),
      await owner.get('/api/documents/00000000-0000-0000-0000-00000000000g'),
      await owner.get('/api/review/queue?cursor=%ff%fe'),
    ]);
    for (const response of responses) {
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      const text = await response.text();
      expect(text).not.toMatch(INTERNALS);
      const error = (JSON.parse(text) as { error: { code: string; message: string } }).error;
      expect(error.message, text).not.toContain('<img');
    }
  });
});

describe('C5 U+0000 in any text field is refused on the field, never a 500', () => {
  it('titles, names, notes, comments, rationales, transition notes, search strings, upload fields → 400 naming the field; nothing stored', async () => {
    const owner = await signInAsOwner();
    const ws = await json<WorkspaceSummary>(await owner.post('/api/workspaces', { name: 'C5 NUL' }));
    const a = await json<DocumentDetail>(await owner.post('/api/documents', { title: 'NUL A', format: 'text', content: TEXT_A, workspaceId: ws.id }));
    const b = await json<DocumentDetail>(await owner.post('/api/documents', { title: 'NUL B', format: 'text', content: TEXT_B, workspaceId: ws.id }));
    const annotateAt = async (doc: DocumentDetail, exact: string) =>
      json<Annotation>(await owner.post(`/api/documents/${doc.id}/annotations`, { tag: 'claim', target: { revisionId: doc.revision.id, selector: [{ type: 'TextQuoteSelector', exact }] } }));
    const first = await annotateAt(a, '會議開幕');
    const second = await annotateAt(b, '大會閉幕');
    const link = await json<Link>(await owner.post('/api/links', { type: 'contradicts', annotationIds: [first.id, second.id], rationale: 'NUL test' }));
    const N = 'a\u0000b';
    const form = new FormData();
    form.set('title', N);
    form.set('workspaceId', ws.id);
    form.set('file', new Blob(['body']), 'nul.txt');
    const attempts: Array<[string, string, () => Promise<Response>]> = [
      ['document title', 'title', () => owner.post('/api/documents', { title: N, format: 'text', content: 'x', workspaceId: ws.id })],
      ['upload title field', 'title', () => owner.request('/api/documents', { method: 'POST', body: form })],
      ['workspace name', 'name', () => owner.post('/api/workspaces', { name: N })],
      ['token name', 'name', () => owner.post('/api/auth/tokens', { name: N })],
      ['person name at sign-up', 'name', () => new Session(baseUrl()).signUp({ email: uniqueEmail('nul'), password: TEST_PASSWORD, name: N })],
      ['note', 'note', () => owner.patch(`/api/annotations/${first.id}`, { note: N }, { headers: { 'if-match': `"${first.version}"` } })],
      ['note at create', 'note', () => owner.post(`/api/documents/${a.id}/annotations`, { tag: 'claim', note: N, target: { revisionId: a.revision.id, selector: [{ type: 'TextQuoteSelector', exact: 'Growth' }] } })],
      ['comment', 'body', () => owner.post(`/api/links/${link.id}/comments`, { body: N })],
      ['rationale', 'rationale', () => owner.post('/api/links', { type: 'supports', annotationIds: [first.id, second.id], rationale: N })],
      ['transition note', 'note', () => owner.post(`/api/links/${link.id}/transitions`, { action: 'dismiss', note: N }, { headers: { 'if-match': `"${link.version}"` } })],
      ['list filter q', 'q', () => owner.get(`/api/documents/${a.id}/annotations?q=a%00b`)],
      ['search q', 'q', () => owner.get(`/api/annotations/search?q=a%00b&workspaceId=${ws.id}`)],
    ];
    await unchanged(async () => {
      for (const [what, field, run] of attempts) {
        const response = await run();
        expect(response.status, what).toBe(400);
        const error = await errorOf(response);
        expect(error.code, what).toBe('validation_failed');
        expect(error.fields?.map((f) => f.path), what).toEqual([field]);
      }
    });
  });
});

describe('C6/C7 headers on every kind of response; CORS', () => {
  async function assetPath(): Promise<string> {
    const html = await (await api('/')).text();
    const match = /src="(\/assets\/[^"]+\.js)"/.exec(html);
    expect(match).not.toBeNull();
    return match![1]!;
  }

  it('HTML, a script asset, JSON, 401, 404 (API and app), 413, 415: enforced CSP without unsafe script sources, nosniff, Referrer-Policy', async () => {
    const owner = await signInAsOwner();
    const responses: Array<[string, Response]> = [
      ['html', await api('/')],
      ['app route', await api('/review/links/whatever?next=%22%3E%3Cscript%3Ealert(1)%3C/script%3E')],
      ['asset', await api(await assetPath())],
      ['json', await owner.get('/api/me')],
      ['401', await api('/api/me')],
      ['404 api', await api('/api/nope')],
      ['404 asset', await api('/assets/nope.js')],
      ['415', await owner.request('/api/documents', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' })],
      ['docs', await api('/api/docs')],
    ];
    for (const [what, response] of responses) {
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, what).toMatch(/script-src 'self'/);
      expect(csp, what).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval|\*)/);
      expect(csp, what).toContain("object-src 'none'");
      expect(csp, what).toContain("base-uri 'none'");
      expect(csp, what).toContain("frame-ancestors 'none'");
      expect(response.headers.get('content-security-policy-report-only'), what).toBeNull();
      expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), what).toBeTruthy();
    }
    // No query parameter is reflected into the HTML the server sends.
    expect(await responses[1]![1].text()).not.toContain('<script>alert(1)');
  });

  it('CORS never reflects an arbitrary origin, with or without credentials, nor on preflight', async () => {
    const owner = await signInAsOwner();
    for (const origin of ['https://evil.example', 'null', `${baseUrl()}.evil.example`]) {
      const simple = await owner.get('/api/me', { headers: { origin } });
      expect(simple.headers.get('access-control-allow-origin'), origin).toBeNull();
      expect(simple.headers.get('access-control-allow-credentials'), origin).toBeNull();
      const preflight = await api('/api/documents', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-csrf-token' } });
      expect(preflight.headers.get('access-control-allow-origin'), origin).toBeNull();
      expect(preflight.headers.get('access-control-allow-credentials'), origin).toBeNull();
    }
  });
});
