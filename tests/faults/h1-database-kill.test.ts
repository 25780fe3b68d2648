// H1: kill -9 the database while several clients create annotations with Idempotency-Keys; restart
// it; every create acknowledged with a 2xx exists exactly once and no half-written rows exist.
// Scaled for CI: 3 kill moments × 2,000 creates from 4 clients (16 requests in flight).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnnotationList } from '@glossa/contracts';
import type { RunningServer } from '../support/server';
import { bearer, FaultDatabase, partialAnnotationRows, reportFigures, startFaultServer, textLength, tokenFor, waitFor } from './support/fault-rig';
import { planCreates, runWriters, type WriterClient } from './support/writers';

const CLIENTS = 4;
const CREATES_PER_CLIENT = 500;
const IN_FLIGHT_PER_CLIENT = 4;
const KILL_MOMENTS = 3;

let database: FaultDatabase;
let server: RunningServer;
let clients: WriterClient[];
const figures: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  database = await FaultDatabase.start('h1');
  server = await startFaultServer(database, 'fault-h1');
  clients = [];
  for (let i = 0; i < CLIENTS; i++) clients.push({ token: (await tokenFor(server.baseUrl, `h1-writer${i}`)).token, label: `w${i}` });
}, 180_000);

afterAll(async () => {
  if (figures.length > 0) reportFigures('h1-database-kill', figures);
  await server?.stop();
  await database?.dispose();
});

describe('H1: kill -9 of the database during thousands of creates', () => {
  for (let moment = 0; moment < KILL_MOMENTS; moment++) {
    it(`keeps every acknowledged create exactly once (kill moment ${moment + 1} of ${KILL_MOMENTS})`, async () => {
      // Every writer owns a workspace of its own and annotates a document there.
      const total = CLIENTS * CREATES_PER_CLIENT;
      // The kill lands somewhere between 15 % and 75 % of the run, different each time.
      const killAt = Math.floor(total * (0.15 + Math.random() * 0.6));
      const plans: Array<{ client: WriterClient; plan: ReturnType<typeof planCreates>; documentId: string; revisionId: string }> = [];
      for (const client of clients) {
        const answer = await bearer(server.baseUrl, client.token, 'POST', '/api/documents', {
          title: `H1 round ${moment} ${client.label}`,
          format: 'text',
          content: Array.from({ length: 60 }, (_, i) => `Paragraph ${i} of round ${moment} reports ${i * 11} findings from ${client.label}.`).join('\n\n'),
        });
        expect(answer.status).toBe(201);
        const document = answer.body as { id: string; revision: { id: string } };
        const length = await textLength(server.baseUrl, client.token, document.id);
        plans.push({ client, plan: planCreates(`m${moment}-${client.label}`, CREATES_PER_CLIENT, length), documentId: document.id, revisionId: document.revision.id });
      }

      let acked = 0;
      let killed: Promise<{ killedAtMs: number; restartedAtMs: number; healthyAtMs: number }> | null = null;
      const started = Date.now();
      const fault = async () => {
        const killedAtMs = Date.now() - started;
        await database.kill9();
        // The API must survive the loss of every connection at once.
        expect(server.process.exitCode).toBeNull();
        await database.restart();
        const restartedAtMs = Date.now() - started;
        await waitFor('health to turn green', async () => (await fetch(`${server.baseUrl}/api/health`)).status === 200);
        return { killedAtMs, restartedAtMs, healthyAtMs: Date.now() - started };
      };
      // One run per document: the writers of this round run side by side.
      const runs = await Promise.all(
        plans.map(({ client, plan, documentId, revisionId }) =>
          runWriters([{ client, plan }], {
            baseUrl: server.baseUrl,
            documentId,
            revisionId,
            inFlightPerClient: IN_FLIGHT_PER_CLIENT,
            onAck: () => {
              acked++;
              if (acked >= killAt && killed === null) killed = fault();
            },
          }),
        ),
      );
      expect(killed).not.toBeNull();
      const timeline = await killed!;

      // Reconcile: every acknowledged key's annotation exists exactly once, with the acknowledged id.
      let lost = 0;
      let duplicates = 0;
      let idMismatches = 0;
      let found = 0;
      for (let c = 0; c < plans.length; c++) {
        const { plan, documentId } = plans[c]!;
        const rows = await database.query<{ id: string; note: string }>(`SELECT id, note FROM annotation WHERE document_id = $1`, [documentId]);
        const byNote = new Map<string, string[]>();
        for (const row of rows) byNote.set(row.note, [...(byNote.get(row.note) ?? []), row.id]);
        for (const planned of plan) {
          const ackedId = runs[c]!.acknowledged.get(planned.key);
          const ids = byNote.get(planned.note) ?? [];
          if (ids.length > 1) duplicates += ids.length - 1;
          if (ackedId === undefined) continue;
          if (ids.length === 0) lost++;
          else {
            found++;
            if (!ids.includes(ackedId)) idMismatches++;
          }
        }
        // The API reads back the same set.
        const listed = await bearer(server.baseUrl, plans[c]!.client.token, 'GET', `/api/documents/${documentId}/annotations`);
        expect(listed.status).toBe(200);
        expect((listed.body as AnnotationList).items.length).toBe(plan.length);
      }
      const partial = await partialAnnotationRows(database);
      const acknowledged = runs.reduce((n, r) => n + r.acknowledged.size, 0);
      const failures: Record<string, number> = {};
      for (const run of runs) for (const [status, n] of run.failures) failures[status] = (failures[status] ?? 0) + n;
      const firstAckAfterKill = Math.min(...runs.flatMap((r) => r.ackTimes.filter((t) => t > timeline.restartedAtMs)));
      figures.push({
        moment: moment + 1,
        creates: total,
        killedAfterAcks: killAt,
        acknowledged,
        found,
        lost,
        duplicates,
        idMismatches,
        ...partial,
        failedAnswers: failures,
        retries: runs.reduce((n, r) => n + r.retries, 0),
        downMs: timeline.restartedAtMs - timeline.killedAtMs,
        healthGreenAfterKillMs: timeline.healthyAtMs - timeline.killedAtMs,
        firstAckAfterKillMs: Number.isFinite(firstAckAfterKill) ? firstAckAfterKill - timeline.killedAtMs : null,
      });

      expect(acknowledged).toBe(total);
      expect({ lost, duplicates, idMismatches }).toEqual({ lost: 0, duplicates: 0, idMismatches: 0 });
      expect(found).toBe(total);
      expect(partial).toEqual({ annotationsWithoutEvent: 0, eventsWithoutAnnotation: 0, keysWithoutAnnotation: 0 });
      // While the database was away the API answered 503 with Retry-After and the error envelope, or
      // the request failed in flight; never a 500.
      expect(Object.keys(failures).filter((status) => status !== '503' && status !== '0')).toEqual([]);
      expect(runs.reduce((n, r) => n + r.malformedUnavailable, 0)).toBe(0);
      expect(server.process.exitCode).toBeNull();
    }, 240_000);
  }
});
