import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSeedCorpus, SEED_CORPUS } from './corpus';

const SHARED_SEEDS = join(__dirname, '..', '..', '..', 'shared', 'seeds');

describe('seed corpus', () => {
  it('lists five distinct files with unique keys', () => {
    expect(new Set(SEED_CORPUS.map((s) => s.key)).size).toBe(5);
  });

  it('takes every title from its own page', async () => {
    for (const seed of await readSeedCorpus()) {
      expect(seed.bytes.toString('utf8')).toContain(seed.title);
    }
  });

  it('ships the files byte-identical to the shared corpus when it is beside the checkout', async () => {
    const shipped = await readSeedCorpus();
    const shared = await readSeedCorpus(SHARED_SEEDS).catch(() => null);
    // On a clone without ../shared (a user's machine) there is nothing to compare against.
    if (shared === null) return;
    const digest = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect(shipped.map((s) => digest(s.bytes))).toEqual(shared.map((s) => digest(s.bytes)));
    expect((await readFile(join(SHARED_SEEDS, SEED_CORPUS[0].file))).length).toBeGreaterThan(0);
  });
});
