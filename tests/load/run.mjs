// `npm run load`: a mixed workload against the built server on loopback with autocannon, at a few
// connection counts, to find where throughput stops growing. Reports throughput, p50/p99, errors
// and 5xx per level, then proves no acknowledged create was lost (each exists exactly once).
// Not a test: figures go to docs/BENCHMARKS.md and docs/RELIABILITY.md. Needs `npm run build` first.
// Env: LOAD_CONNECTIONS (default "8,32,128,256"), LOAD_DURATION seconds per level (default 10).
import { createRequire } from 'node:module';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { ROOT, median, ownerToken, silenceListenerWarnings, startServer } from '../../bench/support.mjs';

const require = createRequire(import.meta.url);
const { startEmbeddedDatabase } = require(join(ROOT, 'apps', 'api', 'dist', 'database', 'embedded-database.js'));

const LEVELS = (process.env.LOAD_CONNECTIONS ?? '8,32,128,256').split(',').map(Number);
const DURATION = Number(process.env.LOAD_DURATION ?? 10);
/** Annotations prepared for PATCH (on a document of their own), so concurrent patches rarely meet on one row. */
const PATCH_POOL = 1_000;
/** Annotations on the document that is opened: a well-annotated chapter, not a stress case. */
const READ_ANNOTATIONS = 150;
const quiet = { log() {}, warn() {}, error() {}, debug() {}, verbose() {}, fatal() {} };

silenceListenerWarnings();
const dataDir = join(ROOT, 'tmp', `load-${process.pid}`);
mkdirSync(dataDir, { recursive: true });
const database = await startEmbeddedDatabase(dataDir, undefined, quiet);
let server = null;
const db = new pg.Client({ connectionString: database.url });

try {
  server = await startServer(dataDir, database.url);
  await db.connect();
  const token = await ownerToken(server.baseUrl);
  const auth = { authorization: `Bearer ${token}` };
  const json = { ...auth, 'content-type': 'application/json' };
  const call = async (method, path, body, headers = {}) => {
    const response = await fetch(`${server.baseUrl}${path}`, { method, headers: { ...(body ? json : auth), ...headers }, body: body ? JSON.stringify(body) : undefined });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response;
  };
  // Three documents beside the seeded corpus: one that is opened (with its annotations), one whose
  // annotations are patched, one that takes the creates — so the opened one stays the same size.
  const content = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} records ${i * 9} measurements taken in ${1900 + (i % 100)}.`).join('\n\n');
  const importDoc = async (title) => {
    const doc = await (await call('POST', '/api/documents', { title, format: 'text', content })).json();
    const textLength = [...(await (await call('GET', `/api/documents/${doc.id}/text`)).text())].length;
    return { id: doc.id, target: (i) => ({ revisionId: doc.revision.id, selector: [{ type: 'TextPositionSelector', start: (i * 53) % (textLength - 20), end: ((i * 53) % (textLength - 20)) + 14 }] }) };
  };
  const readDoc = await importDoc('Load: read');
  const patchDoc = await importDoc('Load: patch');
  const writeDoc = await importDoc('Load: create');
  const seeded = (await (await call('GET', '/api/documents?limit=20')).json()).items.map((d) => d.id);
  const prepare = async (doc, count, note) => {
    const made = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < count) {
          const i = next++;
          made.push(await (await call('POST', `/api/documents/${doc.id}/annotations`, { tag: 'data', note: `${note} ${i}`, target: doc.target(i) })).json());
        }
      }),
    );
    return made;
  };
  await prepare(readDoc, READ_ANNOTATIONS, 'read');
  const patchable = (await prepare(patchDoc, PATCH_POOL, 'patch target')).map((a) => ({ id: a.id, version: a.version }));

  // Shared across all connections: a counter for unique keys, and what the server acknowledged.
  const run = `load-${Date.now()}`;
  let sequence = 0;
  let patchCursor = 0;
  const acknowledged = new Map();
  const conflicts = { patch412: 0 };
  const versionOf = new Map(patchable.map((p) => [p.id, p.version]));

  const requests = [
    { method: 'GET', path: '/api/documents?limit=20', headers: auth },
    {
      method: 'GET',
      headers: auth,
      setupRequest: (req) => ({ ...req, path: `/api/documents/${[readDoc.id, ...seeded][sequence++ % (seeded.length + 1)]}` }),
    },
    { method: 'GET', path: `/api/documents/${readDoc.id}/annotations`, headers: auth },
    {
      method: 'POST',
      path: `/api/documents/${writeDoc.id}/annotations`,
      setupRequest: (req, context) => {
        const n = sequence++;
        context.key = `${run}-${n}`;
        return { ...req, headers: { ...json, 'idempotency-key': context.key }, body: JSON.stringify({ tag: 'claim', note: `${run} create ${n}`, target: writeDoc.target(n) }) };
      },
      onResponse: (status, body, context) => {
        if (status === 201) acknowledged.set(context.key, JSON.parse(body).id);
      },
    },
    {
      method: 'PATCH',
      setupRequest: (req, context) => {
        const { id } = patchable[patchCursor++ % patchable.length];
        context.patchId = id;
        return { ...req, path: `/api/annotations/${id}`, headers: { ...json, 'if-match': `"${versionOf.get(id)}"` }, body: JSON.stringify({ note: `patched ${sequence++}` }) };
      },
      onResponse: (status, body, context) => {
        const parsed = body ? JSON.parse(body) : {};
        if (status === 200) versionOf.set(context.patchId, parsed.version);
        if (status === 412) {
          conflicts.patch412++;
          if (parsed.error?.currentVersion !== undefined) versionOf.set(context.patchId, parsed.error.currentVersion);
        }
      },
    },
    { method: 'GET', path: '/api/review/queue', headers: auth },
  ];
  const KINDS = ['documents list', 'document', 'document annotations (150)', 'create annotation', 'patch annotation', 'review queue'];

  // One request at a time first: what each kind costs on its own, to see which one saturates first.
  const alone = {};
  for (const [index, request] of requests.entries()) {
    const times = [];
    for (let i = 0; i < 30; i++) {
      const context = {};
      const prepared = request.setupRequest ? request.setupRequest({ method: request.method, path: request.path, headers: request.headers }, context) : request;
      const started = performance.now();
      const response = await fetch(`${server.baseUrl}${prepared.path}`, { method: prepared.method, headers: prepared.headers, body: prepared.body });
      const body = await response.text();
      times.push(performance.now() - started);
      request.onResponse?.(response.status, body, context);
    }
    alone[`${request.method} ${KINDS[index]}`] = Math.round(median(times) * 10) / 10;
  }
  console.error(`one at a time (median ms): ${JSON.stringify(alone)}`);

  const loadAverageAtStart = Math.round(loadavg()[0] * 10) / 10;
  const levels = [];
  for (const connections of LEVELS) {
    const before412 = conflicts.patch412;
    const result = await autocannon({ url: server.baseUrl, connections, duration: DURATION, requests, timeout: 30 });
    const codes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, Number(count)]));
    const fiveXx = Object.entries(codes).filter(([code]) => code.startsWith('5')).reduce((n, [, c]) => n + c, 0);
    const level = {
      connections,
      durationSeconds: DURATION,
      requests: result.requests.total,
      requestsPerSecond: Math.round(result.requests.average),
      latencyP50Ms: result.latency.p50,
      latencyP99Ms: result.latency.p99,
      statusCodes: codes,
      fiveXx,
      // 412s are the If-Match contract working (two patches met on one annotation), not failures.
      patchConflicts412: conflicts.patch412 - before412,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xxOther: result.non2xx - (conflicts.patch412 - before412),
    };
    levels.push(level);
    console.error(`${connections} connections: ${level.requestsPerSecond} req/s, p50 ${level.latencyP50Ms} ms, p99 ${level.latencyP99Ms} ms, 5xx ${fiveXx}, errors ${result.errors}, timeouts ${result.timeouts}`);
  }

  // Zero lost writes: every acknowledged create is in the database exactly once, with the acknowledged id.
  const { rows } = await db.query(`SELECT id, note FROM annotation WHERE note LIKE $1`, [`${run} create %`]);
  const idsByNote = new Map();
  for (const row of rows) idsByNote.set(row.note, [...(idsByNote.get(row.note) ?? []), row.id]);
  let lost = 0;
  const acknowledgedNotes = new Set();
  for (const [key, id] of acknowledged) {
    const note = `${run} create ${key.slice(run.length + 1)}`;
    acknowledgedNotes.add(note);
    if (!(idsByNote.get(note) ?? []).includes(id)) lost++;
  }
  const duplicates = [...idsByNote.values()].filter((ids) => ids.length > 1).length;
  // A create the server committed but whose answer never arrived (a client timeout): not a loss.
  const committedWithoutAnswer = [...idsByNote.keys()].filter((note) => !acknowledgedNotes.has(note)).length;
  const writes = { acknowledgedCreates: acknowledged.size, rowsFound: rows.length, lost, duplicates, committedWithoutAnswer };

  const saturation = levels.reduce((best, l) => (l.requestsPerSecond > best.requestsPerSecond ? l : best), levels[0]);
  const results = {
    command: 'npm run load',
    workload: 'per connection, in turn: list documents; open a document; list a document’s annotations; create an annotation (Idempotency-Key); patch an annotation (If-Match); review queue',
    node: process.version,
    cores: cpus().length,
    // Other work on the machine skews the figures; the 1-minute load average says how much.
    loadAverageAtStart,
    medianMsOneAtATime: alone,
    levels,
    saturation: { connections: saturation.connections, requestsPerSecond: saturation.requestsPerSecond },
    writes,
  };
  // Kept beside the script (committed with the figures quoted in the docs) and printed.
  writeFileSync(join(ROOT, 'tests', 'load', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(results, null, 2));
  const failed = levels.some((l) => l.fiveXx > 0) || lost > 0 || duplicates > 0;
  if (failed) {
    console.error('load run found 5xx answers or lost/duplicated writes');
    process.exitCode = 1;
  }
} finally {
  await db.end().catch(() => undefined);
  await server?.stop();
  await database.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
