// npm run bench (second part): annotations. Against the built server (production mode) on an
// embedded PostgreSQL this script starts itself, so it can insert annotations with `pg`:
//  1. API: GET /api/documents/:id/annotations on a 5k-annotation document under autocannon
//     (10 and 50 connections, and revalidation with If-None-Match), against the same SELECT run
//     through `pg` directly; then again on a server with the list cache off.
//  2. Browser (Debian Chromium via playwright-core): a ~500 KB document with 0, 1k, 5k and 20k
//     annotations — time from navigation to the first highlighted paint (ratio to 0), p95 frame
//     time while scrolling, and the time to draw one more highlight.
// Writes bench/results/annotations.json.
import http from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { median, OWNER, ownerToken, prng, quantile, ROOT, round, silenceListenerWarnings, startServer, writeResults } from './support.mjs';
import pg from 'pg';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const LOAD_SECONDS = Number(process.env.BENCH_ANNOTATIONS_SECONDS ?? 5);
const API_ANNOTATIONS = 5_000;
const BROWSER_VARIANTS = [0, 1_000, 5_000, 20_000];
const BROWSER_RUNS = Number(process.env.BENCH_BROWSER_RUNS ?? 3);
const TARGET_BYTES = 500 * 1024;
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const { seedMarkdown } = require(join(ROOT, 'libs', 'importers', 'dist', 'index.js'));
const { describeRange, isBlankQuote, CodePointText } = require(join(ROOT, 'libs', 'anchoring', 'dist', 'index.js'));
const { ANNOTATION_COLUMNS, ANNOTATION_FROM } = require(join(ROOT, 'apps', 'api', 'dist', 'annotations', 'annotation-row.js'));

async function startDatabase(dataDir) {
  const { Logger } = require('@nestjs/common');
  const { startEmbeddedDatabase } = require(join(ROOT, 'apps', 'api', 'dist', 'database', 'embedded-database.js'));
  const logger = new Logger('BenchDatabase');
  logger.debug = () => undefined;
  logger.log = () => undefined;
  return startEmbeddedDatabase(dataDir, undefined, logger);
}

/** The five seeds as Markdown, repeated until the text passes `bytes` of UTF-8. */
function bigMarkdown(bytes) {
  const seeds = ['000_ced588c36521f353', '001_16db67a9ee7a681a', '002_79aa052c30d55d94', '003_71f42c18d8ebb500', '004_1614badee6310a53'].map((k) =>
    seedMarkdown(readFileSync(join(ROOT, 'seeds', `${k}.txt`), 'utf8')),
  );
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part = seeds[i % seeds.length];
    parts.push(part);
    size += Buffer.byteLength(part) + 2;
  }
  return parts.join('\n\n');
}

async function importDocument(baseUrl, auth, title, content) {
  const response = await fetch(`${baseUrl}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify({ title, format: 'markdown', content }),
  });
  if (response.status !== 201) throw new Error(`import failed: ${response.status} ${await response.text()}`);
  const { id } = await response.json();
  const text = await (await fetch(`${baseUrl}/api/documents/${id}/text`, { headers: auth })).text();
  return { id, text };
}

const TAGS = ['claim', 'opinion', 'data'];

/** Inserts `count` valid annotations (selectors from the server's canonical text) in one statement per 2,000. */
async function insertAnnotations(client, documentId, text, count, seed) {
  const [doc] = (await client.query(`SELECT workspace_id, current_revision_id FROM document WHERE id = $1`, [documentId])).rows;
  const [author] = (await client.query(`SELECT id FROM app_user WHERE email = $1`, [OWNER.email])).rows;
  const ct = CodePointText.of(text);
  const random = prng(seed);
  const rows = [];
  while (rows.length < count) {
    const start = Math.floor(random() * (ct.length - 40));
    const end = start + 2 + Math.floor(random() * 28);
    const { position, quote } = describeRange(ct, start, end);
    if (isBlankQuote(quote.exact)) continue;
    const i = rows.length;
    rows.push([TAGS[i % 3], i % 4 === 0 ? `bench note ${i}` : null, position.start, position.end, quote.exact, quote.prefix, quote.suffix]);
  }
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000);
    const col = (k) => chunk.map((r) => r[k]);
    await client.query(
      `INSERT INTO annotation (workspace_id, document_id, revision_id, author_id, tag, note, visibility, status, start_offset, end_offset, quote_exact, quote_prefix, quote_suffix)
       SELECT $1, $2, $3, $4, t.tag, t.note, 'shared', 'draft', t.s, t.e, t.qe, t.qp, t.qs
         FROM unnest($5::text[], $6::text[], $7::int[], $8::int[], $9::text[], $10::text[], $11::text[]) AS t(tag, note, s, e, qe, qp, qs)`,
      [doc.workspace_id, documentId, doc.current_revision_id, author.id, col(0), col(1), col(2), col(3), col(4), col(5), col(6)],
    );
  }
  await client.query('ANALYZE annotation');
  return author.id;
}

/** `connections` clients in a loop for `seconds`, each GET read to the end and dropped. */
async function drainLoad(url, headers, connections, seconds) {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const get = () =>
    new Promise((resolveGet, reject) => {
      const t0 = performance.now();
      http
        .get({ host: target.hostname, port: target.port, path: target.pathname, headers, agent }, (response) => {
          if (response.statusCode !== 200) reject(new Error(`status ${response.statusCode}`));
          response.on('data', () => undefined);
          response.on('end', () => resolveGet(performance.now() - t0));
        })
        .on('error', reject);
    });
  await Promise.all(Array.from({ length: connections }, get));
  const times = [];
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) times.push(await get());
    }),
  );
  agent.destroy();
  return { connections, requests: times.length, requestsPerSec: round(times.length / seconds), p50Ms: round(median(times)), p99Ms: round(quantile(times, 0.99)) };
}

async function apiBench(baseUrl, auth, databaseUrl, documentId, authorId) {
  const path = `/api/documents/${documentId}/annotations`;
  const first = await fetch(`${baseUrl}${path}`, { headers: auth });
  const body = await first.arrayBuffer();
  const items = JSON.parse(Buffer.from(body).toString('utf8')).items.length;
  const out = { annotations: items, responseBytes: body.byteLength, seconds: LOAD_SECONDS };
  for (const connections of [10, 50]) {
    const r = await autocannon({ url: `${baseUrl}${path}`, headers: auth, connections, duration: LOAD_SECONDS, timeout: 30 });
    out[`c${connections}`] = { connections, requestsPerSec: round(r.requests.average), p50Ms: r.latency.p50, p99Ms: r.latency.p99, non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts };
  }
  // autocannon parses every 4 MB body on the same two cores as the server; a client that only
  // drains the bytes (node:http, keep-alive, 10 at a time) shows what the server itself takes.
  out.drainC10 = await drainLoad(`${baseUrl}${path}`, auth, 10, LOAD_SECONDS);
  // A client that kept the list and asks whether it changed (If-None-Match → 304, no body).
  const etag = first.headers.get('etag');
  if (etag) {
    const r = await autocannon({ url: `${baseUrl}${path}`, headers: { ...auth, 'if-none-match': etag }, connections: 10, duration: LOAD_SECONDS, timeout: 30 });
    out.revalidateC10 = { connections: 10, requestsPerSec: round(r.requests.average), p50Ms: r.latency.p50, p99Ms: r.latency.p99, status304: r['3xx'], errors: r.errors };
  }
  // The same rows through `pg`: the SELECT ListAnnotations runs (columns, join, filter, order).
  const sql = `SELECT ${ANNOTATION_COLUMNS} FROM ${ANNOTATION_FROM}
        WHERE a.document_id = $1 AND a.deleted_at IS NULL AND (a.visibility = 'shared' OR a.author_id = $2)
        ORDER BY (a.anchor_status = 'detached'), a.start_offset, a.end_offset, a.created_at, a.id`;
  const rawRun = async (connections, seconds) => {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
    const times = [];
    // Warm every connection (the server's pool is warm too).
    await Promise.all(Array.from({ length: connections }, () => pool.query(sql, [documentId, authorId])));
    const until = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < until) {
          const t0 = performance.now();
          const { rows } = await pool.query(sql, [documentId, authorId]);
          if (rows.length !== items) throw new Error(`raw query returned ${rows.length} rows, API ${items}`);
          times.push(performance.now() - t0);
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    await pool.end();
    return { connections, queries: times.length, queriesPerSec: round(times.length / elapsed), p50Ms: round(median(times)), p99Ms: round(quantile(times, 0.99)) };
  };
  out.rawPgSequential = await rawRun(1, 2);
  out.rawPgC10 = await rawRun(10, 3);
  out.ratios = {
    apiP99OverRawP99_c10: round(out.c10.p99Ms / out.rawPgC10.p99Ms, 2),
    drainP99OverRawP99_c10: round(out.drainC10.p99Ms / out.rawPgC10.p99Ms, 2),
    apiP99OverRawSequentialP99_c10: round(out.c10.p99Ms / out.rawPgSequential.p99Ms, 2),
    apiP99OverRawSequentialP99_c50: round(out.c50.p99Ms / out.rawPgSequential.p99Ms, 2),
  };
  return out;
}

// ---- Browser ----

/**
 * Installed before the app's scripts: from the first frame, watches for the reading view with
 * its highlights (or, with no annotations, with the panel's "no annotations" line) and records
 * when the frame showing them was painted (the next requestAnimationFrame after it was seen).
 */
function probe() {
  const wantHighlights = Number(new URL(location.href).searchParams.get('benchExpect') ?? '0') > 0;
  window.__bench = { seenAt: null, paintedAt: null };
  const tick = () => {
    const view = document.querySelector('[data-testid=reading-view]');
    const ready = view && (wantHighlights ? view.querySelector('mark.hl') : document.querySelector('[data-testid=annotation-empty]') && view.firstChild);
    if (ready) {
      window.__bench.seenAt = performance.now();
      requestAnimationFrame(() => (window.__bench.paintedAt = performance.now()));
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

async function signIn(page, baseUrl) {
  await page.goto(`${baseUrl}/signin`);
  await page.locator('[data-testid=signin-email]').fill(OWNER.email);
  await page.locator('[data-testid=signin-password]').fill(OWNER.password);
  await page.locator('[data-testid=signin-submit]').click();
  await page.locator('[data-testid=current-user]').waitFor();
}

async function firstPaint(page, baseUrl, doc) {
  await page.goto(`${baseUrl}/documents/${doc.id}?benchExpect=${doc.count}`);
  await page.waitForFunction(() => window.__bench?.paintedAt != null, undefined, { timeout: 120_000, polling: 50 });
  return page.evaluate(() => {
    const list = performance.getEntriesByType('resource').find((e) => /\/api\/documents\/[^/]+\/annotations/.test(e.name));
    return { paintedAt: window.__bench.paintedAt, annotationsResponseEnd: list?.responseEnd ?? null, marks: document.querySelectorAll('.reading-view mark.hl').length };
  });
}

/** rAF deltas while the window scrolls 150 px per frame for 120 frames, from the top. */
async function scrollFrames(page) {
  return page.evaluate(async () => {
    const scroller = document.scrollingElement;
    scroller.scrollTop = 0;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const deltas = [];
    let last = null;
    await new Promise((done) => {
      let frames = 0;
      const step = (t) => {
        if (last !== null) deltas.push(t - last);
        last = t;
        if (++frames > 120) return done();
        scroller.scrollTop += 150;
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
    return { deltas, scrolled: scroller.scrollTop };
  });
}

/**
 * The plugin and the view, timed in the page. Finds the page's EditorView through the React fiber
 * of the reading view host (the ReadingView's viewRef; no test hook in the app), then:
 *  - redraw: setAll of none, then setAll of every highlight (as on first load), timed as the
 *    plugin's state apply, the view's DOM update (updateState) and a forced layout;
 *  - add: the plugin's `add` action for one new highlight near the top of the viewport, 30 times
 *    one per frame, timed from dispatch to the DOM updated (synchronous; every other add split
 *    into state apply and updateState) and to the next frame.
 * This is the plugin path a collaborator's highlight takes; the React re-render around it
 * (useAnnotations, diffHighlights, the panel) is not included.
 */
async function addHighlight(page) {
  return page.evaluate(async () => {
    const host = document.querySelector('.reading-view-host');
    const fiberKey = Object.keys(host).find((k) => k.startsWith('__reactFiber$'));
    let view = null;
    for (let fiber = host[fiberKey]; fiber && !view; fiber = fiber.return) {
      for (let hook = fiber.memoizedState; hook && typeof hook === 'object' && 'next' in hook; hook = hook.next) {
        const v = hook.memoizedState?.current;
        if (v && typeof v.dispatch === 'function' && v.state?.doc) {
          view = v;
          break;
        }
      }
    }
    if (!view) throw new Error('EditorView not found');
    const plugin = view.state.plugins.find((p) => p.key.startsWith('glossaAnnotations'));
    const index = plugin.getState(view.state).index;
    // A code point offset at the top of the viewport.
    const pos = view.posAtCoords({ left: view.dom.getBoundingClientRect().left + 40, top: 120 })?.pos ?? 1;
    const base = index.rangeToOffsets(pos, pos).start;
    // Redraw everything from nothing, as on first load: setAll of the highlights in the plugin
    // state, after a setAll of none, timed as plugin apply / view DOM update / style+layout.
    const highlights = [...plugin.getState(view.state).highlights.values()];
    const unique = [...new Map(highlights.map((h) => [h.id, h])).values()];
    view.dispatch(view.state.tr.setMeta(plugin, { type: 'setAll', highlights: [] }));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const r0 = performance.now();
    const redrawn = view.state.apply(view.state.tr.setMeta(plugin, { type: 'setAll', highlights: unique }));
    const r1 = performance.now();
    view.updateState(redrawn);
    const r2 = performance.now();
    void document.body.offsetHeight;
    const r3 = performance.now();
    await new Promise((r) => requestAnimationFrame(r));
    const r4 = performance.now();
    const redraw = { pluginApplyMs: r1 - r0, viewUpdateMs: r2 - r1, layoutMs: r3 - r2, toNextFrameMs: r4 - r0 };
    const sync = [];
    const apply = [];
    const painted = [];
    for (let i = 0; i < 30; i++) {
      const start = base + i * 7;
      const tr = view.state.tr.setMeta(plugin, { type: 'add', highlights: [{ id: `bench-new-${i}`, start, end: start + 4, tag: 'data', state: 'pending' }] });
      const t0 = performance.now();
      if (i % 2 === 0) {
        view.dispatch(tr);
      } else {
        // The same work split in two: the plugin's state update, then the view's DOM update.
        const next = view.state.apply(tr);
        apply.push(performance.now() - t0);
        view.updateState(next);
      }
      sync.push(performance.now() - t0);
      await new Promise((r) => requestAnimationFrame(() => (painted.push(performance.now() - t0), r())));
      await new Promise((r) => requestAnimationFrame(r));
    }
    const drawn = document.querySelectorAll('mark[data-annotation-id^="bench-new-"]').length;
    return { sync, apply, painted, drawn, redraw };
  });
}

async function browserBench(baseUrl, docs) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(probe);
    const page = await context.newPage();
    await signIn(page, baseUrl);
    // Warm-up: the document page's code and fonts, once.
    await firstPaint(page, baseUrl, docs[0]);
    const runs = new Map(docs.map((d) => [d.count, []]));
    for (let run = 0; run < BROWSER_RUNS; run++) {
      // Alternate the order, so drift on a noisy machine does not favour one variant.
      const order = run % 2 === 0 ? docs : [...docs].reverse();
      for (const doc of order) runs.get(doc.count).push(await firstPaint(page, baseUrl, doc));
    }
    const out = { runs: BROWSER_RUNS, variants: [] };
    const baseline = median(runs.get(0).map((r) => r.paintedAt));
    for (const doc of docs) {
      const measured = runs.get(doc.count);
      const paint = median(measured.map((r) => r.paintedAt));
      await firstPaint(page, baseUrl, doc);
      const scroll = await scrollFrames(page);
      const add = await addHighlight(page);
      out.variants.push({
        annotations: doc.count,
        marks: measured[0].marks,
        firstHighlightedPaintMs: round(paint),
        firstHighlightedPaintRunsMs: measured.map((r) => round(r.paintedAt)),
        // When the list of annotations had arrived (median), and what the page did after it.
        annotationsResponseEndMs: round(median(measured.map((r) => r.annotationsResponseEnd ?? NaN))),
        afterResponseToPaintMs: round(median(measured.map((r) => r.paintedAt - (r.annotationsResponseEnd ?? NaN)))),
        ratioToNoAnnotations: round(paint / baseline, 2),
        scrollFrameP50Ms: round(median(scroll.deltas)),
        scrollFrameP95Ms: round(quantile(scroll.deltas, 0.95)),
        scrollFrameMaxMs: round(Math.max(...scroll.deltas)),
        scrolledPx: scroll.scrolled,
        redrawAll: Object.fromEntries(Object.entries(add.redraw).map(([k, v]) => [k, round(v)])),
        addHighlightDispatchP50Ms: round(median(add.sync), 2),
        addHighlightDispatchP95Ms: round(quantile(add.sync, 0.95), 2),
        addHighlightPluginApplyP95Ms: round(quantile(add.apply, 0.95), 2),
        addHighlightToNextFrameP95Ms: round(quantile(add.painted, 0.95), 1),
        addHighlightDrawn: add.drawn,
      });
      console.error(`browser: ${doc.count} annotations: ${JSON.stringify(out.variants.at(-1))}`);
    }
    await context.close();
    return out;
  } finally {
    await browser.close();
  }
}

async function main() {
  mkdirSync(join(ROOT, 'tmp'), { recursive: true });
  const dataDir = mkdtempSync(join(ROOT, 'tmp', 'bench-annotations-'));
  const results = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, command: 'npm run bench' };
  const started = performance.now();
  let database;
  let server;
  try {
    database = await startDatabase(dataDir);
    server = await startServer(dataDir, database.url);
    const auth = { authorization: `Bearer ${await ownerToken(server.baseUrl)}` };
    const content = bigMarkdown(TARGET_BYTES);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const docs = [];
    let authorId;
    for (const [i, count] of BROWSER_VARIANTS.entries()) {
      const doc = await importDocument(server.baseUrl, auth, `bench annotations ${count}`, content);
      if (count > 0) authorId = await insertAnnotations(client, doc.id, doc.text, count, 1000 + i);
      docs.push({ ...doc, count });
    }
    await client.end();
    const { text } = docs[0];
    results.document = { markdownBytes: Buffer.byteLength(content), textBytes: Buffer.byteLength(text), codePoints: CodePointText.of(text).length };
    results.setupMs = Math.round(performance.now() - started);
    console.error(`setup: ${JSON.stringify(results.document)} in ${results.setupMs} ms`);

    const apiDoc = docs.find((d) => d.count === API_ANNOTATIONS);
    results.listAnnotations = await apiBench(server.baseUrl, auth, database.url, apiDoc.id, authorId);
    console.error(`api: ${JSON.stringify(results.listAnnotations)}`);
    results.browser = await browserBench(server.baseUrl, docs);
    // The same load with the list cache off: every request reads, presents and encodes the rows.
    await server.stop();
    server = await startServer(dataDir, database.url, { GLOSSA_LIST_CACHE_MB: '0' });
    results.listAnnotationsUncached = await apiBench(server.baseUrl, auth, database.url, apiDoc.id, authorId);
    console.error(`api, list cache off: ${JSON.stringify(results.listAnnotationsUncached)}`);
  } finally {
    await server?.stop();
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  results.totalMs = Math.round(performance.now() - started);
  writeResults('annotations', results);
}

silenceListenerWarnings();

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

export { startDatabase, bigMarkdown, importDocument, insertAnnotations };
