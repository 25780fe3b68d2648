// The live channel across a database restart (docs/LIVE.md): sockets stay connected, each
// instance's LISTEN connection comes back, and a change committed after the restart through one
// instance reaches a subscriber on the other without re-subscribing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDetail } from '@glossa/contracts';
import { bearer, FaultDatabase, importText, startFaultServer, tokenFor, waitFor } from '../faults/support/fault-rig';
import { connectLive, type LiveClient } from '../support/live-client';
import type { RunningServer } from '../support/server';

let database: FaultDatabase;
let a: RunningServer;
let b: RunningServer;
let token: string;
let doc: DocumentDetail;
let client: LiveClient | undefined;

const listening = async (): Promise<number> =>
  (await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'glossa-live'`))[0]!.n;

beforeAll(async () => {
  database = await FaultDatabase.start('live-restart');
  a = await startFaultServer(database, 'live-restart-a');
  b = await startFaultServer(database, 'live-restart-b');
  const owner = await tokenFor(a.baseUrl, 'live-restart');
  token = owner.token;
  doc = await importText(owner.session, 'Live across a restart', 10);
}, 180_000);

afterAll(async () => {
  client?.close();
  await a?.stop();
  await b?.stop();
  await database?.dispose();
});

describe('a database restart under live connections', () => {
  it('keeps sockets and subscriptions, re-listens, and delivers changes committed afterwards', async () => {
    client = await connectLive(b.baseUrl, { token, timeoutMs: 30_000 });
    expect(await client.subscribe(doc.id)).toMatchObject({ ok: true });
    await waitFor('both instances to listen', async () => (await listening()) === 2);

    await database.stop();
    await database.restart();
    await waitFor('both instances to listen again', async () => (await listening()) === 2);

    const body = { tag: 'data', target: { revisionId: doc.revision.id, selector: [{ type: 'TextPositionSelector', start: 0, end: 9 }] } };
    // The API answers 503 until its pool has a live connection again; the same key makes the retry exactly-once.
    const created = await waitFor('the write to succeed', async () => {
      const response = await bearer(a.baseUrl, token, 'POST', `/api/documents/${doc.id}/annotations`, body, { 'idempotency-key': 'live-restart-1' });
      return response.status === 201 ? (response.body as { id: string }) : undefined;
    });
    const change = await client.waitForAnnotation(created.id, 'annotation.created');
    expect(change.annotation).toMatchObject({ id: created.id, documentId: doc.id });
    expect(client.connected).toBe(true);
  });
});
