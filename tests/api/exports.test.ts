// Exports against the real server and database (issue 7): golden Markdown memo and CSV of the
// seed corpus with a fixed set of annotations, the DOCX memo parsed back, the JSON and W3C
// shapes, formula injection (SECURITY.md E1/E2), escaping (E3), filenames (E4), and exactly what
// the requester may read (B1, B6, B8). Golden files: tests/fixtures/exports/ (UPDATE_GOLDEN=1 rewrites).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { get as httpGet, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { Annotation as AnnotationSchema, GlossaExport, type Annotation, type ApiErrorBody, type DocumentDetail, type Link, type WorkspaceSummary } from '@glossa/contracts';
import { seedMarkdown } from '@glossa/importers';
import { readSeedCorpus } from '@glossa/seeds';
import { joinWithRole, query, signUpStranger, type Session, type TestUser } from '../support/api';
import { ROOT } from '../support/server';
import { BAD_QUERIES, BAD_WORKSPACE_QUERIES, INJECTION_NOTES, ROUND_TRIP_NOTES, parseCsvStrict } from './exports-cases';

const GOLDEN_DIR = join(ROOT, 'tests/fixtures/exports');
const BOM = '\uFEFF';

interface Doc {
  id: string;
  revisionId: string;
  text: string;
}

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

async function createWorkspace(session: Session, name: string): Promise<string> {
  const response = await session.post('/api/workspaces', { name });
  expect(response.status).toBe(201);
  return (await json<WorkspaceSummary>(response)).id;
}

async function importDoc(session: Session, workspaceId: string, title: string, format: 'text' | 'markdown', content: string): Promise<Doc> {
  const response = await session.post('/api/documents', { title, format, content, workspaceId });
  expect(response.status).toBe(201);
  const detail = await json<DocumentDetail>(response);
  const text = await session.get(`/api/documents/${detail.id}/text`);
  expect(text.status).toBe(200);
  return { id: detail.id, revisionId: detail.revision.id, text: await text.text() };
}

/** Annotates the `occurrence`-th appearance of `phrase` by its code-point position. */
async function annotate(session: Session, doc: Doc, phrase: string, extra: Record<string, unknown> = {}, occurrence = 0): Promise<Annotation> {
  let at = -1;
  for (let k = 0; k <= occurrence; k++) at = doc.text.indexOf(phrase, at + 1);
  if (at < 0) throw new Error(`${phrase} is not in the text`);
  const start = [...doc.text.slice(0, at)].length;
  const response = await session.post(`/api/documents/${doc.id}/annotations`, {
    tag: 'claim',
    target: { revisionId: doc.revisionId, selector: [{ type: 'TextPositionSelector', start, end: start + [...phrase].length }] },
    ...extra,
  });
  expect(response.status).toBe(201);
  return json<Annotation>(response);
}

async function ok(response: Promise<Response>): Promise<Response> {
  const r = await response;
  if (r.status !== 200) throw new Error(`answered ${r.status}: ${await r.text()}`);
  return r;
}

/**
 * Makes an export comparable across runs: ids become <id-N> in order of first appearance, and
 * timestamps and dates become placeholders (they are the only values a run does not control).
 */
function normalize(text: string): string {
  const ids = new Map<string, string>();
  return text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, (id) => {
      const key = id.toLowerCase();
      if (!ids.has(key)) ids.set(key, `<id-${ids.size + 1}>`);
      return ids.get(key)!;
    })
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<timestamp>')
    .replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/g, '<minute>')
    .replace(/\d{4}-\d{2}-\d{2}/g, '<date>');
}

function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name);
  // UPDATE_GOLDEN=1 rewrites the file after a reviewed change of the format; otherwise it must exist and match.
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
  expect(existsSync(path), `${path} is missing; run with UPDATE_GOLDEN=1 and review it`).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

// The fixed world: a workspace holding the five seed documents and one short note, annotated by
// a lead, an analyst and a reviewer in a fixed order.
let lead: TestUser;
let analyst: TestUser;
let reviewer: TestUser;
let stranger: TestUser;
let workspaceId: string;
let seedDocs: Doc[];
let shortNote: Doc;
const fixed: Record<string, Annotation> = {};
let contradiction: Link;

beforeAll(async () => {
  lead = await signUpStranger('Golden-Lead');
  workspaceId = await createWorkspace(lead.session, 'Golden memo');
  analyst = await joinWithRole(lead.session, workspaceId, 'analyst', 'Golden-Analyst');
  reviewer = await joinWithRole(lead.session, workspaceId, 'reviewer', 'Golden-Reviewer');
  stranger = await signUpStranger('Golden-Stranger');

  seedDocs = [];
  for (const seed of await readSeedCorpus()) {
    seedDocs.push(await importDoc(lead.session, workspaceId, seed.title, 'markdown', seedMarkdown(seed.bytes.toString('utf8'))));
  }
  const [d0, d1, d2, d3] = seedDocs as [Doc, Doc, Doc, Doc, Doc];
  fixed.attendanceA = await annotate(lead.session, d0, '逾千名高級別代表', {
    note: 'Attendance as this column states it.\n# Fake heading | a | b |\n</details><script>alert(1)</script>\n```\nfenced\n```',
  });
  fixed.shareA = await annotate(analyst.session, d0, '亞太地區貢獻了全球六成以上的經濟總量', { tag: 'data' });
  fixed.attendanceB = await annotate(analyst.session, d1, '1400餘名代表', { tag: 'data', note: '=1400, against "逾千" in the column' });
  fixed.shareB = await annotate(analyst.session, d1, '超出六成的全球經濟總量', { tag: 'data', note: 'Same share, other wording.' });
  fixed.role = await annotate(analyst.session, d2, '实现了角色转变', { tag: 'opinion', note: '作者的判断' });
  fixed.privateOther = await annotate(analyst.session, d3, '清华大学战略与安全研究中心中国论坛', { tag: 'opinion', visibility: 'private', note: 'analyst only' });
  fixed.privateOwn = await annotate(lead.session, d2, '实现了角色转变', { tag: 'claim', visibility: 'private', note: 'lead only' });
  fixed.deleted = await annotate(lead.session, d3, '清华大学战略与安全研究中心中国论坛', { note: 'deleted later' });
  expect((await lead.session.delete(`/api/annotations/${fixed.deleted.id}`, { headers: { 'if-match': `"${fixed.deleted.version}"` } })).status).toBe(204);

  // Review: one accepted with a comment, one rejected with a comment.
  for (const [key, decision, comment] of [
    ['attendanceB', 'accept', '核對過原文：1400餘名。'],
    ['shareB', 'reject', 'Duplicate of the column\u2019s figure.'],
  ] as const) {
    const submitted = await ok(analyst.session.post(`/api/annotations/${fixed[key]!.id}/submit`));
    const version = (await json<Annotation>(submitted)).version;
    await ok(reviewer.session.post(`/api/annotations/${fixed[key]!.id}/decision`, { decision, comment }, { headers: { 'if-match': `"${version}"` } }));
  }

  // A contradiction taken through review to a resolution, and a supports link (JSON only).
  const raised = await lead.session.post('/api/links', {
    type: 'contradicts',
    annotationIds: [fixed.attendanceA.id, fixed.attendanceB.id],
    rationale: '逾千 vs 1400餘: the two reports count the delegates differently | really?',
    severity: 'high',
  });
  expect(raised.status).toBe(201);
  let link = await json<Link>(raised);
  link = await json<Link>(await ok(reviewer.session.post(`/api/links/${link.id}/transitions`, { action: 'confirm', note: 'Both counts are cited.' }, { headers: { 'if-match': `"${link.version}"` } })));
  contradiction = await json<Link>(
    await ok(reviewer.session.post(`/api/links/${link.id}/transitions`, { action: 'resolve', note: 'Not a contradiction: 1400 is more than a thousand.' }, { headers: { 'if-match': `"${link.version}"` } })),
  );
  expect((await analyst.session.post('/api/links', { type: 'supports', annotationIds: [fixed.shareA.id, fixed.shareB.id], rationale: 'Same six-tenths share' })).status).toBe(201);

  // A detached annotation: its passage disappears in the next revision.
  shortNote = await importDoc(lead.session, workspaceId, 'Short note', 'text', 'The meeting ended early. Delegates left.');
  fixed.detached = await annotate(lead.session, shortNote, 'ended early', { note: 'Check the time.' });
  expect((await lead.session.post(`/api/documents/${shortNote.id}/revisions`, { format: 'text', content: 'The meeting closed on time. Delegates left.' })).status).toBe(201);
}, 180_000);

const exportPath = (query: string) => `/api/workspaces/${workspaceId}/export?${query}`;

describe('golden files for the seed corpus', () => {
  it('the Markdown memo of the workspace reads as a document', async () => {
    const response = await ok(lead.session.get(exportPath('format=markdown')));
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(response.headers.get('x-glossa-annotation-count')).toBe('6');
    const memo = await response.text();
    expect(memo).toContain('## Contradictions');
    expect(memo).toContain('## Appendix: detached annotations');
    // E3: the note's markup is escaped, so it renders as literal text.
    expect(memo).not.toMatch(/^# Fake/m);
    expect(memo).not.toContain('<script>');
    expect(memo).toContain('\\# Fake heading \\| a \\| b \\|');
    // Never exported: another member's private note, the lead's own private one (not asked for), a deleted one.
    expect(memo).not.toContain('analyst only');
    expect(memo).not.toContain('lead only');
    expect(memo).not.toContain('deleted later');
    expectGolden('seed-memo.md', normalize(memo));
  });

  it('the CSV has the documented columns, a BOM, CRLF records and one row per annotation', async () => {
    const response = await ok(lead.session.get(exportPath('format=csv')));
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    expect(text.startsWith(BOM)).toBe(true);
    const rows = parseCsvStrict(text.slice(1));
    expect(rows[0]).toEqual([
      'annotation_id', 'document_id', 'document_title', 'revision_id', 'quote', 'prefix', 'suffix', 'tag', 'note', 'author_id', 'author_name',
      'visibility', 'status', 'anchor_status', 'start', 'end', 'created', 'updated', 'flag_ids',
    ]);
    expect(rows).toHaveLength(7);
    for (const row of rows) expect(row).toHaveLength(19);
    const byId = new Map(rows.slice(1).map((row) => [row[0], row]));
    expect(byId.get(fixed.attendanceB!.id)![8]).toBe(`'=1400, against "逾千" in the column`);
    expect(byId.get(fixed.attendanceA!.id)![18]).toBe(contradiction.id);
    expect(byId.get(fixed.detached!.id)![13]).toBe('detached');
    expectGolden('seed-annotations.csv', normalize(text));
  });
});

describe('formats', () => {
  it('the DOCX memo opens and holds the passages, the contradiction and the appendix', async () => {
    const response = await ok(lead.session.get(exportPath('format=docx')));
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const buffer = Buffer.from(await response.arrayBuffer());
    const { value } = await mammoth.extractRawText({ buffer });
    for (const passage of ['逾千名高級別代表', '亞太地區貢獻了全球六成以上的經濟總量', '1400餘名代表', '超出六成的全球經濟總量', '实现了角色转变', 'ended early']) expect(value).toContain(passage);
    expect(value).toContain('Contradictions');
    expect(value).toContain('Not a contradiction: 1400 is more than a thousand.');
    expect(value).toContain('核對過原文：1400餘名。');
    expect(value).toContain('Appendix: detached annotations');
    expect(value).not.toContain('analyst only');
    expect(value).not.toContain('deleted later');
    const html = (await mammoth.convertToHtml({ buffer })).value;
    expect(html).toContain('<table>');
  });

  it('the JSON export is the full model with exactly the documented keys', async () => {
    const response = await ok(lead.session.get(exportPath('format=json')));
    const body = await json<Record<string, unknown>>(response);
    expect(Object.keys(body)).toEqual(['glossa', 'version', 'exportedAt', 'workspace', 'documents', 'annotations', 'links', 'comments', 'events']);
    const parsed = GlossaExport.parse(body);
    expect(parsed.workspace).toEqual({ id: workspaceId, name: 'Golden memo' });
    expect(parsed.documents.map((d) => d.id)).toEqual([...seedDocs.map((d) => d.id), shortNote.id]);
    expect(parsed.annotations.map((a) => a.id).sort()).toEqual(
      [fixed.attendanceA, fixed.shareA, fixed.attendanceB, fixed.shareB, fixed.role, fixed.detached].map((a) => a!.id).sort(),
    );
    for (const annotation of parsed.annotations) AnnotationSchema.parse(annotation);
    expect(parsed.links.map((l) => l.type).sort()).toEqual(['contradicts', 'supports']);
    expect(parsed.comments.map((c) => c.body)).toEqual(expect.arrayContaining(['核對過原文：1400餘名。', 'Duplicate of the column\u2019s figure.']));
    const eventTypes = new Set(parsed.events.map((e) => e.type));
    for (const type of ['annotation.created', 'annotation.decided', 'annotation.reanchored', 'link.created', 'link.transitioned']) expect(eventTypes).toContain(type);
    const exported = new Set([...parsed.annotations.map((a) => a.id), ...parsed.links.map((l) => l.id)]);
    for (const event of parsed.events) expect(exported.has(event.subjectId)).toBe(true);
  });

  it('format=w3c answers an AnnotationCollection with every annotation in scope', async () => {
    const response = await ok(lead.session.get(exportPath('format=w3c')));
    expect(response.headers.get('content-type')).toContain('application/ld+json');
    const body = await json<{ type: string; total: number; first: { items: Array<{ id: string; target: { selector: Array<{ type: string }> } }> } }>(response);
    expect(body.type).toBe('AnnotationCollection');
    expect(body.total).toBe(6);
    expect(body.first.items).toHaveLength(6);
    expect(body.first.items.map((i) => i.id).some((id) => id.endsWith(fixed.attendanceA!.id))).toBe(true);
  });

  it('a document export holds that document only and names it', async () => {
    const response = await ok(lead.session.get(`/api/documents/${seedDocs[1]!.id}/export?format=markdown`));
    const memo = await response.text();
    expect(memo.startsWith('# Review memo: 王毅出席APEC高官會 強調圍繞開放創新合作推進全年議程\n')).toBe(true);
    expect(memo).toContain('1400餘名代表');
    expect(memo).not.toContain('亞太地區貢獻了全球六成以上的經濟總量**');
    expect(response.headers.get('x-glossa-annotation-count')).toBe('2');
  });
});

describe('what the requester may read', () => {
  it('includePrivate=own adds the requester\u2019s own private notes, never anyone else\u2019s', async () => {
    const csv = await (await ok(lead.session.get(exportPath('format=csv&includePrivate=own')))).text();
    expect(csv).toContain('lead only');
    expect(csv).not.toContain('analyst only');
    expect(csv).not.toContain('deleted later');
    const analystCsv = await (await ok(analyst.session.get(exportPath('format=csv&includePrivate=own')))).text();
    expect(analystCsv).toContain('analyst only');
    expect(analystCsv).not.toContain('lead only');
  });

  it('filters narrow the export: tag, status, author, dates and a selection of documents', async () => {
    // Each body is read to the end: an unread one keeps its export running on the server, and a
    // person may run only a few at once.
    const count = async (query: string) => {
      const response = await ok(lead.session.get(exportPath(query)));
      await response.arrayBuffer();
      return Number(response.headers.get('x-glossa-annotation-count'));
    };
    expect(await count('format=csv&tag=data')).toBe(3);
    expect(await count('format=csv&status=accepted')).toBe(1);
    expect(await count(`format=csv&author=${analyst.me.user.id}`)).toBe(4);
    expect(await count('format=csv&to=2000-01-01')).toBe(0);
    expect(await count('format=csv&from=2000-01-01')).toBe(6);
    expect(await count(`format=csv&documentIds=${seedDocs[0]!.id},${seedDocs[1]!.id}`)).toBe(4);
    expect(await count(`format=csv&documentIds=${seedDocs[0]!.id}&documentIds=${shortNote.id}`)).toBe(3);
  });

  it('a stranger gets 404 for the workspace and its documents, the same body as a missing id', async () => {
    const missing = await stranger.session.get(`/api/workspaces/00000000-0000-4000-8000-000000000000/export?format=csv`);
    expect(missing.status).toBe(404);
    const foreign = await stranger.session.get(exportPath('format=csv'));
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toEqual(await missing.json());
    expect((await stranger.session.get(`/api/documents/${seedDocs[0]!.id}/export?format=markdown`)).status).toBe(404);
    expect((await stranger.session.get(`/api/documents/not-an-id/export?format=markdown`)).status).toBe(404);
  });

  it('documentIds naming another workspace\u2019s document answers 404 (B3)', async () => {
    const theirs = await createWorkspace(stranger.session, 'Elsewhere');
    const doc = await importDoc(stranger.session, theirs, 'Theirs', 'text', 'Someone else\u2019s text.');
    expect((await lead.session.get(exportPath(`format=csv&documentIds=${seedDocs[0]!.id},${doc.id}`))).status).toBe(404);
  });

  it('anonymous callers get 401', async () => {
    const response = await fetch(`${lead.session.baseUrl}${exportPath('format=csv')}`);
    expect(response.status).toBe(401);
  });
});

describe('bad queries', () => {
  it.each(BAD_QUERIES)('?%s → 400 naming %s', async (query, field) => {
    const qs = new URLSearchParams(query).toString();
    for (const path of [exportPath(qs), `/api/documents/${seedDocs[0]!.id}/export?${qs}`]) {
      const response = await lead.session.get(path);
      expect(response.status).toBe(400);
      const body = await json<ApiErrorBody>(response);
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.fields?.map((f) => f.path)).toContain(field);
    }
  });

  it.each(BAD_WORKSPACE_QUERIES)('workspace ?%s → 400 naming %s', async (query, field) => {
    const response = await lead.session.get(exportPath(query));
    expect(response.status).toBe(400);
    expect((await json<ApiErrorBody>(response)).error.fields?.map((f) => f.path)).toContain(field);
  });

  it('documentIds belongs to workspace exports only', async () => {
    const response = await lead.session.get(`/api/documents/${seedDocs[0]!.id}/export?format=csv&documentIds=${seedDocs[0]!.id}`);
    expect(response.status).toBe(400);
  });
});

describe('CSV safety (SECURITY.md E1, E2)', () => {
  let ws: string;
  beforeAll(async () => {
    ws = await createWorkspace(lead.session, 'CSV safety');
    const doc = await importDoc(lead.session, ws, 'Cells', 'text', 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma');
    const words = doc.text.split(' ');
    let i = 0;
    for (const note of [...INJECTION_NOTES, ...ROUND_TRIP_NOTES]) await annotate(lead.session, doc, words[i++]!, { note });
  });

  it('no text cell starts with = + - @ TAB CR; quoted originals come back with one leading quote', async () => {
    const text = await (await ok(lead.session.get(`/api/workspaces/${ws}/export?format=csv`))).text();
    const rows = parseCsvStrict(text.slice(1));
    expect(rows).toHaveLength(1 + INJECTION_NOTES.length + ROUND_TRIP_NOTES.length);
    for (const row of rows) {
      expect(row).toHaveLength(19);
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r\0]/);
    }
    const notes = rows.slice(1).map((row) => row[8]);
    for (const note of INJECTION_NOTES) expect(notes).toContain(`'${note}`);
    for (const note of ROUND_TRIP_NOTES) expect(notes).toContain(note);
  });
});

describe('Content-Disposition (RFC 6266, SECURITY.md E4)', () => {
  it('a Chinese title goes in filename* with an ASCII fallback', async () => {
    const response = await ok(lead.session.get(`/api/documents/${seedDocs[0]!.id}/export?format=csv`));
    const header = response.headers.get('content-disposition')!;
    expect(header).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(header).toContain(`filename*=UTF-8''${encodeURIComponent('廣州APEC第一次高官會-annotations.csv')}`);
    expect(header).toContain('filename="APEC-annotations.csv"');
  });

  it('a hostile title cannot split the header or add a second filename', async () => {
    const ws = await createWorkspace(lead.session, 'Filenames');
    const doc = await importDoc(lead.session, ws, `a"; filename*=UTF-8''evil.html Set-Cookie: x=y`, 'text', 'Some text to export.');
    await annotate(lead.session, doc, 'Some text');
    const response = await ok(lead.session.get(`/api/documents/${doc.id}/export?format=markdown`));
    const header = response.headers.get('content-disposition')!;
    expect(header).not.toMatch(/[\r\n]/);
    expect((header.match(/filename\*=/g) ?? []).length).toBeLessThanOrEqual(1);
    expect(header.match(/filename=/g)).toHaveLength(1);
    expect(header).not.toContain('.html"');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(header.endsWith('-review-memo.md"') || header.endsWith('-review-memo.md')).toBe(true);
  });
});

describe('OpenAPI', () => {
  it('documents both export routes with their filters', async () => {
    const document = (await (await lead.session.get('/api/docs')).json()) as {
      paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string; required: boolean }> }>>;
    };
    for (const path of ['/api/documents/{id}/export', '/api/workspaces/{id}/export']) {
      const parameters = document.paths[path]?.get?.parameters ?? [];
      const query = parameters.filter((p) => p.in === 'query');
      expect(query.map((p) => p.name)).toEqual(expect.arrayContaining(['format', 'tag', 'status', 'author', 'from', 'to', 'includePrivate']));
      expect(query.find((p) => p.name === 'format')?.required).toBe(true);
    }
    const workspaceQuery = document.paths['/api/workspaces/{id}/export']!.get!.parameters!.map((p) => p.name);
    expect(workspaceQuery).toContain('documentIds');
  });
});

describe('streaming', () => {
  it('a client that leaves midway ends the export\u2019s snapshot and returns its connection', async () => {
    const ws = await createWorkspace(lead.session, 'Large export');
    const doc = await importDoc(lead.session, ws, 'Large', 'text', 'Some text to export, many times over.');
    // 100,000 rows straight into the table: far more than the socket buffers between server and test hold.
    await query(
      `INSERT INTO annotation (workspace_id, document_id, revision_id, author_id, tag, visibility, start_offset, end_offset, quote_exact, quote_suffix, note)
       SELECT $1, $2, $3, $4, 'claim', 'shared', 0, 4, 'Some', ' text to export', 'note number ' || n || repeat(' padding', 8) FROM generate_series(1, 100000) AS n`,
      [ws, doc.id, doc.revisionId, lead.me.user.id],
    );
    const openSnapshots = async () =>
      (
        await query<{ n: number }>(
          // Backends inside a transaction other than this probe: only the export's while it runs.
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE pid <> pg_backend_pid() AND backend_type = 'client backend' AND xact_start IS NOT NULL`,
        )
      )[0]!.n;
    // A bearer token, as scripts export.
    const token = await lead.session.post('/api/auth/tokens', { name: 'export script' });
    expect(token.status).toBe(201);
    const { token: secret } = await json<{ token: string }>(token);
    // node:http, so that not reading really stops the server (fetch would buffer ahead).
    const request = httpGet(`${lead.session.baseUrl}/api/workspaces/${ws}/export?format=csv`, { headers: { authorization: `Bearer ${secret}` } });
    const response = await new Promise<IncomingMessage>((resolve, reject) => request.once('response', resolve).once('error', reject));
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-glossa-annotation-count']).toBe('100000');
    // Take one chunk, then stop reading: the export waits on the client with its snapshot open.
    await new Promise<void>((resolve) => response.once('data', () => (response.pause(), resolve())));
    expect(await openSnapshots()).toBe(1);
    request.destroy();
    const deadline = Date.now() + 10_000;
    while ((await openSnapshots()) > 0 && Date.now() < deadline) await new Promise((r) => setImmediate(r));
    expect(await openSnapshots()).toBe(0);

    // The DOCX memo is built in memory, so it refuses more than 20,000 annotations (docs/EXPORTS.md).
    const docx = await lead.session.get(`/api/workspaces/${ws}/export?format=docx`);
    expect(docx.status).toBe(400);
    expect(docx.headers.get('content-disposition')).toBeNull();
    expect((await json<ApiErrorBody>(docx)).error.fields?.map((f) => f.path)).toEqual(['format']);
    expect(await openSnapshots()).toBe(0);
  });
});
