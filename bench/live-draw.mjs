// node bench/live-draw.mjs: how long a collaborator's new highlight takes to be drawn once its
// change reaches the browser. The built server (production mode) on an embedded PostgreSQL; a
// ~500 KB document with 0 and 5,000 annotations open in headless Debian Chromium; annotations
// created through the API with a token (another client). In the page, a WebSocket message listener
// stamps each `change` frame on arrival; a MutationObserver stamps the moment its <mark> is in the
// reading view, and the next animation frame after it. Writes bench/results/live-draw.json.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import pg from 'pg';
import { chromium } from 'playwright-core';
import { bigMarkdown, importDocument, insertAnnotations, startDatabase } from './annotations.mjs';
import { OWNER, ROOT, median, ownerToken, quantile, silenceListenerWarnings, startServer, writeResults } from './support.mjs';

const require = createRequire(import.meta.url);
const { describeRange, isBlankQuote, CodePointText } = require(join(ROOT, 'libs', 'anchoring', 'dist', 'index.js'));
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CREATES = Number(process.env.BENCH_LIVE_CREATES ?? 40);
const VARIANTS = (process.env.BENCH_LIVE_VARIANTS ?? '0,5000').split(',').map(Number);
const TARGET_BYTES = 500 * 1024;
const round = (x, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Runs in the page before the app: stamps change frames on arrival and their marks when drawn. */
function probe() {
  const arrived = new Map();
  const drawn = new Map();
  const painted = new Map();
  const early = new Set();
  window.__live = { arrived, drawn, painted, early };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      // Registered before socket.io sets onmessage, so it runs first.
      this.addEventListener('message', (event) => {
        if (typeof event.data !== 'string' || !event.data.startsWith('42["change"')) return;
        const match = /"annotationId":"([0-9a-f-]{36})"/.exec(event.data);
        if (!match || arrived.has(match[1])) return;
        arrived.set(match[1], performance.now());
        // Already drawn from a list fetch that overtook the frame: not a sample.
        if (document.querySelector(`mark[data-annotation-id="${match[1]}"]`)) early.add(match[1]);
      });
    }
  };
  new MutationObserver((records) => {
    const now = performance.now();
    for (const record of records) {
      // ProseMirror adds new elements, or re-labels one it keeps (an attribute change).
      const nodes = record.type === 'attributes' ? [record.target] : record.addedNodes;
      for (const node of nodes) {
        if (!(node instanceof Element)) continue;
        // Overlapping highlights nest: a re-made outer mark may hold the new one.
        const marks = [...(node.matches('mark[data-annotation-id]') ? [node] : []), ...node.querySelectorAll('mark[data-annotation-id]')];
        for (const mark of marks) {
          const id = mark.getAttribute('data-annotation-id');
          if (!arrived.has(id) || drawn.has(id) || early.has(id)) continue;
          drawn.set(id, now);
          requestAnimationFrame(() => painted.set(id, performance.now()));
        }
      }
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-annotation-id'] });
}

/** Where a minified position of the web build comes from (its source map), for the profile. */
const maps = new Map();
function sourceOf(url, line, column) {
  const file = url.split('/').pop();
  if (!file?.endsWith('.js')) return `${file}:${line}`;
  if (!maps.has(file)) {
    const { SourceMapConsumer } = require('source-map-js');
    try {
      maps.set(file, new SourceMapConsumer(JSON.parse(readFileSync(join(ROOT, 'apps', 'web', 'dist', 'assets', `${file}.map`), 'utf8'))));
    } catch {
      maps.set(file, null);
    }
  }
  const original = maps.get(file)?.originalPositionFor({ line: line + 1, column });
  return original?.source ? `${original.source.replace(/^.*node_modules\//, '')}:${original.line} ${original.name ?? ''}` : `${file}:${line}`;
}

async function signIn(page, baseUrl) {
  await page.goto(`${baseUrl}/signin`);
  await page.locator('[data-testid=signin-email]').fill(OWNER.email);
  await page.locator('[data-testid=signin-password]').fill(OWNER.password);
  await page.locator('[data-testid=signin-submit]').click();
  await page.locator('[data-testid=current-user]').waitFor();
}

async function measure(page, baseUrl, auth, doc) {
  await page.goto(`${baseUrl}/documents/${doc.id}`);
  await page.locator('[data-testid=live-status][data-state=online]').waitFor({ timeout: 120_000 });
  await page.locator('[data-testid=annotation-list], [data-testid=annotation-empty]').first().waitFor({ timeout: 120_000 });
  // The list fetched again after the first subscribe has arrived too: the steady state.
  await page.waitForLoadState('networkidle');
  const { revisionId } = await (await fetch(`${baseUrl}/api/documents/${doc.id}`, { headers: auth })).json().then((d) => ({ revisionId: d.revision.id }));
  const ct = CodePointText.of(doc.text);
  // BENCH_LIVE_PROFILE=1: a CPU profile of the page over the creates; prints the top self times.
  const cdp = process.env.BENCH_LIVE_PROFILE ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  const toDom = [];
  const toFrame = [];
  let early = 0;
  // Near the top, so the new highlight lies in the drawn window around the viewport.
  let start = 10;
  for (let i = 0; i < CREATES; ) {
    const end = start + 3;
    const { position, quote } = describeRange(ct, start, end);
    start += 7;
    if (isBlankQuote(quote.exact)) continue;
    const response = await fetch(`${baseUrl}/api/documents/${doc.id}/annotations`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ tag: ['claim', 'opinion', 'data'][i % 3], target: { revisionId, selector: [position, quote] } }),
    });
    if (response.status !== 201) throw new Error(`create answered ${response.status}: ${await response.text()}`);
    const { id } = await response.json();
    try {
      await page.waitForFunction((id) => window.__live.painted.has(id) || window.__live.early.has(id), id, { timeout: 30_000, polling: 'raf' });
    } catch (error) {
      const state = await page.evaluate((id) => ({ arrived: window.__live.arrived.has(id), drawn: window.__live.drawn.has(id), painted: window.__live.painted.has(id), early: window.__live.early.has(id), marks: document.querySelectorAll(`mark[data-annotation-id="${id}"]`).length, allMarks: document.querySelectorAll('mark[data-annotation-id]').length, scrollY: window.scrollY }), id);
      throw new Error(`highlight ${i} (${id}) not drawn: ${JSON.stringify(state)}`, { cause: error });
    }
    const t = await page.evaluate((id) => ({ a: window.__live.arrived.get(id), d: window.__live.drawn.get(id), p: window.__live.painted.get(id), early: window.__live.early.has(id) }), id);
    i++;
    if (t.early) {
      early += 1;
      continue;
    }
    toDom.push(t.d - t.a);
    toFrame.push(t.p - t.a);
  }
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    const self = new Map();
    const dt = new Map();
    profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    for (const node of profile.nodes) {
      const { functionName, url, lineNumber, columnNumber } = node.callFrame;
      const name = `${functionName || '(anonymous)'} ${sourceOf(url, lineNumber, columnNumber)}`;
      self.set(name, (self.get(name) ?? 0) + (dt.get(node.id) ?? 0));
    }
    const top = [...self].filter(([n]) => !n.startsWith('(idle)') && !n.startsWith('(program)')).sort((x, y) => y[1] - x[1]).slice(0, 25);
    console.error(top.map(([n, us]) => `${(us / 1000).toFixed(1).padStart(8)} ms  ${n}`).join('\n'));
  }
  // The first few include warming the code path; all are reported.
  return {
    annotations: doc.count,
    creates: CREATES,
    drawnBeforeTheirFrame: early,
    arrivalToMarkInDomP50Ms: round(median(toDom)),
    arrivalToMarkInDomP95Ms: round(quantile(toDom, 0.95)),
    arrivalToMarkInDomMaxMs: round(Math.max(...toDom)),
    arrivalToNextFrameP50Ms: round(median(toFrame), 1),
    arrivalToNextFrameP95Ms: round(quantile(toFrame, 0.95), 1),
  };
}

async function main() {
  mkdirSync(join(ROOT, 'tmp'), { recursive: true });
  const dataDir = mkdtempSync(join(ROOT, 'tmp', 'bench-live-draw-'));
  const results = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, command: 'node bench/live-draw.mjs' };
  let database;
  let server;
  let browser;
  try {
    database = await startDatabase(dataDir);
    server = await startServer(dataDir, database.url);
    const auth = { authorization: `Bearer ${await ownerToken(server.baseUrl)}` };
    const content = bigMarkdown(TARGET_BYTES);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const docs = [];
    for (const [i, count] of VARIANTS.entries()) {
      const doc = await importDocument(server.baseUrl, auth, `bench live ${count}`, content);
      if (count > 0) await insertAnnotations(client, doc.id, doc.text, count, 2000 + i);
      docs.push({ ...doc, count });
    }
    await client.end();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(probe);
    const page = await context.newPage();
    await signIn(page, server.baseUrl);
    results.variants = [];
    for (const doc of docs) {
      results.variants.push(await measure(page, server.baseUrl, auth, doc));
      console.error(JSON.stringify(results.variants.at(-1)));
    }
  } finally {
    await browser?.close();
    await server?.stop();
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  writeResults('live-draw', results);
}

silenceListenerWarnings();

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
