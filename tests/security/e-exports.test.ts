// SECURITY.md E (exports) and the export parts of B6/B8/C1, beyond tests/api/exports.test.ts:
// the Markdown memo rendered by a CommonMark renderer shows hostile notes as literal text, every
// export format leaves out a colleague's private note and a deleted annotation, and a note that
// would start a cell with NUL is refused at input.
import MarkdownIt from 'markdown-it';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '@glossa/contracts';
import { annotate, json, makeWorld, type ReviewWorld } from '../api/links-fixture';
import { errorOf, unchanged } from './fixture';

let world: ReviewWorld;
const HOSTILE_NOTE = [
  'Plain start.',
  '</details><script>alert(1)</script>',
  '\n# Fake heading',
  '| a | b |\n|---|---|\n| c | d |',
  '```\nfenced block\n```',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1))',
  '<iframe srcdoc="<script>alert(1)</script>">',
  '<details open ontoggle=alert(1)>',
].join('\n');
const PRIVATE_NOTE = `colleague-private-${Date.now()}`;
const DELETED_NOTE = `deleted-note-${Date.now()}`;
let hidden: Annotation;
let deleted: Annotation;

beforeAll(async () => {
  world = await makeWorld('sec-e');
  await annotate(world.analyst.session, world.docA, '逾千名高級別代表', { note: HOSTILE_NOTE });
  hidden = await annotate(world.colleague.session, world.docA, '會議開幕', { note: PRIVATE_NOTE, visibility: 'private' });
  deleted = await annotate(world.colleague.session, world.docB, '大會閉幕', { note: DELETED_NOTE });
  expect((await world.colleague.session.delete(`/api/annotations/${deleted.id}`, { headers: { 'if-match': `"${deleted.version}"` } })).status).toBe(204);
});

describe('E3/C1 the Markdown memo renders hostile notes as literal text', () => {
  it('no script, iframe, img, details, javascript: link, fake heading, table or code block comes from the note', async () => {
    const response = await world.analyst.session.get(`/api/workspaces/${world.workspaceId}/export?format=markdown`);
    expect(response.status).toBe(200);
    const memo = await response.text();
    const html = new MarkdownIt({ html: true, linkify: false }).render(memo);
    expect(html).not.toMatch(/<script|<iframe|<img|<details|href="\s*javascript:/i);
    // No element carries an event handler (the words "onerror=" stay, escaped, as text).
    expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<h\d>Fake heading/);
    expect(html).not.toMatch(/<table>[\s\S]*<td>c<\/td>/);
    expect(html).not.toMatch(/<code>fenced block/);
    // The words themselves are kept, as text.
    expect(html).toContain('Fake heading');
    expect(html).toContain('fenced block');
  });
});

describe('E4/B6/B8 every export format holds only what the requester may read', () => {
  it.each(['markdown', 'csv', 'json', 'w3c', 'docx'])('format=%s: no colleague’s private note, no deleted annotation', async (format) => {
    for (const path of [`/api/workspaces/${world.workspaceId}/export?format=${format}`, `/api/documents/${world.docA.id}/export?format=${format}`, `/api/documents/${world.docB.id}/export?format=${format}`]) {
      const response = await world.analyst.session.get(path);
      expect(response.status, path).toBe(200);
      const body = format === 'docx' ? (await mammoth.extractRawText({ buffer: Buffer.from(await response.arrayBuffer()) })).value : await response.text();
      expect(body, path).not.toContain(PRIVATE_NOTE);
      expect(body, path).not.toContain(hidden.id);
      expect(body, path).not.toContain(DELETED_NOTE);
      expect(body, path).not.toContain(deleted.id);
    }
  });

  it('includePrivate=own as the colleague shows their own private note but still not the deleted one', async () => {
    const response = await world.colleague.session.get(`/api/workspaces/${world.workspaceId}/export?format=json&includePrivate=own`);
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain(PRIVATE_NOTE);
    expect(body).not.toContain(DELETED_NOTE);
  });

  it('a stranger exporting the workspace or a document gets the 404 of a missing id', async () => {
    const s = world.stranger.session;
    const theirs = await s.get(`/api/workspaces/${world.workspaceId}/export?format=json`);
    const missing = await s.get(`/api/workspaces/00000000-0000-4000-8000-000000000000/export?format=json`);
    expect(theirs.status).toBe(404);
    expect(await theirs.json()).toEqual(await json(missing));
  });
});

describe('E1 a note that would start a cell with NUL never gets stored', () => {
  it('\\0=1+2 as a note → 400 on note, nothing stored', async () => {
    await unchanged(async () => {
      const response = await world.analyst.session.post(`/api/documents/${world.docB.id}/annotations`, {
        tag: 'claim',
        note: '\u0000=1+2',
        target: { revisionId: world.docB.revisionId, selector: [{ type: 'TextQuoteSelector', exact: '1400餘名代表' }] },
      });
      expect(response.status).toBe(400);
      expect((await errorOf(response)).fields?.map((f) => f.path)).toEqual(['note']);
    });
  });
});
