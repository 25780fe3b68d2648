// SECURITY.md D (imports) through the document import that exists today (POST /api/documents,
// JSON or multipart; docs/IMPORTS.md is the policy): the exact hostile HTML and Markdown of D3/D4,
// the encodings of D5 with anchors checked after a re-import, and the file names and sizes of D6.
// D7 uses the workspace import (POST /api/workspaces/:id/import) with a Glossa JSON export.
import { request } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, DocumentDetail, WorkspaceSummary } from '@glossa/contracts';
import { MAX_DOCUMENT_BYTES } from '@glossa/contracts';
import { validateDocJson } from '@glossa/editor-schema';
import { api, query, signInAsOwner, signUpStranger, type Session } from '../support/api';
import { json } from '../api/links-fixture';
import { errorOf, INTERNALS, unchanged } from './fixture';

let owner: Session;
let workspaceId: string;

beforeAll(async () => {
  owner = await signInAsOwner();
  const ws = await owner.post('/api/workspaces', { name: 'Security D' });
  workspaceId = (await json<WorkspaceSummary>(ws)).id;
});

async function importJson(format: string, content: string, title = `D ${format}`): Promise<Response> {
  return owner.post('/api/documents', { title, format, content, workspaceId });
}

async function upload(name: string, bytes: Uint8Array | string, extra: Record<string, string> = {}): Promise<Response> {
  const form = new FormData();
  form.set('workspaceId', workspaceId);
  for (const [k, v] of Object.entries(extra)) form.set(k, v);
  form.set('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), name);
  return owner.request('/api/documents', { method: 'POST', body: form });
}

/** Every node type, mark type and attribute key in a stored document. */
function inventory(doc: unknown): { nodes: Set<string>; marks: Set<string>; attrs: Map<string, unknown[]> } {
  const nodes = new Set<string>();
  const marks = new Set<string>();
  const attrs = new Map<string, unknown[]>();
  const stack: unknown[] = [doc];
  while (stack.length) {
    const node = stack.pop() as { type: string; attrs?: Record<string, unknown>; content?: unknown[]; marks?: Array<{ type: string; attrs?: Record<string, unknown> }> };
    nodes.add(node.type);
    for (const [k, v] of Object.entries(node.attrs ?? {})) attrs.set(`${node.type}.${k}`, [...(attrs.get(`${node.type}.${k}`) ?? []), v]);
    for (const mark of node.marks ?? []) {
      marks.add(mark.type);
      for (const [k, v] of Object.entries(mark.attrs ?? {})) attrs.set(`${mark.type}.${k}`, [...(attrs.get(`${mark.type}.${k}`) ?? []), v]);
    }
    stack.push(...(node.content ?? []));
  }
  return { nodes, marks, attrs };
}

const SCHEMA_NODES = ['doc', 'paragraph', 'heading', 'blockquote', 'bullet_list', 'ordered_list', 'list_item', 'code_block', 'horizontal_rule', 'hard_break', 'text'];
const SCHEMA_ATTRS = ['heading.level', 'ordered_list.order', 'link.href', 'link.title'];

describe('D3 hostile HTML: only schema nodes and typed attributes survive', () => {
  const HTML = [
    '<p>start</p>',
    '<script>alert(1)</script>',
    '<iframe src="https://evil.example"></iframe>',
    '<object data="x.swf"></object>',
    '<form action="https://evil.example"><input name=q><button>go</button></form>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<base href="https://evil.example/">',
    '<style>@import url(https://evil.example/x.css);</style>',
    '<p style="background:url(https://evil.example/x.png)">styled</p>',
    '<img src=x onerror=alert(1)>',
    '<p><a href=" javascript:alert(1)">spaced</a> <a href="JaVaScRiPt:alert(1)">cased</a> <a href="https://example.org/ok">ok</a></p>',
    '<ol start="1 onmouseover=alert(1)"><li>item</li></ol>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>',
    '<p>end</p>',
  ].join('\n');

  it('is imported with none of it active: no unknown node, no attribute but level/order/href/title, no unsafe href', async () => {
    const response = await importJson('html', HTML);
    expect(response.status).toBe(201);
    const detail = await json<DocumentDetail>(response);
    const { nodes, attrs } = inventory(detail.revision.doc);
    for (const node of nodes) expect(SCHEMA_NODES, node).toContain(node);
    for (const key of attrs.keys()) expect(SCHEMA_ATTRS, key).toContain(key);
    for (const href of attrs.get('link.href') ?? []) expect(String(href)).toMatch(/^(https?:|mailto:|\/|#)/);
    for (const order of attrs.get('ordered_list.order') ?? []) expect(typeof order).toBe('number');
    const stored = JSON.stringify(detail.revision.doc);
    expect(stored).not.toMatch(/onerror|onmouseover|javascript:|evil\.example|@import|<script|srcdoc|http-equiv/i);
    expect(validateDocJson(detail.revision.doc).ok).toBe(true);
    const text = await (await owner.get(`/api/documents/${detail.id}/text`)).text();
    expect(text).toContain('start');
    expect(text).toContain('end');
    expect(text).not.toContain('alert(1)');
  });
});

describe('D4 hostile Markdown', () => {
  it('raw HTML is text, a javascript: reference link is no link, nothing active', async () => {
    const md = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[a][evil] and [b](javascript:alert(1)) and [c](JaVaScRiPt:alert(1))', '', '[evil]: javascript:alert(1)'].join('\n\n');
    const response = await importJson('markdown', md);
    expect(response.status).toBe(201);
    const detail = await json<DocumentDetail>(response);
    const { nodes, attrs } = inventory(detail.revision.doc);
    for (const node of nodes) expect(SCHEMA_NODES).toContain(node);
    for (const href of attrs.get('link.href') ?? []) expect(String(href)).not.toMatch(/javascript/i);
    // Raw HTML is kept as visible text.
    expect(await (await owner.get(`/api/documents/${detail.id}/text`)).text()).toContain('<script>alert(1)</script>');
  });

  it('50,000 nested ">", a 10 MB line, pathological emphasis: finish or 413/422, the server keeps answering', async () => {
    const cases: Array<{ name: string; content: string; allowed: number[] }> = [
      { name: '50,000 nested >', content: `${'>'.repeat(50_000)} deep`, allowed: [201, 422] },
      { name: 'a 10 MB line', content: 'a'.repeat(10 * 1024 * 1024), allowed: [413] },
      { name: 'pathological emphasis', content: '*a **a '.repeat(100_000), allowed: [201, 422] },
      { name: 'unclosed links', content: '[('.repeat(200_000), allowed: [201, 422] },
      { name: 'nested brackets', content: `${'['.repeat(100_000)}x${']'.repeat(100_000)}`, allowed: [201, 422] },
    ];
    for (const c of cases) {
      const pending = importJson('markdown', c.content);
      expect((await api('/api/health')).status, c.name).toBe(200);
      const response = await pending;
      expect(c.allowed, `${c.name}: ${response.status}`).toContain(response.status);
      expect(await response.text()).not.toMatch(INTERNALS);
    }
  });
});

describe('D5 encodings: the documented policy, and anchors that survive a re-import', () => {
  const utf16le = (s: string) => {
    const body = Buffer.from(s, 'utf16le');
    return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), body]));
  };

  it.each([
    { name: 'UTF-8 BOM (stripped)', bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('BOM text')]), status: 201, text: 'BOM text' },
    { name: 'UTF-16LE with BOM (decoded)', bytes: utf16le('十六位 text'), status: 201, text: '十六位 text' },
    { name: 'invalid UTF-8 (422)', bytes: new Uint8Array([0x61, 0xc3, 0x28, 0x62]), status: 422 },
    { name: 'NUL bytes (415)', bytes: new Uint8Array([0x61, 0x00, 0x62]), status: 415 },
    { name: 'an encoded lone surrogate (422)', bytes: new Uint8Array([0x61, 0xed, 0xa0, 0x80, 0x62]), status: 422 },
    { name: 'CR, CRLF and LF mixed (all LF)', bytes: new Uint8Array(Buffer.from('one\rtwo\r\nthree\nfour')), status: 201, text: 'one\ntwo\nthree\nfour' },
    { name: 'U+202E and a ZWJ emoji (kept)', bytes: new Uint8Array(Buffer.from('abc\u202Edef 👩‍👩‍👧')), status: 201, text: 'abc\u202Edef 👩‍👩‍👧' },
    { name: 'NFD (normalized to NFC)', bytes: new Uint8Array(Buffer.from('Cafe\u0301')), status: 201, text: 'Café' },
  ])('$name', async ({ bytes, status, text }) => {
    const run = () => upload('encoding.txt', bytes);
    const response = status === 201 ? await run() : await unchanged(run);
    expect(response.status).toBe(status);
    if (status === 201) {
      const detail = await json<DocumentDetail>(response);
      expect(await (await owner.get(`/api/documents/${detail.id}/text`)).text()).toBe(text);
    } else {
      expect(await (await errorOf(response)).code).toBe(status === 415 ? 'unsupported_media_type' : 'unprocessable_content');
    }
  });

  it('an annotation on text after U+202E, ZWJ emoji and NFD input still covers the same characters after re-importing the same bytes', async () => {
    const source = 'Cafe\u0301 \u202Eرتل👩‍👩‍👧 目標 end';
    const response = await upload('anchors.txt', source);
    expect(response.status).toBe(201);
    const detail = await json<DocumentDetail>(response);
    const created = await owner.post(`/api/documents/${detail.id}/annotations`, { tag: 'claim', target: { revisionId: detail.revision.id, selector: [{ type: 'TextQuoteSelector', exact: '目標' }] } });
    expect(created.status).toBe(201);
    const annotation = await json<Annotation>(created);
    const form = new FormData();
    form.set('file', new Blob([source]), 'anchors.txt');
    const again = await owner.request(`/api/documents/${detail.id}/revisions`, { method: 'POST', body: form });
    expect(again.status).toBe(201);
    const after = await json<Annotation>(await owner.get(`/api/annotations/${annotation.id}`));
    expect(after.anchorStatus).toBe('anchored');
    expect(after.target.selector[0]).toEqual(annotation.target.selector[0]);
    expect(after.target.selector[1].exact).toBe('目標');
  });
});

describe('D6 file sizes, types and names', () => {
  it('0 bytes → 400; over the limit → 413; a PNG named .md → 415; nothing stored', async () => {
    await unchanged(async () => {
      expect((await upload('empty.md', new Uint8Array())).status).toBe(400);
      expect((await upload('big.txt', 'a'.repeat(MAX_DOCUMENT_BYTES + 1))).status).toBe(413);
      expect((await upload('photo.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]))).status).toBe(415);
    });
  });

  it('an announced 1 GB upload is refused from its headers, before the body is read', async () => {

    const url = new URL('/api/documents', owner.baseUrl);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(url, {
        method: 'POST',
        headers: { cookie: owner.cookieHeader(), 'x-csrf-token': owner.csrfToken!, 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(1024 ** 3) },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', (error) => reject(error));
      // A few bytes of the gigabyte; the answer must come without the rest.
      req.write('--x\r\nContent-Disposition: form-data; name="file"; filename="huge.txt"\r\n\r\naaaa');
    });
    expect(status).toBe(413);
  });

  it.each(['../../etc/passwd.md', 'a%00.md', 'a\u0000b.md', `${'n'.repeat(296)}.txt`, '..\\..\\windows\\win.ini.txt', 'C:\\boot.ini.md'])('the name %j is metadata only: no path is used, the title is capped', async (name) => {
    const response = await upload(name, '# Name test\n\nbody');
    expect([201, 400]).toContain(response.status);
    if (response.status === 201) {
      const detail = await json<DocumentDetail>(response);
      expect(detail.title).not.toMatch(/[\\/]|\u0000/);
      expect([...detail.title].length).toBeLessThanOrEqual(300);
      expect(JSON.stringify(detail)).not.toContain('etc/passwd');
    } else {
      expect(await response.text()).not.toMatch(INTERNALS);
    }
  });
});

describe('D7 JSON import with hostile keys and foreign ids', () => {
  it('__proto__ / constructor.prototype keys and another workspace’s ids: no pollution, nothing of theirs touched, ids minted anew or all refused', async () => {
    // A Glossa JSON export of one annotated document, as the file a person would import.
    const source = await json<DocumentDetail>(await importJson('text', '來源文件的第一句。第二句在這裡。', 'D7 source'));
    const annotated = await owner.post(`/api/documents/${source.id}/annotations`, { tag: 'claim', note: 'source note', target: { revisionId: source.revision.id, selector: [{ type: 'TextQuoteSelector', exact: '第二句' }] } });
    expect(annotated.status).toBe(201);
    const sourceAnnotation = await json<Annotation>(annotated);
    const exported = await owner.get(`/api/documents/${source.id}/export?format=json`);
    expect(exported.status).toBe(200);
    const text = await exported.text();
    const polluted = text
      .replace(/^\{/, '{"__proto__":{"polluted":"root"},"constructor":{"prototype":{"polluted":"ctor"}},')
      .replace('"note":"source note"', '"note":"source note","__proto__":{"isAdmin":true},"constructor":{"prototype":{"polluted":"item"}}');
    expect(polluted).not.toBe(text);
    const targetWs = await json<WorkspaceSummary>(await owner.post('/api/workspaces', { name: 'D7 target' }));
    const copy = await json<DocumentDetail>(await owner.post('/api/documents', { title: 'D7 copy', format: 'text', content: '來源文件的第一句。第二句在這裡。', workspaceId: targetWs.id }));
    const before = await query('SELECT * FROM annotation WHERE id = $1', [sourceAnnotation.id]);
    const response = await owner.request(`/api/workspaces/${targetWs.id}/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"data":${polluted},"documentMap":{"${source.id}":"${copy.id}"}}`,
    });
    expect([201, 400]).toContain(response.status);
    expect(await response.text()).not.toMatch(INTERNALS);
    // The source annotation (same id as in the file) is untouched.
    expect(await query('SELECT * FROM annotation WHERE id = $1', [sourceAnnotation.id])).toEqual(before);
    const imported = await query<{ id: string; note: string | null }>('SELECT id, note FROM annotation WHERE document_id = $1', [copy.id]);
    if (response.status === 201) {
      expect(imported.map((r) => r.id)).not.toContain(sourceAnnotation.id);
      expect(imported.map((r) => r.note)).toEqual(['source note']);
    } else {
      expect(imported).toEqual([]);
    }
    // Nothing on the server picked up the keys: fresh JSON answers carry no such property.
    for (const path of ['/api/me', `/api/documents/${copy.id}/annotations`, '/api/workspaces']) {
      const body = await (await owner.get(path)).text();
      expect(body, path).not.toMatch(/polluted|isAdmin/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a file naming another workspace’s document as its target → 404, nothing written', async () => {
    const stranger = await signUpStranger('d7-stranger');
    const theirDoc = await json<DocumentDetail>(await stranger.session.post('/api/documents', { title: 'Theirs', format: 'text', content: '他們的文件。' }));
    const exported = await owner.get(`/api/workspaces/${workspaceId}/export?format=json`);
    const data = (await exported.json()) as { documents: Array<{ id: string }> };
    const ours = await json<WorkspaceSummary>(await owner.post('/api/workspaces', { name: 'D7 target 2' }));
    await unchanged(async () => {
      const response = await owner.post(`/api/workspaces/${ours.id}/import`, { data, documentMap: Object.fromEntries(data.documents.map((d) => [d.id, theirDoc.id])) });
      expect([400, 404]).toContain(response.status);
    });
  });
});
