// The demo corpus as test input: each seed file with the language it is written in and what
// its import must contain, plus small Markdown-ish snippets for seedMarkdown itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentLanguage } from '@glossa/contracts';

/** The project's copy of the corpus (seeds/ at the repository root). */
const SEED_DIR = join(__dirname, '..', '..', '..', 'seeds');

export interface SeedCase {
  file: string;
  language: DocumentLanguage;
  /** A sentence from the file that must come through as text. */
  contains: string;
  headings: boolean;
}

export const SEED_CASES: SeedCase[] = [
  { file: '000_ced588c36521f353.txt', language: 'zh-Hant', contains: '逾千名高級別代表', headings: false },
  { file: '001_16db67a9ee7a681a.txt', language: 'zh-Hant', contains: '1400餘名代表', headings: false },
  { file: '002_79aa052c30d55d94.txt', language: 'zh-Hans', contains: 'APEC 与中国区域经济高质量发展研究', headings: false },
  { file: '003_71f42c18d8ebb500.txt', language: 'zh-Hans', contains: 'APEC峰会后中美关系新观察', headings: false },
  { file: '004_1614badee6310a53.txt', language: 'zh-Hans', contains: '亚太命运共同体展望', headings: true },
];

export function readSeed(file: string): string {
  return readFileSync(join(SEED_DIR, file), 'utf8');
}

export const MIN_SEED_BLOCKS = 10;

export interface SeedMarkdownCase {
  name: string;
  input: string;
  expected: string;
}

export const SEED_MARKDOWN_CASES: SeedMarkdownCase[] = [
  { name: 'single newlines become blank lines', input: '第一段\n第二段\n第三段', expected: '第一段\n\n第二段\n\n第三段' },
  { name: 'existing blank lines stay blank', input: 'a\n\nb', expected: 'a\n\n\n\nb' },
  { name: 'CRLF is treated as a newline', input: 'a\r\nb', expected: 'a\n\nb' },
  { name: 'a hard break (two trailing spaces) keeps lines together', input: 'CENTER FOR  \nTSINGHUA', expected: 'CENTER FOR  \nTSINGHUA' },
  { name: 'fenced code keeps its single newlines', input: '```\nx\ny\n```\nafter', expected: '```\nx\ny\n```\n\nafter' },
  { name: 'footnote markers are escaped', input: '要求”^[1]。另^[12]', expected: '要求”^\\[1]。另^\\[12]' },
  { name: 'footnote markers inside fenced code are left alone', input: '~~~\n^[1]\n~~~', expected: '~~~\n^[1]\n~~~' },
];
