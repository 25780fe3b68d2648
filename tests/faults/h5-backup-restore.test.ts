// H5: back up a working database, restore it into a fresh PostgreSQL whose schema the API's own
// migrations built, and compare: every table's rows (count and digest), anchors, what the API
// reads back, and the exports byte for byte once their timestamps are set aside.
// The dump is logical over the protocol (tests/faults/support/logical-dump.ts explains why not pg_dump).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../support/server';
import { connectLive } from '../support/live-client';
import { bearer, FaultDatabase, reportFigures, startFaultServer, tokenFor } from './support/fault-rig';
import { dumpDatabase, restoreDatabase, tableDigests } from './support/logical-dump';

const ANNOTATIONS = 160;
const EXPORT_FORMATS = ['json', 'markdown', 'csv', 'w3c'] as const;

let source: FaultDatabase;
let target: FaultDatabase;
let server: RunningServer;
let token: string;
let documentId: string;
const figures: Record<string, unknown> = {};
/** W3C ids are IRIs under the public origin; both servers are the same site, as after a real restore. */
const SITE = { GLOSSA_PUBLIC_URL: 'http://glossa.restore.test' };

/** Export timestamps (ISO instants, and the memo's human-readable "exported" line) are the only expected difference. */
function withoutTimestamps(text: string): string {
  return text.replace(/\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?/g, '<time>');
}

async function readThroughApi(baseUrl: string): Promise<{ document: unknown; annotations: unknown; exports: Record<string, string | null> }> {
  const document = await bearer(baseUrl, token, 'GET', `/api/documents/${documentId}`);
  expect(document.status).toBe(200);
  const annotations = await bearer(baseUrl, token, 'GET', `/api/documents/${documentId}/annotations`);
  expect(annotations.status).toBe(200);
  const exports: Record<string, string | null> = {};
  for (const format of EXPORT_FORMATS) {
    const response = await fetch(`${baseUrl}/api/documents/${documentId}/export?format=${format}&includePrivate=own`, { headers: { authorization: `Bearer ${token}` } });
    // null: this build has no such export.
    exports[format] = response.status === 200 ? withoutTimestamps(await response.text()) : null;
  }
  return { document: document.body, annotations: annotations.body, exports };
}

beforeAll(async () => {
  source = await FaultDatabase.start('h5-source');
  server = await startFaultServer(source, 'fault-h5-source', SITE);
  token = (await tokenFor(server.baseUrl, 'h5-editor')).token;
  const paragraphs = Array.from({ length: 120 }, (_, i) => `Paragraph ${i}: the survey of ${1800 + i} counted ${i * 13} households — «${i % 7}» 🚢 in the port.`);
  const imported = await bearer(server.baseUrl, token, 'POST', '/api/documents', { title: 'H5 backup 📚', format: 'markdown', content: paragraphs.join('\n\n') });
  expect(imported.status).toBe(201);
  documentId = (imported.body as { id: string }).id;
  const revisionId = (imported.body as { revision: { id: string } }).revision.id;
  const ids: string[] = [];
  for (let i = 0; i < ANNOTATIONS; i++) {
    const start = (i * 41) % 9000;
    const created = await bearer(server.baseUrl, token, 'POST', `/api/documents/${documentId}/annotations`, {
      tag: (['claim', 'opinion', 'data'] as const)[i % 3],
      note: i % 4 === 0 ? null : `Note ${i} with “quotes” and 漢字`,
      visibility: i % 10 === 0 ? 'private' : 'shared',
      target: { revisionId, selector: [{ type: 'TextPositionSelector', start, end: start + 11 }] },
    });
    expect(created.status).toBe(201);
    ids.push((created.body as { id: string }).id);
  }
  // Edits, deletions, comments and a re-import that detaches some annotations: history to keep.
  for (const id of ids.slice(0, 30)) {
    const current = await bearer(server.baseUrl, token, 'GET', `/api/annotations/${id}`);
    const patched = await bearer(server.baseUrl, token, 'PATCH', `/api/annotations/${id}`, { note: 'edited before the backup' }, { 'if-match': current.headers!.get('etag')! });
    expect(patched.status).toBe(200);
  }
  for (const id of ids.slice(30, 40)) expect((await bearer(server.baseUrl, token, 'DELETE', `/api/annotations/${id}`, undefined, { 'if-match': (await bearer(server.baseUrl, token, 'GET', `/api/annotations/${id}`)).headers!.get('etag')! })).status).toBe(204);
  for (const id of ids.slice(40, 50)) expect((await bearer(server.baseUrl, token, 'POST', `/api/annotations/${id}/comments`, { body: `A comment on ${id.slice(0, 8)}` })).status).toBe(201);
  const revised = paragraphs.filter((_, i) => i % 5 !== 2).join('\n\n');
  expect((await bearer(server.baseUrl, token, 'POST', `/api/documents/${documentId}/revisions`, { format: 'markdown', content: revised })).status).toBe(201);
}, 240_000);

afterAll(async () => {
  reportFigures('h5-backup-restore', figures);
  await server?.stop();
  await source?.dispose();
  await target?.dispose();
});

describe('H5: backup and restore into a fresh database', () => {
  it('restores the same rows, anchors, API reads and exports', async () => {
    const before = await readThroughApi(server.baseUrl);
    const anchorsBefore = await source.query(`SELECT id, anchor_status, revision_id, start_offset, end_offset, quote_exact, quote_prefix, quote_suffix, version FROM annotation ORDER BY id`);
    const digestsBefore = await tableDigests(source.url);
    // The API stops first, as an operator would for a cold backup.
    expect(await server.stop()).toBe(0);
    const dumpFile = join(source.dataDir, 'backup.json');
    const dumpStarted = Date.now();
    const dump = await dumpDatabase(source.url, dumpFile);
    figures.dumpMs = Date.now() - dumpStarted;
    figures.rowsDumped = Object.fromEntries(Object.entries(dump.tables).map(([t, rows]) => [t, rows.length]));

    // A fresh PostgreSQL; the API's migrations build the schema, then the backup is loaded.
    target = await FaultDatabase.start('h5-target');
    const migrate = await startFaultServer(target, 'fault-h5-migrate');
    expect(await migrate.stop()).toBe(0);
    const restoreStarted = Date.now();
    await restoreDatabase(target.url, dumpFile);
    figures.restoreMs = Date.now() - restoreStarted;

    const digestsAfter = await tableDigests(target.url);
    expect(digestsAfter).toEqual(digestsBefore);
    expect(await target.query(`SELECT id, anchor_status, revision_id, start_offset, end_offset, quote_exact, quote_prefix, quote_suffix, version FROM annotation ORDER BY id`)).toEqual(anchorsBefore);
    figures.tablesCompared = Object.keys(digestsAfter).length;
    figures.annotationRows = digestsAfter.annotation?.rows;
    figures.detached = (await target.query<{ n: number }>(`SELECT count(*)::int AS n FROM annotation WHERE anchor_status = 'detached'`))[0]!.n;

    // A backup usually comes from a cluster whose transaction counter ran further than the fresh
    // one's: the event log's txids are then ahead of every id this cluster will hand out soon.
    // Shift them so, as a real restore from a busier cluster would leave them.
    await target.query(`UPDATE event SET txid = (txid::text::bigint + 1000000000)::text::xid8`);
    const ahead = async () => (await target.query<{ n: number }>(`SELECT count(*)::int AS n FROM event WHERE txid >= pg_snapshot_xmax(pg_current_snapshot())`))[0]!.n;
    expect(await ahead()).toBeGreaterThan(0);

    // The restored database serves the same answers, to the same API token.
    server = await startFaultServer(target, 'fault-h5-target', SITE);
    // The live channel took the restored history as history: nothing is left ahead of this cluster.
    expect(await ahead()).toBe(0);
    const after = await readThroughApi(server.baseUrl);
    expect(after.document).toEqual(before.document);
    expect(after.annotations).toEqual(before.annotations);
    for (const format of EXPORT_FORMATS) expect(after.exports[format], `${format} export`).toBe(before.exports[format]);
    figures.exportsCompared = EXPORT_FORMATS.filter((f) => before.exports[f] !== null);

    // And it takes new writes: the sequences were restored past the dumped rows.
    const created = await bearer(server.baseUrl, token, 'POST', `/api/documents/${documentId}/annotations`, {
      tag: 'claim',
      target: { revisionId: (after.document as { revision: { id: string } }).revision.id, selector: [{ type: 'TextPositionSelector', start: 3, end: 12 }] },
    });
    expect(created.status).toBe(201);

    // Live updates flow on the restored database: a subscriber sees the next change, and a cursor
    // kept from before the restore (ahead of this cluster) is refused so the client reloads.
    const live = await connectLive(server.baseUrl, { token });
    try {
      const stale = await live.subscribe(documentId, `${2_000_000_000}:1`);
      expect(stale).toMatchObject({ ok: false, error: { code: 'cursor_too_old' } });
      expect((await live.subscribe(documentId)).ok).toBe(true);
      const next = await bearer(server.baseUrl, token, 'POST', `/api/documents/${documentId}/annotations`, {
        tag: 'data',
        target: { revisionId: (after.document as { revision: { id: string } }).revision.id, selector: [{ type: 'TextPositionSelector', start: 13, end: 20 }] },
      });
      expect(next.status).toBe(201);
      await live.waitForAnnotation((next.body as { id: string }).id, 'annotation.created');
    } finally {
      live.close();
    }
  }, 240_000);
});
