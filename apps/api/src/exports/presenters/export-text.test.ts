// Unit tests of the export text presenters: formula neutralization, Markdown escaping, download names.
import { describe, expect, it } from 'vitest';
import { exportDisposition } from './download-name';
import { CELL_CASES, DISPOSITION_CASES, MARKDOWN_CASES } from './export-text-cases';
import { mdBlock, mdCell, mdInline, mdStrong } from './markdown-text';
import { passageOf } from './passage';
import { neutralizeCell } from './spreadsheet-cell';

describe('neutralizeCell', () => {
  it.each(CELL_CASES)('%j → %j', (input, expected) => {
    expect(neutralizeCell(input)).toBe(expected);
  });
});

describe('Markdown escaping', () => {
  it.each(MARKDOWN_CASES)('%j renders as text', (input, forbidden) => {
    for (const out of [mdInline(input), mdBlock(input), mdBlock(input, ''), mdCell(input)]) expect(out).not.toMatch(forbidden);
  });

  it('keeps Chinese text and ordinary punctuation readable', () => {
    expect(mdInline('亞太地區貢獻了全球六成以上的經濟總量。')).toBe('亞太地區貢獻了全球六成以上的經濟總量。');
    expect(mdInline('It grew 3.5% (est.)')).toBe('It grew 3.5% (est.)');
  });

  it('emphasis keeps the quote\u2019s own spaces outside the markers', () => {
    expect(mdStrong(' ended early ')).toBe(' **ended early** ');
    expect(mdStrong('a*b')).toBe('**a\\*b**');
    expect(mdInline('The meeting ')).toBe('The meeting ');
  });

  it('a table cell never holds a raw pipe or a line break', () => {
    expect(mdCell('a | b\nc')).toBe('a \\| b<br>c');
  });
});

describe('passageOf', () => {
  it('cuts the context at the paragraph break and to 24 code points', () => {
    const p = passageOf({ exact: '𠮷', prefix: `first paragraph\n${'前'.repeat(30)}`, suffix: `${'後'.repeat(30)}\nnext` });
    expect(p.before).toBe('前'.repeat(24));
    expect(p.after).toBe('後'.repeat(24));
    expect(p.cutBefore && p.cutAfter).toBe(true);
    expect(passageOf({ exact: 'x', prefix: 'a\n', suffix: '\nb' })).toEqual({ before: '', exact: 'x', after: '', cutBefore: false, cutAfter: false });
    expect(passageOf({ exact: 'ended early', prefix: 'The meeting ', suffix: '. Left.' })).toMatchObject({ before: 'The meeting ', cutBefore: false, cutAfter: false });
  });
});

describe('exportDisposition', () => {
  it.each(DISPOSITION_CASES)('%j', (title, expected) => {
    const header = exportDisposition(title, 'annotations', 'csv');
    expect(header.startsWith('attachment; ')).toBe(true);
    expect(header).not.toMatch(/[\r\n\u0000-\u001f]/);
    expect(header).toContain(expected);
  });
});
