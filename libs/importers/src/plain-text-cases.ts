// Plain text inputs and their documents: one paragraph per non-blank line, every character
// kept as typed, no Markdown or HTML read into it.
import { j } from './invariant-cases';

export interface PlainTextCase {
  name: string;
  text: string;
  expected: unknown;
}

export const PLAIN_TEXT_CASES: PlainTextCase[] = [
  { name: 'each line is a paragraph', text: '第一行\n第二行', expected: j.doc(j.p(j.t('第一行')), j.p(j.t('第二行'))) },
  { name: 'blank and whitespace-only lines are skipped', text: '\n\na\n \t\n\u3000\nb\n', expected: j.doc(j.p(j.t('a')), j.p(j.t('b'))) },
  { name: 'markup is not interpreted', text: '# not a heading\n**not bold** <b>x</b> [l](javascript:x)', expected: j.doc(j.p(j.t('# not a heading')), j.p(j.t('**not bold** <b>x</b> [l](javascript:x)'))) },
  { name: 'indentation and inner spacing are kept', text: '  indented  twice', expected: j.doc(j.p(j.t('  indented  twice'))) },
  { name: 'CR and CRLF also end lines', text: 'a\r\nb\rc', expected: j.doc(j.p(j.t('a')), j.p(j.t('b')), j.p(j.t('c'))) },
  { name: 'empty text is one empty paragraph', text: '', expected: j.doc(j.p()) },
];
