// Markdown inputs and the exact document JSON each must produce: structure, marks, links that
// must survive and links, raw HTML and images that must not.
import { j } from './invariant-cases';

export interface MarkdownCase {
  name: string;
  markdown: string;
  expected: unknown;
}

export const MARKDOWN_CASES: MarkdownCase[] = [
  {
    name: 'ATX headings of three levels',
    markdown: '# One\n\n## Two\n\n### Three',
    expected: j.doc(j.h(1, j.t('One')), j.h(2, j.t('Two')), j.h(3, j.t('Three'))),
  },
  {
    name: 'setext heading',
    markdown: 'Title\n=====\n\nbody',
    expected: j.doc(j.h(1, j.t('Title')), j.p(j.t('body'))),
  },
  {
    name: 'heading with bold inside (as in seed 004)',
    markdown: '## **(七) 应对全球性挑战**',
    expected: j.doc(j.h(2, j.t('(七) 应对全球性挑战', j.strong))),
  },
  {
    name: 'bullet list, tight',
    markdown: '- a\n- b',
    expected: j.doc(j.ul(j.li(j.p(j.t('a'))), j.li(j.p(j.t('b'))))),
  },
  {
    name: 'ordered list keeps its start number',
    markdown: '3. c\n4. d',
    expected: j.doc(j.ol(3, j.li(j.p(j.t('c'))), j.li(j.p(j.t('d'))))),
  },
  {
    name: 'ordered list starting at 1',
    markdown: '1. a',
    expected: j.doc(j.ol(1, j.li(j.p(j.t('a'))))),
  },
  {
    name: 'nested list',
    markdown: '- a\n  - b',
    expected: j.doc(j.ul(j.li(j.p(j.t('a')), j.ul(j.li(j.p(j.t('b'))))))),
  },
  {
    name: 'bold, italic and inline code',
    markdown: '**b** *i* _u_ `c`',
    expected: j.doc(j.p(j.t('b', j.strong), j.t(' '), j.t('i', j.em), j.t(' '), j.t('u', j.em), j.t(' '), j.t('c', j.codeMark))),
  },
  {
    name: 'link with title',
    markdown: '[site](https://example.com/a?b=1 "T")',
    expected: j.doc(j.p(j.t('site', j.link('https://example.com/a?b=1', 'T')))),
  },
  {
    name: 'mailto and root-relative links are kept',
    markdown: '[m](mailto:a@example.com) [r](/docs/1)',
    expected: j.doc(j.p(j.t('m', j.link('mailto:a@example.com')), j.t(' '), j.t('r', j.link('/docs/1')))),
  },
  {
    name: 'autolink',
    markdown: '<https://example.com>',
    expected: j.doc(j.p(j.t('https://example.com', j.link('https://example.com')))),
  },
  {
    name: 'bold link',
    markdown: '**[x](https://example.com)**',
    expected: j.doc(j.p(j.t('x', j.link('https://example.com'), j.strong))),
  },
  {
    name: 'javascript: link stays literal text',
    markdown: '[x](javascript:alert(1))',
    expected: j.doc(j.p(j.t('[x](javascript:alert(1))'))),
  },
  {
    name: 'mixed-case JaVaScRiPt: link stays literal text',
    markdown: '[x](JaVaScRiPt:alert(1))',
    expected: j.doc(j.p(j.t('[x](JaVaScRiPt:alert(1))'))),
  },
  {
    name: 'javascript: reference definition is not a definition',
    markdown: '[a]: javascript:alert(1)\n\n[x][a] and [a]',
    expected: j.doc(j.p(j.t('[a]: javascript:alert(1)')), j.p(j.t('[x][a] and [a]'))),
  },
  {
    name: 'data: link stays literal text',
    markdown: '[x](data:text/html;base64,PHNjcmlwdD4=)',
    expected: j.doc(j.p(j.t('[x](data:text/html;base64,PHNjcmlwdD4=)'))),
  },
  {
    name: 'a scheme the schema refuses keeps only the words',
    markdown: '[file](ftp://example.com/f) [page](page.html) [proto](//evil.example)',
    expected: j.doc(j.p(j.t('file page proto'))),
  },
  {
    name: 'raw <script> is literal text',
    markdown: '<script>alert(1)</script>',
    expected: j.doc(j.p(j.t('<script>alert(1)</script>'))),
  },
  {
    name: 'inline HTML with an event handler is literal text',
    markdown: 'a <img src=x onerror=alert(1)> b',
    expected: j.doc(j.p(j.t('a <img src=x onerror=alert(1)> b'))),
  },
  {
    name: 'empty image tags are dropped with their paragraph',
    markdown: 'before\n\n![]()\n\nafter',
    expected: j.doc(j.p(j.t('before')), j.p(j.t('after'))),
  },
  {
    name: 'an image inside text is dropped, the text stays',
    markdown: 'see ![alt](pic.png) here',
    expected: j.doc(j.p(j.t('see  here'))),
  },
  {
    name: 'fenced code keeps its text verbatim',
    markdown: '```js\nconst a = "<b>";\n**not bold**\n```',
    expected: j.doc(j.code('const a = "<b>";\n**not bold**')),
  },
  {
    name: 'indented code',
    markdown: '    x = 1',
    expected: j.doc(j.code('x = 1')),
  },
  {
    name: 'horizontal rule',
    markdown: 'a\n\n---\n\nb',
    expected: j.doc(j.p(j.t('a')), j.hr(), j.p(j.t('b'))),
  },
  {
    name: 'blockquote',
    markdown: '> quoted *text*',
    expected: j.doc(j.quote(j.p(j.t('quoted '), j.t('text', j.em)))),
  },
  {
    name: 'hard break from two trailing spaces',
    markdown: 'line one  \nline two',
    expected: j.doc(j.p(j.t('line one'), j.br(), j.t('line two'))),
  },
  {
    name: 'soft break between Latin words is a space',
    markdown: 'one\ntwo',
    expected: j.doc(j.p(j.t('one two'))),
  },
  {
    name: 'soft break between Han characters is no space',
    markdown: '第一行\n第二行',
    expected: j.doc(j.p(j.t('第一行第二行'))),
  },
  {
    name: 'table cells become paragraphs in reading order',
    markdown: '| a | b |\n|---|---|\n| 1 | 2 |',
    expected: j.doc(j.p(j.t('a')), j.p(j.t('b')), j.p(j.t('1')), j.p(j.t('2'))),
  },
  {
    name: 'strikethrough keeps the words without a mark',
    markdown: '~~gone~~ kept',
    expected: j.doc(j.p(j.t('gone kept'))),
  },
  {
    name: 'footnote marker stays literal',
    markdown: '要求”^[1]。',
    expected: j.doc(j.p(j.t('要求”^[1]。'))),
  },
  {
    name: 'entities are decoded once',
    markdown: 'a &amp; b &lt;i&gt;',
    expected: j.doc(j.p(j.t('a & b <i>'))),
  },
  {
    name: 'empty input is one empty paragraph',
    markdown: '',
    expected: j.doc(j.p()),
  },
];

export interface DeepMarkdownCase {
  name: string;
  markdown: string;
  /** Words that must survive however deep they were nested. */
  keeps: string;
}

const DEEP = 50_000;

export const DEEP_MARKDOWN_CASES: DeepMarkdownCase[] = [
  { name: `${DEEP} nested > on one line`, markdown: `${'>'.repeat(DEEP)} deep words`, keeps: 'deep words' },
  { name: `${DEEP} nested "> " on one line`, markdown: `${'> '.repeat(DEEP)}spaced words`, keeps: 'spaced words' },
  { name: `${DEEP} nested list markers`, markdown: `${'- '.repeat(DEEP)}listed words`, keeps: 'listed words' },
  { name: '40 nested quotes (beyond the depth budget)', markdown: `${'> '.repeat(40)}forty`, keeps: 'forty' },
  {
    name: 'a staircase of 2,000 ever deeper quote lines',
    markdown: Array.from({ length: 2_000 }, (_, i) => `${'>'.repeat(i + 1)} step${i}`).join('\n'),
    keeps: 'step1999',
  },
];
