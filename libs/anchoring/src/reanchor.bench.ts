// Re-anchoring time, measured and never asserted (DESIGN: speed is measured, not asserted in
// unit tests): `npx vitest bench --run --project unit libs/anchoring`.
//
// - golden 001: the golden case (≈3.7k code points, 45 annotations, one insertion, one rewrite);
// - seed 004 (the 60 KB seed): 300 annotations, the same kind of edit (a note inserted at the
//   top, one sentence rewritten): mostly steps (a)/(b);
// - seed 004, worst case: one character changed inside every annotated passage, so all 300
//   need the fuzzy search.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { describeRange, reanchorAll, type StoredAnchor } from './index';
import { goldenCase, INSERTED_PARAGRAPH, seedText, sentencesOf } from './reanchor-golden-cases';

const golden = goldenCase();

const large = seedText(readFileSync(join(__dirname, '..', '..', '..', 'seeds', '004_1614badee6310a53.txt'), 'utf8'));
const sentences = sentencesOf(large).filter((s) => s.end - s.start >= 8);
const step = Math.max(1, Math.floor(sentences.length / 300));
const picked = sentences.filter((_, i) => i % step === 0).slice(0, 300);
const annotations: StoredAnchor[] = picked.map((s, i) => ({ id: `a${i}`, ...describeRange(large, s.start, s.end) }));

const chars = [...large];
const middle = picked[Math.floor(picked.length / 2)];
const oneEdit = [
  ...chars.slice(0, 200),
  `${INSERTED_PARAGRAPH}\n`,
  ...chars.slice(200, middle.start + 2),
  '改寫',
  ...chars.slice(middle.start + 4),
].join('');

// Replace the middle character of every annotated sentence (from the end, so offsets hold).
const everyEdited = [...chars];
for (const s of [...picked].reverse()) everyEdited[Math.floor((s.start + s.end) / 2)] = '𠮷';
const worst = everyEdited.join('');

describe('reanchorAll', () => {
  bench(`golden 001: ${golden.annotations.length} annotations, ${[...golden.oldText].length} code points`, () => {
    reanchorAll(golden.oldText, golden.newText, golden.annotations);
  });

  bench(`seed 004: ${annotations.length} annotations, ${chars.length} code points, one insertion and one rewrite`, () => {
    reanchorAll(large, oneEdit, annotations);
  });

  bench(`seed 004 worst case: all ${annotations.length} annotations edited (fuzzy search each)`, () => {
    reanchorAll(large, worst, annotations);
  });
});
