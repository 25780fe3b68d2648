// npm run bench: start-up to healthy, seed import, and GET /api/documents/:id under load,
// against the built server on loopback. Writes bench/results/foundation.json.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ROOT, median, ownerToken, startServer, writeResults } from './support.mjs';

const LOAD_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

async function main() {
  mkdirSync(join(ROOT, 'tmp'), { recursive: true });
  const dataDir = mkdtempSync(join(ROOT, 'tmp', 'bench-'));
  const results = { date: new Date().toISOString(), node: process.version, cpus: (await import('node:os')).cpus().length, command: 'npm run bench' };
  try {
    const cold = await startServer(dataDir);
    results.startColdMs = Math.round(cold.ms);
    await cold.stop();
    const warmRuns = [];
    let server;
    for (let i = 0; i < 3; i++) {
      server = await startServer(dataDir);
      warmRuns.push(server.ms);
      if (i < 2) await server.stop();
    }
    results.startWarmMedianMs = Math.round(median(warmRuns));

    const token = await ownerToken(server.baseUrl);
    const auth = { authorization: `Bearer ${token}` };

    // Import the five seeds again as user documents (Markdown), five rounds.
    const { seedMarkdown } = await import(join(ROOT, 'libs', 'importers', 'dist', 'index.js'));
    const seeds = ['000_ced588c36521f353', '001_16db67a9ee7a681a', '002_79aa052c30d55d94', '003_71f42c18d8ebb500', '004_1614badee6310a53'].map((k) => ({
      key: k,
      content: seedMarkdown(readFileSync(join(ROOT, 'seeds', `${k}.txt`), 'utf8')),
    }));
    const rounds = [];
    for (let round = 0; round < 5; round++) {
      const t0 = performance.now();
      for (const seed of seeds) {
        const response = await fetch(`${server.baseUrl}/api/documents`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...auth },
          body: JSON.stringify({ title: `bench ${seed.key}`, format: 'markdown', content: seed.content }),
        });
        if (response.status !== 201) throw new Error(`import failed: ${response.status}`);
      }
      rounds.push(performance.now() - t0);
    }
    results.importFiveSeedsMedianMs = Math.round(median(rounds));

    const list = await (await fetch(`${server.baseUrl}/api/documents?limit=100`, { headers: auth })).json();
    const largest = list.items.reduce((a, b) => (b.length > a.length ? b : a));
    const bytes = (await (await fetch(`${server.baseUrl}/api/documents/${largest.id}`, { headers: auth })).arrayBuffer()).byteLength;
    const load = async (path, headers = auth) => {
      const r = await autocannon({ url: `${server.baseUrl}${path}`, headers, connections: CONNECTIONS, duration: LOAD_SECONDS });
      return { requestsPerSec: Math.round(r.requests.average), p50Ms: r.latency.p50, p99Ms: r.latency.p99, non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts };
    };
    results.getDocument = { connections: CONNECTIONS, seconds: LOAD_SECONDS, responseBytes: bytes, codePoints: largest.length, ...(await load(`/api/documents/${largest.id}`)) };
    results.listDocuments = { connections: CONNECTIONS, seconds: LOAD_SECONDS, ...(await load('/api/documents?limit=20')) };
    results.health = { connections: CONNECTIONS, seconds: LOAD_SECONDS, ...(await load('/api/health', {})) };
    await server.stop();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  writeResults('foundation', results);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
