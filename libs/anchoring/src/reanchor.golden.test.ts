// Golden re-anchoring over seed 001 (issue 4): after inserting a paragraph and rewriting one
// sentence, every annotation clear of the rewrite is on the same characters, shifted by exactly
// the inserted length; those on the rewrite are fuzzy or orphans; none is lost.
//
// The full outcome is kept in fixtures/ as a golden file (as Hypothesis keeps
// test/html-baselines/), so any change in what re-anchoring decides shows up in review.
import { describe, expect, it } from 'vitest';
import { describeRange, reanchorAll, sliceCodePoints } from './index';
import { fifthProseParagraph, goldenCase, INSERTED_PARAGRAPH, NEW_SENTENCE, OLD_SENTENCE, sentencesOf } from './reanchor-golden-cases';

const cps = (s: string): string[] => [...s];
const len = (s: string): number => cps(s).length;

/** Code points shared at the start and at the end of two strings. */
function sharedEnds(a: string, b: string): [prefix: number, suffix: number] {
  const x = cps(a);
  const y = cps(b);
  let prefix = 0;
  while (prefix < Math.min(x.length, y.length) && x[prefix] === y[prefix]) prefix++;
  let suffix = 0;
  while (suffix < Math.min(x.length, y.length) - prefix && x[x.length - 1 - suffix] === y[y.length - 1 - suffix]) suffix++;
  return [prefix, suffix];
}

describe(`golden re-anchoring of seed 001`, () => {
  const { oldText, newText, annotations } = goldenCase();

  // Where the edits are, worked out from the edit itself rather than from the anchoring code.
  const insertAt = len(oldText.split('\n')[0]) + 1;
  const inserted = len(INSERTED_PARAGRAPH) + 1;
  const [same, sameEnd] = sharedEnds(OLD_SENTENCE, NEW_SENTENCE);
  const sentenceAt = len(oldText.slice(0, oldText.indexOf(OLD_SENTENCE)));
  const changedFrom = sentenceAt + same;
  const changedTo = sentenceAt + len(OLD_SENTENCE) - sameEnd;
  const lengthChange = len(NEW_SENTENCE) - len(OLD_SENTENCE);
  const newChangedFrom = changedFrom + inserted;
  const newChangedTo = changedTo + inserted + lengthChange;

  const touched = (a: number, b: number): boolean => a < changedTo && b > changedFrom;
  const shiftOf = (a: number): number => (a < insertAt ? 0 : a >= changedTo ? inserted + lengthChange : inserted);

  it('builds the revision the test claims: one paragraph inserted, one sentence rewritten in the fifth paragraph', () => {
    expect(fifthProseParagraph(oldText)).toContain(OLD_SENTENCE);
    expect(oldText.split(OLD_SENTENCE)).toHaveLength(2);
    const chars = cps(oldText);
    const expected = [
      ...chars.slice(0, insertAt),
      INSERTED_PARAGRAPH,
      '\n',
      ...chars.slice(insertAt, changedFrom),
      ...cps(NEW_SENTENCE).slice(same, len(NEW_SENTENCE) - sameEnd),
      ...chars.slice(changedTo),
    ].join('');
    expect(newText).toBe(expected);
  });

  it('annotates about forty passages spread over the document, including the named figures', () => {
    expect(annotations.length).toBeGreaterThanOrEqual(38);
    expect(annotations.length).toBeLessThanOrEqual(48);
    expect(new Set(annotations.map((a) => a.id)).size).toBe(annotations.length);
    const starts = annotations.map((a) => a.position!.start);
    // Spread: something in every fifth of the text.
    for (let fifth = 0; fifth < 5; fifth++) {
      expect(starts.some((s) => s >= (fifth * len(oldText)) / 5 && s < ((fifth + 1) * len(oldText)) / 5)).toBe(true);
    }
    const quotes = annotations.map((a) => a.quote.exact);
    expect(quotes.filter((q) => q === '1400餘名代表')).toHaveLength(2);
    expect(quotes).toContain('超出六成的全球經濟總量和近五成的貿易總額');
    expect(annotations.filter((a) => touched(a.position!.start, a.position!.end)).length).toBeGreaterThanOrEqual(3);
    // Most are whole sentences or parts of them, every third of the text's sentences.
    expect(annotations.filter((a) => a.id.startsWith('sentence-')).length).toBe(Math.ceil((sentencesOf(oldText).length - 1) / 3));
  });

  const results = reanchorAll(oldText, newText, annotations);

  it('loses none: one result per annotation, in order', () => {
    expect(results.map((r) => r.id)).toEqual(annotations.map((a) => a.id));
  });

  it.each(annotations.filter((a) => !touched(a.position!.start, a.position!.end)).map((a) => [a.id, a] as const))(
    '%s, clear of the rewrite, is on the same characters, shifted by the inserted length',
    (id, annotation) => {
      const { start, end } = annotation.position!;
      const { result, selectors } = results.find((r) => r.id === id)!;
      const shift = shiftOf(start);
      expect(result).toMatchObject({ status: shift === 0 ? 'exact' : 'moved', start: start + shift, end: end + shift });
      expect(sliceCodePoints(newText, start + shift, end + shift)).toBe(annotation.quote.exact);
      expect(selectors).toEqual(describeRange(newText, start + shift, end + shift));
    },
  );

  it.each(annotations.filter((a) => touched(a.position!.start, a.position!.end)).map((a) => [a.id, a] as const))(
    '%s, on the rewritten words, is fuzzy on the rewrite or an orphan',
    (id, annotation) => {
      // Precondition of the claim: the old words no longer occur verbatim anywhere.
      expect(newText).not.toContain(annotation.quote.exact);
      const { result, selectors } = results.find((r) => r.id === id)!;
      expect(['fuzzy', 'orphan']).toContain(result.status);
      if (result.status === 'fuzzy') {
        expect(result.start < newChangedTo && result.end > newChangedFrom).toBe(true);
        expect(selectors?.quote.exact).toBe(sliceCodePoints(newText, result.start, result.end));
      } else {
        expect(selectors).toBeNull();
      }
    },
  );

  it('matches the golden outcome', async () => {
    const rows = results.map(({ id, result }, index) => {
      const { position, quote } = annotations[index];
      const row: Record<string, unknown> = { id, quote: quote.exact, was: [position!.start, position!.end], status: result.status };
      if (result.status !== 'orphan') Object.assign(row, { now: [result.start, result.end], score: Number(result.score.toFixed(3)), text: sliceCodePoints(newText, result.start, result.end) });
      return row;
    });
    await expect(`${rows.map((row) => JSON.stringify(row)).join('\n')}\n`).toMatchFileSnapshot('./fixtures/001_16db67a9ee7a681a.reanchor.jsonl');
  });
});
