// npm run bench (exports part, issue 7): streaming exports of 100,000 annotations. Against the
// built server (production mode) on an embedded PostgreSQL this script starts itself, it imports
// 20 documents through the API and inserts 100,000 annotations with `pg` (selectors from the
// server's own canonical text, as bench/annotations.mjs makes them). Then it downloads
// GET /api/workspaces/:id/export as CSV, W3C JSON-LD, Glossa JSON and the Markdown memo with a
// bearer token, reading the stream to the end: wall time, annotations/s, bytes, and the API
// process's peak RSS growth over its resident size before the export (/proc/<pid>: the peak is
// reset through clear_refs before each run and read from VmHWM after it).
// Writes bench/results/exports.json.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { importDocument, insertAnnotations, startDatabase } from './annotations.mjs';
import { median, ownerToken, ROOT, round, startServer, writeResults } from './support.mjs';

const require = createRequire(import.meta.url);
const { seedMarkdown } = require(join(ROOT, 'libs', 'importers', 'dist', 'index.js'));

const DOCUMENTS = 20;
const ANNOTATIONS_PER_DOCUMENT = Number(process.env.BENCH_EXPORT_PER_DOCUMENT ?? 5_000);
const RUNS = Number(process.env.BENCH_EXPORT_RUNS ?? 3);
const FORMATS = ['csv', 'w3c', 'json', 'markdown'];
const SEEDS = ['000_ced588c36521f353', '001_16db67a9ee7a681a', '002_79aa052c30d55d94', '003_71f42c18d8ebb500', '004_1614badee6310a53'];
const MB = 1024 * 1024;

/** VmRSS and VmHWM (peak) of a process, in bytes. */
function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)[1]) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** Resets the peak (VmHWM) to the current RSS (Linux clear_refs, value 5). */
function resetPeak(pid) {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

async function exportOnce(server, auth, workspaceId, format) {
  const before = memoryOf(server.pid);
  resetPeak(server.pid);
  const started = performance.now();
  const response = await fetch(`${server.baseUrl}/api/workspaces/${workspaceId}/export?format=${format}`, { headers: auth });
  if (response.status !== 200) throw new Error(`export ${format} answered ${response.status}: ${await response.text()}`);
  const count = Number(response.headers.get('x-glossa-annotation-count'));
  let bytes = 0;
  let firstByteMs = null;
  for await (const chunk of response.body) {
    if (firstByteMs === null) firstByteMs = performance.now() - started;
    bytes += chunk.byteLength;
  }
  const ms = performance.now() - started;
  const after = memoryOf(server.pid);
  return { ms, firstByteMs, bytes, count, rssBefore: before.rss, peak: after.peak, growth: Math.max(0, after.peak - before.rss) };
}

async function main() {
  mkdirSync(join(ROOT, 'tmp'), { recursive: true });
  const dataDir = mkdtempSync(join(ROOT, 'tmp', 'bench-exports-'));
  const results = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, command: 'node bench/exports.mjs' };
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
    let t = performance.now();
    const docs = [];
    for (let i = 0; i < DOCUMENTS; i++) docs.push(await importDocument(server.baseUrl, auth, `bench export ${i}`, `${seeds[i % 5]}\n\n${seeds[(i + 1) % 5]}`));
    const setup = { importDocumentsMs: Math.round(performance.now() - t) };
    t = performance.now();
    for (const [i, doc] of docs.entries()) await insertAnnotations(client, doc.id, doc.text, ANNOTATIONS_PER_DOCUMENT, 7000 + i);
    // A tenth of the notes in Chinese, so the CSV and memo carry multi-byte text.
    await client.query(`UPDATE annotation SET note = '註：' || quote_exact || '，待核實' WHERE abs(hashtext(id::text)) % 10 = 0`);
    await client.query('VACUUM ANALYZE annotation');
    // Write out the bulk insert now, so no checkpoint runs under the first measured export.
    await client.query('CHECKPOINT');
    setup.insertAnnotationsMs = Math.round(performance.now() - t);
    const [{ workspace_id: workspaceId }] = (await client.query(`SELECT workspace_id FROM document WHERE id = $1`, [docs[0].id])).rows;
    const [{ n }] = (await client.query(`SELECT count(*)::int AS n FROM annotation WHERE workspace_id = $1`, [workspaceId])).rows;
    await client.end();
    results.workspace = { documents: DOCUMENTS, annotations: n };
    results.setup = setup;
    console.error(`setup: ${JSON.stringify(results.workspace)} ${JSON.stringify(setup)}`);

    results.goal = { annotationsPerSecond: 20_000, peakRssGrowthMB: 100 };
    results.exports = {};
    for (const format of FORMATS) {
      // One warm-up run (JIT, plan cache), then RUNS measured ones.
      await exportOnce(server, auth, workspaceId, format);
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await exportOnce(server, auth, workspaceId, format));
      const ms = median(runs.map((r) => r.ms));
      results.exports[format] = {
        // Other processes share the cores: the 1-minute load average when the runs ended.
        loadAverage: round(loadavg()[0], 1),
        annotations: runs[0].count,
        runs: RUNS,
        medianMs: Math.round(ms),
        annotationsPerSecond: Math.round(runs[0].count / (ms / 1000)),
        firstByteMs: Math.round(median(runs.map((r) => r.firstByteMs))),
        megabytes: round(runs[0].bytes / MB, 1),
        rssBeforeMB: round(median(runs.map((r) => r.rssBefore)) / MB, 1),
        peakRssGrowthMB: round(Math.max(...runs.map((r) => r.growth)) / MB, 1),
      };
      console.error(`${format}: ${JSON.stringify(results.exports[format])}`);
    }
  } finally {
    await server?.stop();
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  results.totalMs = Math.round(performance.now() - started);
  writeResults('exports', results);
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
