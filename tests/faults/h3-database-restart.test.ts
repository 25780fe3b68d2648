// H3: the database restarts under a running API. The API stays up, answers 503 with Retry-After and
// the error envelope meanwhile, health goes red then green, the pool drops its dead connections
// (idle ones included, without crashing the process) and writes resume with nothing acknowledged lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../support/server';
import { bearer, FaultDatabase, partialAnnotationRows, reportFigures, startFaultServer, textLength, tokenFor, waitFor } from './support/fault-rig';
import { planCreates, runWriters, type WriterClient } from './support/writers';

let database: FaultDatabase;
let server: RunningServer;
let writer: WriterClient;
let documentId: string;
let revisionId: string;
let length: number;
const figures: Record<string, unknown> = {};

const health = async (): Promise<{ status: number; retryAfter: string | null }> => {
  const response = await fetch(`${server.baseUrl}/api/health`);
  return { status: response.status, retryAfter: response.headers.get('retry-after') };
};

beforeAll(async () => {
  database = await FaultDatabase.start('h3');
  server = await startFaultServer(database, 'fault-h3');
  writer = { token: (await tokenFor(server.baseUrl, 'h3-writer')).token, label: 'h3' };
  const imported = await bearer(server.baseUrl, writer.token, 'POST', '/api/documents', {
    title: 'H3 restart',
    format: 'text',
    content: Array.from({ length: 80 }, (_, i) => `Line ${i} of the restart document counts ${i * 3} items.`).join('\n\n'),
  });
  expect(imported.status).toBe(201);
  documentId = (imported.body as { id: string }).id;
  revisionId = (imported.body as { revision: { id: string } }).revision.id;
  length = await textLength(server.baseUrl, writer.token, documentId);
}, 180_000);

afterAll(async () => {
  reportFigures('h3-database-restart', figures);
  await server?.stop();
  await database?.dispose();
});

const createBody = (note: string) => ({ tag: 'data', note, target: { revisionId, selector: [{ type: 'TextPositionSelector', start: 5, end: 20 }] } });

describe('H3: a database restart under a running API', () => {
  it('answers 503 with Retry-After while the database is away and recovers with an idle pool', async () => {
    // Fill the pool: every connection is then idle when the database goes away, and each idle
    // client's 'error' event must be absorbed rather than crash the process.
    await Promise.all(Array.from({ length: 30 }, () => bearer(server.baseUrl, writer.token, 'GET', `/api/documents/${documentId}/annotations`)));
    const idleBefore = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'glossa-api'`);
    expect(idleBefore[0]!.n).toBeGreaterThan(1);

    const stopped = Date.now();
    await database.stop();
    const red = await waitFor('health to turn red', async () => {
      const h = await health();
      return h.status === 503 ? h : undefined;
    });
    figures.healthRedAfterStopMs = Date.now() - stopped;
    expect(red.retryAfter).toMatch(/^\d+$/);

    // A read and a write while the database is away: 503, Retry-After, the envelope; nothing else.
    const read = await bearer(server.baseUrl, writer.token, 'GET', `/api/documents/${documentId}/annotations`);
    expect(read.status).toBe(503);
    expect(read.headers!.get('retry-after')).toMatch(/^\d+$/);
    expect(read.body).toEqual({ error: { code: 'service_unavailable', message: expect.any(String) } });
    const write = await bearer(server.baseUrl, writer.token, 'POST', `/api/documents/${documentId}/annotations`, createBody('during the outage'), { 'idempotency-key': 'h3-outage' });
    expect(write.status).toBe(503);
    expect(write.headers!.get('retry-after')).toMatch(/^\d+$/);
    expect(JSON.stringify(write.body)).not.toMatch(/ECONNREFUSED|at .*\.js|127\.0\.0\.1/);
    expect(server.process.exitCode).toBeNull();

    const restarted = Date.now();
    await database.restart();
    figures.idleRestartDatabaseStartMs = Date.now() - restarted;
    await waitFor('health to turn green', async () => (await health()).status === 200);
    figures.idleRestartHealthGreenAfterStartMs = Date.now() - restarted;

    // The retried write (same key) lands exactly once.
    const retried = await bearer(server.baseUrl, writer.token, 'POST', `/api/documents/${documentId}/annotations`, createBody('during the outage'), { 'idempotency-key': 'h3-outage' });
    expect(retried.status).toBe(201);
    const again = await bearer(server.baseUrl, writer.token, 'POST', `/api/documents/${documentId}/annotations`, createBody('during the outage'), { 'idempotency-key': 'h3-outage' });
    expect(again.status).toBe(201);
    expect((again.body as { id: string }).id).toBe((retried.body as { id: string }).id);
    const rows = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM annotation WHERE note = 'during the outage'`);
    expect(rows[0]!.n).toBe(1);
    // The pool reconnected rather than holding on to dead connections.
    const connections = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'glossa-api'`);
    expect(connections[0]!.n).toBeGreaterThanOrEqual(1);
    expect(server.process.exitCode).toBeNull();
  }, 120_000);

  it('keeps every acknowledged write through a restart in the middle of a stream of creates', async () => {
    const plan = planCreates('h3-stream', 1_500, length);
    let restart: Promise<{ stoppedAt: number; startedAt: number; greenAt: number }> | null = null;
    const stopAt = 300 + Math.floor(Math.random() * 600);
    const cycle = async () => {
      const stoppedAt = Date.now();
      await database.stop();
      await waitFor('health to turn red', async () => (await health()).status === 503);
      await database.restart();
      const startedAt = Date.now();
      await waitFor('health to turn green', async () => (await health()).status === 200);
      return { stoppedAt, startedAt, greenAt: Date.now() };
    };
    const run = await runWriters([{ client: writer, plan }], {
      baseUrl: server.baseUrl,
      documentId,
      revisionId,
      inFlightPerClient: 8,
      onAck: (total) => {
        if (total >= stopAt && restart === null) restart = cycle();
      },
    });
    expect(restart).not.toBeNull();
    const timeline = await restart!;
    const firstAckAfterStart = Math.min(...run.ackTimes.map((t) => run.started + t).filter((t) => t >= timeline.startedAt));

    const stored = await database.query<{ note: string; id: string }>(`SELECT note, id FROM annotation WHERE document_id = $1 AND note LIKE 'h3-stream note %'`, [documentId]);
    const byNote = new Map<string, string[]>();
    for (const row of stored) byNote.set(row.note, [...(byNote.get(row.note) ?? []), row.id]);
    const lost = plan.filter((p) => run.acknowledged.has(p.key) && !(byNote.get(p.note) ?? []).includes(run.acknowledged.get(p.key)!)).length;
    const duplicates = [...byNote.values()].filter((ids) => ids.length > 1).length;
    const failures = Object.fromEntries(run.failures);
    Object.assign(figures, {
      streamCreates: plan.length,
      streamStoppedAfterAcks: stopAt,
      streamAcknowledged: run.acknowledged.size,
      streamFound: stored.length,
      streamLost: lost,
      streamDuplicates: duplicates,
      streamFailedAnswers: failures,
      streamDatabaseDownMs: timeline.startedAt - timeline.stoppedAt,
      streamHealthGreenAfterStartMs: timeline.greenAt - timeline.startedAt,
      streamFirstAckAfterStartMs: Number.isFinite(firstAckAfterStart) ? firstAckAfterStart - timeline.startedAt : null,
    });

    expect(run.acknowledged.size).toBe(plan.length);
    expect(stored.length).toBe(plan.length);
    expect({ lost, duplicates }).toEqual({ lost: 0, duplicates: 0 });
    expect(await partialAnnotationRows(database)).toEqual({ annotationsWithoutEvent: 0, eventsWithoutAnnotation: 0, keysWithoutAnnotation: 0 });
    expect(Object.keys(failures).filter((status) => status !== '503' && status !== '0')).toEqual([]);
    expect(run.malformedUnavailable).toBe(0);
    expect(server.process.exitCode).toBeNull();
  }, 180_000);
});
