// npm run bench (live part, issue 6): against two built servers (production mode) on one
// embedded PostgreSQL this script starts itself:
//  1. Latency from `201 Created` of POST /api/documents/:id/annotations to receipt of the
//     `change` at 50 subscribed Socket.IO clients — clients on the writing instance, then on a
//     second instance (the change travels as a NOTIFY wake-up and a read of the event log).
//  2. Annotation write throughput (autocannon, POSTs) with live updates off, on (NOTIFY after
//     commit, what ships), and on plus a NOTIFY inside the write transaction (a statement
//     trigger on `event`, the alternative) — the measurement behind that choice.
// Writes bench/results/live.json.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { io } from 'socket.io-client';
import { ROOT, median, ownerToken, quantile, silenceListenerWarnings, startServer, writeResults } from './support.mjs';

const require = createRequire(import.meta.url);
const CLIENTS = Number(process.env.BENCH_LIVE_CLIENTS ?? 50);
const WRITES = Number(process.env.BENCH_LIVE_WRITES ?? 200);
const LOAD_SECONDS = Number(process.env.BENCH_LIVE_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_LIVE_CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.BENCH_LIVE_ROUNDS ?? 3);
const WARM_UP_WRITES = 30;

const round = (x, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

async function startDatabase(dataDir) {
  const { Logger } = require('@nestjs/common');
  const { startEmbeddedDatabase } = require(join(ROOT, 'apps', 'api', 'dist', 'database', 'embedded-database.js'));
  const logger = new Logger('BenchDatabase');
  logger.debug = () => undefined;
  logger.log = () => undefined;
  return startEmbeddedDatabase(dataDir, undefined, logger);
}

/** startServer with extra environment (the helper passes process.env through). */
async function startWith(env, dataDir, databaseUrl) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return await startServer(dataDir, databaseUrl);
  } finally {
    for (const key of Object.keys(env)) if (saved[key] === undefined) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

async function api(baseUrl, token, path, init = {}) {
  const response = await fetch(`${baseUrl}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers ?? {}) } });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

function annotationBody(revisionId, i) {
  const start = (i * 7) % 400;
  return JSON.stringify({ tag: 'claim', target: { revisionId, selector: [{ type: 'TextPositionSelector', start, end: start + 5 }] } });
}

/** CLIENTS sockets subscribed to the document; each reports receipt times by annotation id. */
async function subscribeClients(baseUrl, token, documentId) {
  const receipts = new Map();
  const sockets = await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      const socket = io(baseUrl, { path: '/socket.io', transports: ['websocket'], reconnection: false, forceNew: true, auth: { token } });
      await new Promise((ok, fail) => (socket.once('connect', ok), socket.once('connect_error', fail)));
      socket.on('change', (change) => {
        if (change.kind !== 'annotation' || change.type !== 'annotation.created') return;
        const at = performance.now();
        const waiter = receipts.get(change.annotationId);
        if (waiter) waiter.times.push(at), waiter.times.length === CLIENTS && waiter.done();
        else receipts.set(change.annotationId, { times: [at], done: () => undefined });
      });
      const ack = await socket.timeout(10_000).emitWithAck('subscribe', { documentId });
      if (!ack.ok) throw new Error(`subscribe refused: ${JSON.stringify(ack)}`);
      return socket;
    }),
  );
  return { sockets, receipts, close: () => sockets.forEach((s) => s.disconnect()) };
}

/**
 * The floor on this machine at this moment: a bare Socket.IO server in this process broadcasting
 * a 1 KB message to CLIENTS WebSocket listeners, from emit to the last receipt, WRITES times.
 */
async function bareBroadcastFloor() {
  const { Server } = require('socket.io');
  const { createServer } = await import('node:http');
  const http = createServer();
  const server = new Server(http);
  await new Promise((ok) => http.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${http.address().port}`;
  const sockets = await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
      await new Promise((ok) => socket.once('connect', ok));
      return socket;
    }),
  );
  const payload = { kind: 'annotation', note: 'x'.repeat(1000) };
  const latencies = [];
  for (let i = 0; i < WARM_UP_WRITES + WRITES; i++) {
    let pending = CLIENTS;
    const times = [];
    const done = new Promise((ok) => {
      for (const socket of sockets) {
        socket.once('m', () => {
          times.push(performance.now());
          if (--pending === 0) ok();
        });
      }
    });
    const sent = performance.now();
    server.emit('m', payload);
    await done;
    if (i >= WARM_UP_WRITES) latencies.push(...times.map((t) => t - sent));
  }
  sockets.forEach((s) => s.disconnect());
  server.close();
  return { clients: CLIENTS, broadcasts: WRITES, p50Ms: round(quantile(latencies, 0.5)), p99Ms: round(quantile(latencies, 0.99)), maxMs: round(Math.max(...latencies)) };
}

/** Sequential POSTs through `writer`; per write, each client's receipt minus the 201's arrival. */
async function latency(writer, token, doc, clients, writes) {
  const fromCreated = [];
  let early = 0;
  for (let i = 0; i < writes; i++) {
    const response = await fetch(`${writer}/api/documents/${doc.id}/annotations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: annotationBody(doc.revisionId, i),
    });
    const created = performance.now();
    if (response.status !== 201) throw new Error(`POST answered ${response.status}`);
    const { id } = await response.json();
    let entry = clients.receipts.get(id);
    if (!entry) clients.receipts.set(id, (entry = { times: [], done: () => undefined }));
    if (entry.times.length < CLIENTS) await new Promise((ok) => (entry.done = ok));
    for (const at of entry.times) {
      // A client may hear of the change before the HTTP response reaches the writer.
      if (at < created) early += 1;
      fromCreated.push(Math.max(0, at - created));
    }
    clients.receipts.delete(id);
  }
  return {
    clients: CLIENTS,
    writes,
    p50Ms: round(quantile(fromCreated, 0.5)),
    p99Ms: round(quantile(fromCreated, 0.99)),
    maxMs: round(Math.max(...fromCreated)),
    receivedBefore201: round(early / fromCreated.length, 3),
  };
}

async function throughput(baseUrl, token, doc) {
  let i = 0;
  const result = await autocannon({
    url: `${baseUrl}/api/documents/${doc.id}/annotations`,
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    connections: CONNECTIONS,
    duration: LOAD_SECONDS,
    timeout: 30,
    setupClient: (client) => client.setBody(annotationBody(doc.revisionId, i++)),
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`write load had ${result.non2xx} non-2xx and ${result.errors} errors`);
  return { requestsPerSec: round(result.requests.average, 1), p50Ms: result.latency.p50, p99Ms: result.latency.p99 };
}

/**
 * The same question without the API's CPU in the way: CONNECTIONS pg clients each committing
 * one-row transactions into `event` as fast as they can, plain / with pg_notify inside the
 * transaction / with pg_notify sent right after COMMIT on the same connection.
 */
async function databaseCommitRates(databaseUrl, workspaceId, seconds) {
  const variants = {
    plain: async (c) => {
      await c.query('BEGIN');
      await c.query(INSERT_EVENT, [workspaceId]);
      await c.query('COMMIT');
    },
    notifyInTransaction: async (c) => {
      await c.query('BEGIN');
      await c.query(INSERT_EVENT, [workspaceId]);
      await c.query(`SELECT pg_notify('bench_live', '')`);
      await c.query('COMMIT');
    },
    notifyAfterCommit: async (c) => {
      await c.query('BEGIN');
      await c.query(INSERT_EVENT, [workspaceId]);
      await c.query('COMMIT');
      await c.query(`SELECT pg_notify('bench_live', '')`);
    },
  };
  const clients = await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      const c = new pg.Client({ connectionString: databaseUrl });
      c.on('error', () => undefined);
      await c.connect();
      return c;
    }),
  );
  // A listener, so the notification queue is really read (as the API's instances do).
  const listener = new pg.Client({ connectionString: databaseUrl });
  listener.on('error', () => undefined);
  await listener.connect();
  await listener.query('LISTEN bench_live');
  const runs = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  try {
    for (let r = 0; r < ROUNDS; r++) {
      for (const [name, commit] of Object.entries(variants)) {
        let done = 0;
        const until = performance.now() + seconds * 1000;
        await Promise.all(
          clients.map(async (c) => {
            while (performance.now() < until) {
              await commit(c);
              done += 1;
            }
          }),
        );
        runs[name].push(round(done / seconds, 1));
      }
    }
  } finally {
    await Promise.all([...clients, listener].map((c) => c.end()));
  }
  const medians = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, median(v)]));
  return {
    connections: CONNECTIONS,
    seconds,
    rounds: ROUNDS,
    medianCommitsPerSec: medians,
    ratioInTransactionToPlain: round(medians.notifyInTransaction / medians.plain, 3),
    ratioAfterCommitToPlain: round(medians.notifyAfterCommit / medians.plain, 3),
    runs,
  };
}

const INSERT_EVENT = `INSERT INTO event (workspace_id, document_id, type, subject_id, actor_id, payload)
  VALUES ($1, NULL, 'bench.commit', gen_random_uuid(), NULL, '{}'::jsonb)`;

const TRIGGER_SQL = `
  CREATE OR REPLACE FUNCTION bench_live_notify() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN PERFORM pg_notify('glossa_live_events', ''); RETURN NULL; END $$;
  CREATE TRIGGER bench_live_notify AFTER INSERT ON event FOR EACH STATEMENT EXECUTE FUNCTION bench_live_notify();`;
const DROP_TRIGGER_SQL = `DROP TRIGGER IF EXISTS bench_live_notify ON event; DROP FUNCTION IF EXISTS bench_live_notify();`;

async function main() {
  silenceListenerWarnings();
  mkdirSync(join(ROOT, 'tmp'), { recursive: true });
  const dataDir = mkdtempSync(join(ROOT, 'tmp', 'bench-live-'));
  const database = await startDatabase(dataDir);
  const results = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, command: 'node bench/live.mjs' };
  const running = [];
  try {
    const a = await startWith({}, dataDir, database.url);
    running.push(a);
    const token = await ownerToken(a.baseUrl);
    const b = await startWith({ GLOSSA_IMPORT_SEEDS: 'false' }, dataDir, database.url);
    running.push(b);
    results.floor_bareBroadcast = await bareBroadcastFloor();
    console.error(`bare broadcast floor: ${JSON.stringify(results.floor_bareBroadcast)}`);
    const list = await api(a.baseUrl, token, '/api/documents');
    const first = list.items[0];
    const detail = await api(a.baseUrl, token, `/api/documents/${first.id}`);
    const doc = { id: detail.id, revisionId: detail.revision.id };

    for (const [name, host] of [
      ['sameInstance', a],
      ['otherInstance', b],
    ]) {
      const clients = await subscribeClients(host.baseUrl, token, doc.id);
      await latency(a.baseUrl, token, doc, clients, WARM_UP_WRITES); // warms JIT and pools; discarded
      results[`latency_${name}`] = await latency(a.baseUrl, token, doc, clients, WRITES);
      clients.close();
      console.error(`latency ${name}: ${JSON.stringify(results[`latency_${name}`])}`);
    }
    await b.stop();
    running.splice(running.indexOf(b), 1);
    await a.stop();
    running.splice(running.indexOf(a), 1);

    // Write throughput: one server at a time on the same database, rounds interleaved so drift
    // (table growth, autovacuum) falls on every variant alike.
    const admin = new pg.Client({ connectionString: database.url });
    admin.on('error', () => undefined);
    await admin.connect();
    const variants = {
      off: { env: { GLOSSA_LIVE: 'false', GLOSSA_IMPORT_SEEDS: 'false' }, trigger: false, clients: false },
      onNotifyAfterCommit: { env: { GLOSSA_IMPORT_SEEDS: 'false' }, trigger: false, clients: false },
      onNotifyInTransaction: { env: { GLOSSA_IMPORT_SEEDS: 'false' }, trigger: true, clients: false },
      // The same with CLIENTS sockets subscribed to the document being written (fan-out included).
      onWithSubscribers: { env: { GLOSSA_IMPORT_SEEDS: 'false' }, trigger: false, clients: true },
    };
    const runs = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
    for (let r = 0; r < ROUNDS; r++) {
      for (const [name, variant] of Object.entries(variants)) {
        if (variant.trigger) await admin.query(TRIGGER_SQL);
        const server = await startWith(variant.env, dataDir, database.url);
        running.push(server);
        const clients = variant.clients ? await subscribeClients(server.baseUrl, token, doc.id) : null;
        try {
          await throughput(server.baseUrl, token, doc); // warm-up round, discarded
          const run = await throughput(server.baseUrl, token, doc);
          runs[name].push(run);
          console.error(`throughput ${name} round ${r + 1}: ${JSON.stringify(run)}`);
        } finally {
          clients?.close();
          await server.stop();
          running.splice(running.indexOf(server), 1);
          if (variant.trigger) await admin.query(DROP_TRIGGER_SQL);
        }
      }
    }
    const [{ workspace_id: workspaceId }] = (await admin.query(`SELECT workspace_id FROM document WHERE id = $1`, [doc.id])).rows;
    await admin.end();
    results.databaseCommitRates = await databaseCommitRates(database.url, workspaceId, Math.min(LOAD_SECONDS, 5));
    console.error(`database commit rates: ${JSON.stringify(results.databaseCommitRates.medianCommitsPerSec)}`);
    const rps = (name) => median(runs[name].map((x) => x.requestsPerSec));
    results.writeThroughput = {
      connections: CONNECTIONS,
      seconds: LOAD_SECONDS,
      rounds: ROUNDS,
      medianRequestsPerSec: Object.fromEntries(Object.keys(variants).map((k) => [k, rps(k)])),
      ratioOnToOff: round(rps('onNotifyAfterCommit') / rps('off'), 3),
      ratioTriggerToOff: round(rps('onNotifyInTransaction') / rps('off'), 3),
      ratioWithSubscribersToOff: round(rps('onWithSubscribers') / rps('off'), 3),
      runs,
    };
    writeResults('live', results);
  } finally {
    for (const server of running) await server.stop();
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
