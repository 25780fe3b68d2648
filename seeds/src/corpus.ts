// The demo corpus: five scraped pages kept byte-identical beside this folder,
// with the titles and import format derived here rather than by editing the files.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export interface SeedEntry {
  /** Stable key; a document imported from a seed remembers it so a restart never imports it twice. */
  key: string;
  file: string;
  title: string;
  /** What the page is, for people browsing the demo. */
  source: string;
}

/** Where the .txt files live (this package's root, next to src/ and dist/). */
export const SEED_DIR = resolve(__dirname, '..');

// Titles are taken from each page's own headline; 000 has none before its
// follow-me plea, so its title is the event it comments on, as the text names it.
export const SEED_CORPUS: readonly SeedEntry[] = [
  { key: '000_ced588c36521f353', file: '000_ced588c36521f353.txt', title: '廣州APEC第一次高官會', source: 'NetEase self-media column (Traditional Chinese)' },
  { key: '001_16db67a9ee7a681a', file: '001_16db67a9ee7a681a.txt', title: '王毅出席APEC高官會 強調圍繞開放創新合作推進全年議程', source: 'Ta Kung Pao news report (Traditional Chinese)' },
  { key: '002_79aa052c30d55d94', file: '002_79aa052c30d55d94.txt', title: 'APEC 与中国区域经济高质量发展研究', source: 'Journal article (Simplified Chinese)' },
  { key: '003_71f42c18d8ebb500', file: '003_71f42c18d8ebb500.txt', title: 'APEC峰会后中美关系新观察', source: 'NetEase forum report (Simplified Chinese)' },
  { key: '004_1614badee6310a53', file: '004_1614badee6310a53.txt', title: '亚太命运共同体展望', source: 'Tsinghua CISS annual report 2022 (Simplified Chinese)' },
];

export interface SeedDocument extends SeedEntry {
  /** The file's bytes, exactly as shipped. */
  bytes: Buffer;
}

export async function readSeedCorpus(dir: string = SEED_DIR): Promise<SeedDocument[]> {
  return Promise.all(SEED_CORPUS.map(async (entry) => ({ ...entry, bytes: await readFile(join(dir, entry.file)) })));
}
