// npm run bench (third part): the review queue and annotation search (issue 5). Against the built
// server (production mode) on an embedded PostgreSQL this script starts itself, it seeds one
// workspace with `pg`: 100,000 annotations over 20 documents (selectors from the server's own
// canonical text, as bench/annotations.mjs makes them), a few hundred of them submitted, and
// 10,000 contradiction flags (link + link_annotation, annotation_set hashed as the API does)
// with statuses, severities, raisers and assignees spread. Then, with autocannon (bearer token,
// 10 connections): GET /api/review/queue (first page, with and without filters) and
// GET /api/annotations/search?q= (common and rare 2-character Chinese queries, one longer
// phrase), with GET /api/health in the same run as the reference.
// Writes bench/results/review.json.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { importDocument, insertAnnotations, startDatabase } from './annotations.mjs';
import { ownerToken, prng, quantile, ROOT, round, silenceListenerWarnings, startServer, writeResults } from './support.mjs';

const require = createRequire(import.meta.url);
const { seedMarkdown } = require(join(ROOT, 'libs', 'importers', 'dist', 'index.js'));
const { annotationSetHash } = require(join(ROOT, 'apps', 'api', 'dist', 'links', 'commands', 'createLink.js'));

const LOAD_SECONDS = Number(process.env.BENCH_REVIEW_SECONDS ?? 4);
const CONNECTIONS = 10;
const DOCUMENTS = 20;
const ANNOTATIONS_PER_DOCUMENT = 5_000;
const FLAGS = 10_000;
const SUBMITTED = 300;
const REVIEWERS = 6;
const SEEDS = ['000_ced588c36521f353', '001_16db67a9ee7a681a', '002_79aa052c30d55d94', '003_71f42c18d8ebb500', '004_1614badee6310a53'];

/** Picks by weight: `[[value, weight], …]`. */
const weighted = (random, table) => {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let x = random() * total;
  for (const [value, w] of table) if ((x -= w) < 0) return value;
  return table.at(-1)[0];
};

const STATUSES = [['open', 35], ['in_review', 20], ['confirmed', 15], ['dismissed', 15], ['resolved', 15]];
const SEVERITIES = [['low', 30], ['medium', 50], ['high', 20]];

/** Reviewers of the owner's workspace, straight into the tables (they never sign in). */
async function addReviewers(client, workspaceId) {
  const ids = [];
  for (let i = 0; i < REVIEWERS; i++) {
    const [{ id }] = (
      await client.query(`INSERT INTO app_user (email, name, password_hash) VALUES ($1, $2, '$argon2id$bench-not-a-hash') RETURNING id`, [`reviewer${i}@example.org`, `審閱者${i}`])
    ).rows;
    await client.query(`INSERT INTO membership (workspace_id, user_id, role) VALUES ($1, $2, 'reviewer')`, [workspaceId, id]);
    ids.push(id);
  }
  return ids;
}

/**
 * Some notes in Chinese (a tenth), SUBMITTED submitted annotations, and creation times spread
 * over 90 days (the inserts share a statement's now()); then VACUUM ANALYZE.
 */
async function shapeAnnotations(client) {
  await client.query(`
    UPDATE annotation SET
      note = CASE WHEN abs(hashtext(id::text)) % 10 = 0 THEN '註：' || quote_exact || '，待核實' ELSE note END,
      created_at = now() - (abs(hashtext(id::text || 't')) % 7776000) * interval '1 second'`);
  await client.query(
    `UPDATE annotation SET status = 'submitted' WHERE id IN (SELECT id FROM annotation ORDER BY hashtext(id::text || 's') LIMIT $1)`,
    [SUBMITTED],
  );
  await client.query('VACUUM ANALYZE annotation');
}

/** FLAGS contradiction flags over 2–3 annotations each, one INSERT per 2,000 links (and their members). */
async function insertFlags(client, workspaceId, ownerId, reviewerIds) {
  const { rows: annotations } = await client.query(`SELECT id, document_id FROM annotation WHERE workspace_id = $1 ORDER BY id`, [workspaceId]);
  const random = prng(42);
  const people = [ownerId, ...reviewerIds];
  const sets = new Set();
  const links = [];
  while (links.length < FLAGS) {
    const size = random() < 0.8 ? 2 : 3;
    const ids = new Set();
    while (ids.size < size) ids.add(annotations[Math.floor(random() * annotations.length)].id);
    const members = [...ids];
    const set = annotationSetHash(members);
    if (sets.has(set)) continue;
    sets.add(set);
    const status = weighted(random, STATUSES);
    const raisedBy = random() < 0.5 ? ownerId : people[1 + Math.floor(random() * reviewerIds.length)];
    const candidates = people.filter((p) => p !== raisedBy);
    const assignee = status === 'open' ? null : status === 'in_review' || random() < 0.7 ? candidates[Math.floor(random() * candidates.length)] : null;
    const quoteHint = `第${links.length}號`;
    links.push({
      id: randomUUID(),
      status,
      severity: weighted(random, SEVERITIES),
      rationale: `${quoteHint}：兩段說法互相矛盾，數字與時間對不上。`,
      raisedBy,
      assignee,
      resolution: status === 'resolved' ? '已與原文核對，以後者為準。' : null,
      set,
      ageSeconds: Math.floor(random() * 7_776_000),
      members,
    });
  }
  for (let i = 0; i < links.length; i += 2000) {
    const chunk = links.slice(i, i + 2000);
    const col = (k) => chunk.map((l) => l[k]);
    await client.query(
      `INSERT INTO link (id, workspace_id, type, status, severity, rationale, raised_by, assignee_id, resolution, annotation_set, created_at, modified_at)
       SELECT t.id, $1, 'contradicts', t.status, t.severity, t.rationale, t.raised_by, t.assignee, t.resolution, t.set,
              now() - t.age * interval '1 second', now() - t.age * interval '1 second'
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::uuid[], $8::text[], $9::text[], $10::int[])
           AS t(id, status, severity, rationale, raised_by, assignee, resolution, set, age)`,
      [workspaceId, col('id'), col('status'), col('severity'), col('rationale'), col('raisedBy'), col('assignee'), col('resolution'), col('set'), col('ageSeconds')],
    );
    const memberRows = chunk.flatMap((l) => l.members.map((a, position) => [l.id, a, position]));
    await client.query(
      `INSERT INTO link_annotation (link_id, annotation_id, position) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::smallint[])`,
      [memberRows.map((r) => r[0]), memberRows.map((r) => r[1]), memberRows.map((r) => r[2])],
    );
  }
  await client.query('ANALYZE link');
  await client.query('ANALYZE link_annotation');
  const byStatus = Object.fromEntries(STATUSES.map(([s]) => [s, links.filter((l) => l.status === s).length]));
  return { flags: links.length, byStatus, high: links.filter((l) => l.severity === 'high').length };
}

const CJK = /^[\u3400-\u9fff]+$/u;

/** Search queries picked from the seeded quotes: the commonest bigram, named ones, a rare one, a 4-character phrase. */
async function pickQueries(client, workspaceId) {
  const { rows } = await client.query(`SELECT quote_exact FROM annotation WHERE workspace_id = $1`, [workspaceId]);
  const grams = (n) => {
    const count = new Map();
    for (const { quote_exact: q } of rows) {
      const cps = [...q];
      const seen = new Set();
      for (let i = 0; i + n <= cps.length; i++) {
        const g = cps.slice(i, i + n).join('');
        if (CJK.test(g)) seen.add(g);
      }
      for (const g of seen) count.set(g, (count.get(g) ?? 0) + 1);
    }
    return [...count].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  };
  const bigrams = grams(2);
  const four = grams(4);
  const freq = new Map(bigrams);
  const queries = [{ label: 'commonest bigram', q: bigrams[0][0] }];
  for (const q of ['亞太', '亚太', '代表']) if (freq.has(q)) queries.push({ label: `bigram ${q}`, q });
  const rare = bigrams.find(([, n]) => n <= 20);
  if (rare) queries.push({ label: 'rare bigram (≤ 20 quotes)', q: rare[0] });
  queries.push({ label: 'absent bigram', q: '鑫淼' });
  const phrase = four.find(([, n]) => n <= 200) ?? four[0];
  queries.push({ label: '4-character phrase', q: phrase[0] });
  for (const query of queries) {
    const { rows: r } = await client.query(
      `SELECT count(*)::int AS n FROM annotation a WHERE a.workspace_id = $1 AND a.deleted_at IS NULL
          AND (strpos(lower(a.quote_exact), lower($2)) > 0 OR strpos(lower(coalesce(a.note, '')), lower($2)) > 0)`,
      [workspaceId, query.q],
    );
    query.matches = r[0].n;
  }
  return queries;
}

async function load(baseUrl, path, headers) {
  // One request first: it must succeed, and its size is recorded.
  const first = await fetch(`${baseUrl}${path}`, { headers });
  const body = await first.text();
  if (first.status !== 200) throw new Error(`${path} answered ${first.status}: ${body.slice(0, 300)}`);
  // p95 is not among autocannon's percentiles: every response's time is kept as well.
  const times = [];
  const setupClient = (client) => client.on('response', (status, bytes, responseTime) => times.push(responseTime));
  const r = await autocannon({ url: `${baseUrl}${path}`, headers, connections: CONNECTIONS, duration: LOAD_SECONDS, timeout: 30, setupClient });
  const out = {
    path: decodeURIComponent(path),
    connections: CONNECTIONS,
    seconds: LOAD_SECONDS,
    requestsPerSec: round(r.requests.average),
    p50Ms: r.latency.p50,
    p90Ms: r.latency.p90,
    p95Ms: round(quantile(times, 0.95)),
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    responseBytes: Buffer.byteLength(body),
  };
  const json = JSON.parse(body);
  if (Array.isArray(json.items)) out.items = json.items.length;
  if (json.counts) out.counts = json.counts;
  return out;
}

async function main() {
  mkdirSync(join(ROOT, 'tmp'), { recursive: true });
  const dataDir = mkdtempSync(join(ROOT, 'tmp', 'bench-review-'));
  const results = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, command: 'node bench/review.mjs' };
  const started = performance.now();
  let database;
  let server;
  try {
    database = await startDatabase(dataDir);
    server = await startServer(dataDir, database.url);
    const auth = { authorization: `Bearer ${await ownerToken(server.baseUrl)}` };
    const seeds = SEEDS.map((k) => seedMarkdown(readFileSync(join(ROOT, 'seeds', `${k}.txt`), 'utf8')));
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const setup = {};
    let t = performance.now();
    const docs = [];
    for (let i = 0; i < DOCUMENTS; i++) {
      // Two seeds per document, rotating: 20 documents of 12–62 KB of Markdown.
      docs.push(await importDocument(server.baseUrl, auth, `bench review ${i}`, `${seeds[i % 5]}\n\n${seeds[(i + 1 + Math.floor(i / 5)) % 5]}`));
    }
    setup.importDocumentsMs = Math.round(performance.now() - t);
    t = performance.now();
    let ownerId;
    for (const [i, doc] of docs.entries()) ownerId = await insertAnnotations(client, doc.id, doc.text, ANNOTATIONS_PER_DOCUMENT, 5000 + i);
    setup.insertAnnotationsMs = Math.round(performance.now() - t);
    t = performance.now();
    await shapeAnnotations(client);
    setup.notesSubmittedAndTimesMs = Math.round(performance.now() - t);
    const [{ workspace_id: workspaceId }] = (await client.query(`SELECT workspace_id FROM document WHERE id = $1`, [docs[0].id])).rows;
    const reviewerIds = await addReviewers(client, workspaceId);
    t = performance.now();
    results.flags = await insertFlags(client, workspaceId, ownerId, reviewerIds);
    setup.insertFlagsMs = Math.round(performance.now() - t);
    const [sizes] = (
      await client.query(
        `SELECT (SELECT count(*)::int FROM annotation WHERE workspace_id = $1) AS annotations,
                (SELECT count(*)::int FROM annotation WHERE workspace_id = $1 AND status = 'submitted') AS submitted,
                (SELECT count(*)::int FROM annotation WHERE workspace_id = $1 AND note IS NOT NULL) AS with_note,
                (SELECT count(*)::int FROM link WHERE workspace_id = $1) AS links,
                (SELECT count(*)::int FROM link_annotation) AS link_members`,
        [workspaceId],
      )
    ).rows;
    results.workspace = { documents: DOCUMENTS, ...sizes, reviewers: REVIEWERS };
    t = performance.now();
    const queries = await pickQueries(client, workspaceId);
    setup.pickQueriesMs = Math.round(performance.now() - t);
    await client.end();
    results.setup = setup;
    results.setupMs = Math.round(performance.now() - started);
    console.error(`setup: ${JSON.stringify(results.workspace)} ${JSON.stringify(setup)} in ${results.setupMs} ms`);

    results.health = await load(server.baseUrl, '/api/health', {});
    console.error(`health: ${JSON.stringify(results.health)}`);
    const queue = [
      { label: 'no filter', query: '' },
      { label: 'no filter, limit=20', query: '?limit=20' },
      { label: 'status=open&severity=high', query: '?status=open&severity=high' },
      { label: 'documentId', query: `?documentId=${docs[3].id}` },
      { label: 'assigneeId', query: `?assigneeId=${reviewerIds[0]}` },
      { label: 'status=submitted', query: '?status=submitted' },
    ];
    results.queue = [];
    for (const { label, query } of queue) {
      const r = await load(server.baseUrl, `/api/review/queue${query}`, auth);
      results.queue.push({ label, ...r, ratioP99ToHealth: round(r.p99Ms / Math.max(1, results.health.p99Ms), 1), goalP99Met: r.p99Ms <= 50 });
      console.error(`queue ${label}: ${JSON.stringify(results.queue.at(-1))}`);
    }
    results.search = [];
    for (const query of queries) {
      const path = `/api/annotations/search?q=${encodeURIComponent(query.q)}`;
      const r = await load(server.baseUrl, path, auth);
      results.search.push({ ...query, ...r, ratioP95ToHealthP99: round(r.p95Ms / Math.max(1, results.health.p99Ms), 1), goalP95Met: r.p95Ms <= 50 });
      console.error(`search ${query.label} ${query.q}: ${JSON.stringify(results.search.at(-1))}`);
    }
  } finally {
    await server?.stop();
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  results.totalMs = Math.round(performance.now() - started);
  writeResults('review', results);
}

silenceListenerWarnings();

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
