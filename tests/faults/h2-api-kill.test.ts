// H2: kill -9 the API in the middle of document imports (while the body uploads, and while the
// import converts and commits), of an export, of an export job, and of bulk deletes of 1,000 annotations; restart
// it. Nothing half-done is visible, and a retry (with the same Idempotency-Key for imports, the
// same items for a bulk delete) completes exactly once.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../support/server';
import { bearer, FaultDatabase, reportFigures, startFaultServer, tokenFor } from './support/fault-rig';

let database: FaultDatabase;
let server: RunningServer;
let token: string;
const figures: Record<string, unknown> = {};

/** Markdown of about 4.5 KB per section: conversion and the revision insert take long enough to be interrupted. */
function bigMarkdown(seed: string, sectionCount: number): string {
  const sections = Array.from({ length: sectionCount }, (_, i) => `## Section ${i} of ${seed}\n\n${`The committee measured ${i} samples and **reported** a change of ${i % 17} percent. `.repeat(60)}`);
  return sections.join('\n\n');
}

/** Documents, revisions, events and keys that do not add up to complete imports. */
async function halfDone(): Promise<Record<string, number>> {
  const [row] = await database.query<Record<string, number>>(
    `SELECT (SELECT count(*) FROM document d WHERE d.current_revision_id IS NULL
               OR NOT EXISTS (SELECT 1 FROM document_revision r WHERE r.document_id = d.id AND r.number = 1))::int AS "documentsWithoutRevision",
            (SELECT count(*) FROM document d WHERE NOT EXISTS
               (SELECT 1 FROM event e WHERE e.type = 'document.imported' AND e.subject_id = d.id))::int AS "documentsWithoutEvent",
            (SELECT count(*) FROM event e WHERE e.type = 'document.imported' AND NOT EXISTS
               (SELECT 1 FROM document d WHERE d.id = e.subject_id))::int AS "eventsWithoutDocument",
            (SELECT count(*) FROM document_revision r WHERE NOT EXISTS
               (SELECT 1 FROM document d WHERE d.id = r.document_id))::int AS "revisionsWithoutDocument"`,
  );
  return row!;
}

const documentsTitled = async (title: string) => database.query<{ id: string }>(`SELECT id FROM document WHERE title = $1`, [title]);

async function restartServer(): Promise<void> {
  server = await startFaultServer(database, 'fault-h2');
}

beforeAll(async () => {
  database = await FaultDatabase.start('h2');
  server = await startFaultServer(database, 'fault-h2');
  token = (await tokenFor(server.baseUrl, 'h2-importer')).token;
}, 180_000);

afterAll(async () => {
  reportFigures('h2-api-kill', figures);
  await server?.stop();
  await database?.dispose();
});

describe('H2: kill -9 of the API mid-import', () => {
  it('leaves nothing half-done when killed while the body is still uploading, and the retry imports once', async () => {
    const title = 'H2 upload interrupted';
    const key = 'h2-upload-1';
    const body = Buffer.from(JSON.stringify({ title, format: 'markdown', content: bigMarkdown('upload', 700) }));
    const url = new URL(`${server.baseUrl}/api/documents`);
    // Send the body in slices; kill the API once half of it has gone out.
    let sent = 0;
    const answered = new Promise<string>((resolve) => {
      const req = httpRequest(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': String(body.length), 'idempotency-key': key } },
        (res) => resolve(`answered ${res.statusCode}`),
      );
      req.on('error', (error) => resolve(`failed: ${error.message}`));
      const slice = 64 * 1024;
      const pump = () => {
        if (sent >= body.length / 2) {
          void server.stop('SIGKILL');
          return;
        }
        req.write(body.subarray(sent, sent + slice), () => {
          sent += slice;
          setImmediate(pump);
        });
      };
      pump();
    });
    expect(await answered).toMatch(/^failed/);
    figures.uploadKilledAfterBytes = sent;
    figures.uploadBodyBytes = body.length;
    expect(await documentsTitled(title)).toEqual([]);
    expect(await halfDone()).toEqual({ documentsWithoutRevision: 0, documentsWithoutEvent: 0, eventsWithoutDocument: 0, revisionsWithoutDocument: 0 });

    await restartServer();
    const retried = await bearer(server.baseUrl, token, 'POST', '/api/documents', JSON.parse(body.toString()), { 'idempotency-key': key });
    expect(retried.status).toBe(201);
    const again = await bearer(server.baseUrl, token, 'POST', '/api/documents', JSON.parse(body.toString()), { 'idempotency-key': key });
    expect(again.status).toBe(201);
    expect((again.body as { id: string }).id).toBe((retried.body as { id: string }).id);
    expect(await documentsTitled(title)).toHaveLength(1);
    // The key names that import only: another import under it is refused, and nothing is stored.
    const other = await bearer(server.baseUrl, token, 'POST', '/api/documents', { title: 'H2 another import', format: 'text', content: 'Other text.' }, { 'idempotency-key': key });
    expect(other.status).toBe(422);
    expect((other.body as { error: { fields: Array<{ path: string }> } }).error.fields[0]!.path).toBe('Idempotency-Key');
    expect(await documentsTitled('H2 another import')).toEqual([]);
  }, 180_000);

  it('leaves nothing half-done when killed while imports convert and commit, at several moments', async () => {
    const content = bigMarkdown('commit', 160);
    // How long one import takes here, to aim the kills inside that window.
    const warmStarted = Date.now();
    const warm = await bearer(server.baseUrl, token, 'POST', '/api/documents', { title: 'H2 warm-up', format: 'markdown', content }, { 'idempotency-key': 'h2-warm' });
    expect(warm.status).toBe(201);
    const importMs = Date.now() - warmStarted;
    figures.oneImportMs = importMs;
    figures.importBytes = Buffer.byteLength(content);
    const rounds: Array<Record<string, unknown>> = [];
    const IMPORTS = 4;
    const IN_FLIGHT = 2;
    for (const fraction of [0.2, 0.5, 0.8]) {
      const round = `H2 commit ${fraction}`;
      const plans = Array.from({ length: IMPORTS }, (_, i) => ({ title: `${round} #${i}`, key: `h2-${fraction}-${i}` }));
      const answers = new Map<number, { status: number; body: unknown }>();
      // Two imports at a time; once two are acknowledged, the API is killed a fraction of an
      // import's time later, so some imports are done, one may be committed but unanswered.
      let next = 0;
      let killed: Promise<unknown> | null = null;
      let down = false;
      await Promise.all(
        Array.from({ length: IN_FLIGHT }, async () => {
          while (next < plans.length && !down) {
            const i = next++;
            const answer = await bearer(server.baseUrl, token, 'POST', '/api/documents', { title: plans[i]!.title, format: 'markdown', content }, { 'idempotency-key': plans[i]!.key });
            answers.set(i, answer);
            if (answer.status === 0) down = true;
            if ([...answers.values()].filter((a) => a.status === 201).length === 2 && killed === null) {
              killed = new Promise((r) => setTimeout(r, Math.round(importMs * fraction))).then(() => server.stop('SIGKILL'));
            }
          }
        }),
      );
      await killed;
      const acknowledged = [...answers.values()].filter((a) => a.status === 201).length;

      // Whatever committed is whole; whatever did not left nothing behind.
      const partial = await halfDone();
      expect(partial).toEqual({ documentsWithoutRevision: 0, documentsWithoutEvent: 0, eventsWithoutDocument: 0, revisionsWithoutDocument: 0 });
      let committedBeforeRestart = 0;
      for (const p of plans) committedBeforeRestart += (await documentsTitled(p.title)).length;

      await restartServer();
      // Every client retries with its key (the acknowledged ones too); each import then exists exactly once.
      for (const [i, p] of plans.entries()) {
        const retried = await bearer(server.baseUrl, token, 'POST', '/api/documents', { title: p.title, format: 'markdown', content }, { 'idempotency-key': p.key });
        expect(retried.status).toBe(201);
        const rows = await documentsTitled(p.title);
        expect(rows).toHaveLength(1);
        const first = answers.get(i);
        if (first?.status === 201) expect((retried.body as { id: string }).id).toBe((first.body as { id: string }).id);
        const opened = await bearer(server.baseUrl, token, 'GET', `/api/documents/${rows[0]!.id}`);
        expect(opened.status).toBe(200);
      }
      rounds.push({
        killAfterSecondAckMs: Math.round(importMs * fraction),
        imports: IMPORTS,
        acknowledgedBeforeKill: acknowledged,
        committedBeforeRestart,
        committedButUnanswered: committedBeforeRestart - acknowledged,
        documentsAfterRetries: IMPORTS,
        duplicates: 0,
      });
    }
    figures.commitRounds = rounds;
    expect(await halfDone()).toEqual({ documentsWithoutRevision: 0, documentsWithoutEvent: 0, eventsWithoutDocument: 0, revisionsWithoutDocument: 0 });
  }, 240_000);
});

describe('H2: kill -9 of the API mid-export', () => {
  it('changes nothing, and the export after the restart is whole', async () => {
    const imported = await bearer(server.baseUrl, token, 'POST', '/api/documents', {
      title: 'H2 export',
      format: 'text',
      content: Array.from({ length: 200 }, (_, i) => `Finding ${i} was measured at ${i * 5} units.`).join('\n\n'),
    });
    expect(imported.status).toBe(201);
    const document = imported.body as { id: string; revision: { id: string } };
    const probe = await bearer(server.baseUrl, token, 'GET', `/api/documents/${document.id}/export?format=json`);
    // The document exists, so a 404 here means this build has no export endpoint.
    if (probe.status === 404) {
      figures.export = 'pending: no export endpoint';
      return;
    }
    expect(probe.status).toBe(200);
    for (let i = 0; i < 300; i++) {
      const created = await bearer(server.baseUrl, token, 'POST', `/api/documents/${document.id}/annotations`, {
        tag: 'data',
        note: `export note ${i}`,
        target: { revisionId: document.revision.id, selector: [{ type: 'TextPositionSelector', start: (i * 13) % 5000, end: ((i * 13) % 5000) + 9 }] },
      });
      expect(created.status).toBe(201);
    }
    const before = await database.query<{ n: number }>(`SELECT (SELECT count(*) FROM annotation) + (SELECT count(*) FROM event) AS n`);
    const timed = Date.now();
    expect((await bearer(server.baseUrl, token, 'GET', `/api/documents/${document.id}/export?format=docx`)).status).toBe(200);
    const exportMs = Date.now() - timed;
    figures.oneExportMs = exportMs;
    const exports = Array.from({ length: 6 }, () => bearer(server.baseUrl, token, 'GET', `/api/documents/${document.id}/export?format=docx`));
    await new Promise((r) => setTimeout(r, Math.round(exportMs / 2)));
    await server.stop('SIGKILL');
    const interrupted = await Promise.all(exports);
    figures.exportsInterrupted = interrupted.filter((a) => a.status !== 200).length;
    expect(await database.query<{ n: number }>(`SELECT (SELECT count(*) FROM annotation) + (SELECT count(*) FROM event) AS n`)).toEqual(before);

    await restartServer();
    const whole = await bearer(server.baseUrl, token, 'GET', `/api/documents/${document.id}/export?format=json`);
    expect(whole.status).toBe(200);
    const text = JSON.stringify(whole.body);
    for (const i of [0, 150, 299]) expect(text).toContain(`export note ${i}`);
    figures.export = 'covered';
  }, 180_000);
});

describe('H2: kill -9 of the API mid-export-job', () => {
  it('the job never reads done, serves no partial file, and reads failed once its heartbeat is stale; a new job completes', async () => {
    const imported = await bearer(server.baseUrl, token, 'POST', '/api/documents', { title: 'H2 export job', format: 'text', content: '背景匯出，斷電測試。'.repeat(40) });
    expect(imported.status).toBe(201);
    const document = imported.body as { id: string; workspaceId: string; revision: { id: string } };
    const [owner] = await database.query<{ author_id: string }>(`SELECT u.id AS author_id FROM app_user u JOIN membership m ON m.user_id = u.id WHERE m.workspace_id = (SELECT workspace_id FROM document WHERE id = $1) LIMIT 1`, [document.id]);
    await database.query(
      `INSERT INTO annotation (workspace_id, document_id, revision_id, author_id, tag, note, visibility, status, start_offset, end_offset, quote_exact, quote_prefix, quote_suffix)
       SELECT d.workspace_id, d.id, $2, $3, 'data', 'note ' || g, 'shared', 'draft', 0, 2, '背景', '', '匯出' FROM document d, generate_series(1, 60000) g WHERE d.id = $1`,
      [document.id, document.revision.id, owner!.author_id],
    );
    const path = `/api/documents/${document.id}/export?format=json`;
    const started = await bearer(server.baseUrl, token, 'GET', path, undefined, { prefer: 'respond-async' });
    expect(started.status).toBe(202);
    const job = started.body as { id: string };
    // Killed once the job has written its first slice (or right away if it is that quick).
    const deadline = Date.now() + 30_000;
    let seen: { status: string; bytes: number } = { status: 'running', bytes: 0 };
    while (seen.status === 'running' && seen.bytes === 0 && Date.now() < deadline) {
      seen = (await bearer(server.baseUrl, token, 'GET', `/api/exports/${job.id}`)).body as typeof seen;
    }
    await server.stop('SIGKILL');
    const [row] = await database.query<{ status: string; bytes: string }>(`SELECT status, bytes FROM export_job WHERE id = $1`, [job.id]);
    figures.exportJobAtKill = row;

    await restartServer();
    if (row!.status === 'running') {
      expect((await bearer(server.baseUrl, token, 'GET', `/api/exports/${job.id}/file`)).status).toBe(409);
      // The heartbeat goes stale 30 s after the kill; then the job reads failed, never done.
      let status = 'running';
      const until = Date.now() + 90_000;
      while (status === 'running' && Date.now() < until) {
        status = ((await bearer(server.baseUrl, token, 'GET', `/api/exports/${job.id}`)).body as { status: string }).status;
        if (status === 'running') await new Promise((r) => setTimeout(r, 500));
      }
      expect(status).toBe('failed');
      expect((await bearer(server.baseUrl, token, 'GET', `/api/exports/${job.id}/file`)).status).toBe(409);
      figures.exportJob = 'killed while running: read failed after the heartbeat went stale; no file served';
    } else {
      figures.exportJob = `finished before the kill (${row!.status})`;
    }
    const again = await bearer(server.baseUrl, token, 'GET', path, undefined, { prefer: 'respond-async' });
    expect(again.status).toBe(202);
    let done: { status: string; fileUrl: string | null; total: number } = { status: 'running', fileUrl: null, total: 0 };
    const until = Date.now() + 120_000;
    while (done.status === 'running' && Date.now() < until) {
      done = (await bearer(server.baseUrl, token, 'GET', `/api/exports/${(again.body as { id: string }).id}`)).body as typeof done;
      if (done.status === 'running') await new Promise((r) => setTimeout(r, 200));
    }
    expect(done.status).toBe('done');
    const file = await bearer(server.baseUrl, token, 'GET', done.fileUrl!);
    expect(file.status).toBe(200);
    expect((file.body as { annotations: unknown[] }).annotations).toHaveLength(done.total);
  }, 300_000);
});

describe('H2: kill -9 of the API mid-bulk-delete', () => {
  it('deletes each set wholly or not at all, and the retry deletes each annotation exactly once, at several moments', async () => {
    const imported = await bearer(server.baseUrl, token, 'POST', '/api/documents', {
      title: 'H2 bulk delete',
      format: 'text',
      content: Array.from({ length: 300 }, (_, i) => `Observation ${i} recorded ${i * 3} cases in the region.`).join('\n\n'),
    });
    expect(imported.status).toBe(201);
    const document = imported.body as { id: string; revision: { id: string } };
    const SETS = 2;
    const PER_SET = 1_000;
    const created: Array<{ id: string; version: number }> = [];
    let cursor = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (cursor < SETS * PER_SET) {
          const i = cursor++;
          const answer = await bearer(server.baseUrl, token, 'POST', `/api/documents/${document.id}/annotations`, {
            tag: 'claim',
            target: { revisionId: document.revision.id, selector: [{ type: 'TextPositionSelector', start: (i * 11) % 12_000, end: ((i * 11) % 12_000) + 8 }] },
          });
          expect(answer.status).toBe(201);
          const { id, version } = answer.body as { id: string; version: number };
          created.push({ id, version });
        }
      }),
    );
    const sets = Array.from({ length: SETS }, (_, s) => created.slice(s * PER_SET, (s + 1) * PER_SET));
    const deleteSet = (items: Array<{ id: string; version: number }>) => bearer(server.baseUrl, token, 'POST', `/api/documents/${document.id}/annotations/delete`, { items });
    const restoreSet = (items: Array<{ id: string; version: number }>) => bearer(server.baseUrl, token, 'POST', `/api/documents/${document.id}/annotations/restore`, { items });

    /** Per set: how many of its annotations are deleted now (all or none, never between). */
    const deletedPerSet = async (): Promise<number[]> =>
      Promise.all(
        sets.map(async (set) => {
          const [row] = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM annotation WHERE id = ANY($1::uuid[]) AND deleted_at IS NOT NULL`, [set.map((a) => a.id)]);
          return row!.n;
        }),
      );
    const eventsOf = async (type: string): Promise<Map<string, number>> => {
      const rows = await database.query<{ subject_id: string; n: number }>(`SELECT subject_id, count(*)::int AS n FROM event WHERE type = $1 AND subject_id = ANY($2::uuid[]) GROUP BY subject_id`, [type, created.map((a) => a.id)]);
      return new Map(rows.map((r) => [r.subject_id, r.n]));
    };

    // How long one bulk delete of 1,000 takes here (then undone), to aim the kills inside it.
    const timed = Date.now();
    const warm = await deleteSet(sets[0]!);
    expect(warm.status).toBe(200);
    figures.oneBulkDeleteMs = Date.now() - timed;
    const warmRestore = await restoreSet((warm.body as { items: Array<{ id: string; version: number }> }).items);
    expect(warmRestore.status).toBe(200);
    let current = sets.map((set, s) => (s === 0 ? (warmRestore.body as { items: Array<{ id: string; version: number }> }).items : set));
    // Deletion events each annotation should have: the warm-up deleted the first set once.
    const expectedDeletes = new Map(created.map((a, i) => [a.id, i < PER_SET ? 1 : 0]));

    const results: Array<Record<string, unknown>> = [];
    // Two deletes of 1,000 run at once, so kills up to about twice one delete's time land inside them.
    for (const fraction of [0.3, 1.1, 1.7]) {
      const answers = current.map((items) => deleteSet(items));
      await new Promise((r) => setTimeout(r, Math.round((figures.oneBulkDeleteMs as number) * fraction)));
      await server.stop('SIGKILL');
      const statuses = (await Promise.all(answers)).map((a) => a.status);

      const perSet = await deletedPerSet();
      for (const n of perSet) expect([0, PER_SET]).toContain(n);
      for (const [s, status] of statuses.entries()) if (status === 200) expect(perSet[s]).toBe(PER_SET);

      await restartServer();
      // Every client retries with the same items; each set is then deleted, each annotation once.
      const retried = await Promise.all(current.map((items) => deleteSet(items)));
      expect(retried.map((a) => a.status)).toEqual(current.map(() => 200));
      expect(await deletedPerSet()).toEqual(sets.map(() => PER_SET));
      for (const a of created) expectedDeletes.set(a.id, expectedDeletes.get(a.id)! + 1);
      const deletedEvents = await eventsOf('annotation.deleted');
      for (const a of created) expect(deletedEvents.get(a.id)).toBe(expectedDeletes.get(a.id));
      results.push({
        killAfterMs: Math.round((figures.oneBulkDeleteMs as number) * fraction),
        acknowledgedBeforeKill: statuses.filter((s) => s === 200).length,
        setsCommittedBeforeRestart: perSet.filter((n) => n === PER_SET).length,
        setsHalfDone: perSet.filter((n) => n !== 0 && n !== PER_SET).length,
        duplicateDeleteEvents: 0,
      });

      // Undo for the next round.
      const restored = await Promise.all(retried.map((a) => restoreSet((a.body as { items: Array<{ id: string; version: number }> }).items)));
      expect(restored.map((a) => a.status)).toEqual(current.map(() => 200));
      current = restored.map((a) => (a.body as { items: Array<{ id: string; version: number }> }).items);
    }
    figures.bulkDeleteRounds = results;
  }, 240_000);
});
