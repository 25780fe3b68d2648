// HTML inputs from the sanitizer checklist and from ordinary pages, with the exact document JSON
// each must produce and strings that must appear nowhere in it.
import { j } from './invariant-cases';

export interface HtmlCase {
  name: string;
  html: string;
  expected: unknown;
  /** Fragments of the attack that must not survive anywhere in the JSON. */
  absent?: string[];
}

export const HTML_ATTACK_CASES: HtmlCase[] = [
  {
    name: '<script> is removed with its content',
    html: '<p>a</p><script>alert(1)</script><p>b</p>',
    expected: j.doc(j.p(j.t('a')), j.p(j.t('b'))),
    absent: ['alert', 'script'],
  },
  {
    name: '<iframe> is removed with its content',
    html: '<iframe src="https://evil.example"><p>inner</p></iframe>after',
    expected: j.doc(j.p(j.t('after'))),
    absent: ['evil', 'inner', 'iframe'],
  },
  {
    name: '<object> and <embed> are removed with their content',
    html: '<object data="x.swf"><param name="a" value="b">fallback</object><embed src="y.swf">after',
    expected: j.doc(j.p(j.t('after'))),
    absent: ['swf', 'fallback', 'param'],
  },
  {
    name: '<form> is removed with its controls and text',
    html: '<form action="https://evil.example"><input value="v"><button>Go</button>in form</form>after',
    expected: j.doc(j.p(j.t('after'))),
    absent: ['evil', 'Go', 'in form'],
  },
  {
    name: '<meta http-equiv=refresh> is removed',
    html: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><p>a</p>',
    expected: j.doc(j.p(j.t('a'))),
    absent: ['refresh', 'javascript', 'alert'],
  },
  {
    name: '<base href> is removed and does not rebase links',
    html: '<base href="javascript:alert(1)//"><a href="/x">rel</a>',
    expected: j.doc(j.p(j.t('rel', j.link('/x')))),
    absent: ['javascript', 'alert'],
  },
  {
    name: '<style>@import is removed with its content',
    html: '<style>@import "https://evil.example/x.css"; p { color: red }</style><p>styled</p>',
    expected: j.doc(j.p(j.t('styled'))),
    absent: ['import', 'evil', 'color'],
  },
  {
    name: 'style= attributes with URLs are dropped',
    html: '<p style="background:url(javascript:alert(1))">s</p><span style="background-image:url(https://evil.example/t.png)">t</span>',
    expected: j.doc(j.p(j.t('s')), j.p(j.t('t'))),
    absent: ['url(', 'background', 'evil'],
  },
  {
    name: 'onerror= and other event handlers are dropped with the <img>',
    html: '<img src="x" onerror="alert(1)"><p onclick="alert(2)">c</p>',
    expected: j.doc(j.p(j.t('c'))),
    absent: ['onerror', 'onclick', 'alert', 'img'],
  },
  {
    name: 'href=" javascript:…" (leading space) loses the link, keeps the words',
    html: '<a href=" javascript:alert(1)">j</a>',
    expected: j.doc(j.p(j.t('j'))),
    absent: ['javascript', 'alert', 'link'],
  },
  {
    name: 'javascript: hidden by a tab entity and by case loses the link',
    html: '<a href="jav&#x09;ascript:alert(1)">k</a> <a href="JaVaScRiPt:alert(1)">l</a>',
    expected: j.doc(j.p(j.t('k l'))),
    absent: ['ascript', 'alert', 'link'],
  },
  {
    name: 'data:, vbscript: and protocol-relative links lose the link',
    html: '<a href="data:text/html,x">d</a> <a href="vbscript:x">v</a> <a href="//evil.example">p</a>',
    expected: j.doc(j.p(j.t('d v p'))),
    absent: ['data:', 'vbscript', 'evil', 'link'],
  },
  {
    name: '<ol start="1 onmouseover=…"> keeps a plain order of 1',
    html: '<ol start="1 onmouseover=alert(1)"><li>a</li></ol>',
    expected: j.doc(j.ol(1, j.li(j.p(j.t('a'))))),
    absent: ['onmouseover', 'alert'],
  },
  {
    name: '<noscript><p title="</noscript><img onerror>"> leaves no image and no handler',
    html: '<noscript><p title="</noscript><img src=x onerror=alert(1)>">t</noscript>after',
    expected: j.doc(j.p(j.t('after'))),
    absent: ['onerror', 'alert', 'img', 'noscript'],
  },
  {
    name: 'SVG with script is removed',
    html: '<svg onload="alert(1)"><script>alert(2)</script><text>svg text</text></svg>after',
    expected: j.doc(j.p(j.t('after'))),
    absent: ['alert', 'svg', 'onload'],
  },
  {
    name: 'comments and CDATA leave nothing behind',
    html: '<!-- <script>alert(1)</script> --><p>a</p>',
    expected: j.doc(j.p(j.t('a'))),
    absent: ['alert', 'script'],
  },
  {
    name: 'escaped markup stays literal text',
    html: '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    expected: j.doc(j.p(j.t('<script>alert(1)</script>'))),
  },
];

export const HTML_STRUCTURE_CASES: HtmlCase[] = [
  {
    name: 'headings, paragraphs and marks',
    html: '<h1>Title</h1><p>a <b>bold</b> <i>it</i> <em>em</em> <strong>st</strong> <code>c</code></p>',
    expected: j.doc(
      j.h(1, j.t('Title')),
      j.p(j.t('a '), j.t('bold', j.strong), j.t(' '), j.t('it', j.em), j.t(' '), j.t('em', j.em), j.t(' '), j.t('st', j.strong), j.t(' '), j.t('c', j.codeMark)),
    ),
  },
  {
    name: 'link with title',
    html: '<a href="https://example.com/?a=1&amp;b=2" title="T">x</a>',
    expected: j.doc(j.p(j.t('x', j.link('https://example.com/?a=1&b=2', 'T')))),
  },
  {
    name: 'whitespace collapses as in a browser',
    html: '<p>\n   one \t two\n\n three   </p>',
    expected: j.doc(j.p(j.t('one two three'))),
  },
  {
    name: 'no-break and ideographic spaces survive',
    html: '<p>a&nbsp;&nbsp;b\u3000c</p>',
    expected: j.doc(j.p(j.t('a\u00a0\u00a0b\u3000c'))),
  },
  {
    name: 'whitespace across inline elements collapses to one space',
    html: '<p>a <b> b </b> c</p>',
    expected: j.doc(j.p(j.t('a '), j.t('b ', j.strong), j.t('c'))),
  },
  {
    name: 'text outside any block is wrapped in a paragraph',
    html: 'loose <em>text</em><p>p</p>tail',
    expected: j.doc(j.p(j.t('loose '), j.t('text', j.em)), j.p(j.t('p')), j.p(j.t('tail'))),
  },
  {
    name: 'unknown wrappers unwrap but still separate blocks',
    html: '<div><section>a</section><article>b</article><span>c</span><font>d</font></div>',
    expected: j.doc(j.p(j.t('a')), j.p(j.t('b')), j.p(j.t('cd'))),
  },
  {
    name: 'table cells become paragraphs',
    html: '<table><tr><th>h</th><td>c1</td></tr><tr><td>c2</td></tr></table>',
    expected: j.doc(j.p(j.t('h')), j.p(j.t('c1')), j.p(j.t('c2'))),
  },
  {
    name: '<br> is a hard break; a trailing one is dropped',
    html: '<p>one<br>two<br></p>',
    expected: j.doc(j.p(j.t('one'), j.br(), j.t('two'))),
  },
  {
    name: 'lists, nested, with an ordered start',
    html: '<ul><li>a<ul><li>b</li></ul></li></ul><ol start="4"><li><p>d</p></li></ol>',
    expected: j.doc(j.ul(j.li(j.p(j.t('a')), j.ul(j.li(j.p(j.t('b')))))), j.ol(4, j.li(j.p(j.t('d'))))),
  },
  {
    name: 'content directly in a list gets an item of its own',
    html: '<ul>loose<li>item</li></ul>',
    expected: j.doc(j.ul(j.li(j.p(j.t('loose'))), j.li(j.p(j.t('item'))))),
  },
  {
    name: '<li> outside a list is a plain block',
    html: '<li>stray</li><p>p</p>',
    expected: j.doc(j.p(j.t('stray')), j.p(j.t('p'))),
  },
  {
    name: 'a list item starting with a quote gets an empty first paragraph',
    html: '<ul><li><blockquote>q</blockquote></li></ul>',
    expected: j.doc(j.ul(j.li(j.p(), j.quote(j.p(j.t('q')))))),
  },
  {
    name: '<pre> keeps whitespace and drops markup and the first newline',
    html: '<pre>\n  code <b>x</b>\n  y</pre>',
    expected: j.doc(j.code('  code x\n  y')),
  },
  {
    name: 'blockquote and horizontal rule',
    html: '<blockquote><p>q</p></blockquote><hr><p>after</p>',
    expected: j.doc(j.quote(j.p(j.t('q'))), j.hr(), j.p(j.t('after'))),
  },
  {
    name: 'empty elements produce nothing; an empty page is one empty paragraph',
    html: '<p> </p><div></div><blockquote></blockquote><ul></ul>',
    expected: j.doc(j.p()),
  },
  {
    name: 'a whole page: head is dropped, body kept',
    html: '<!DOCTYPE html><html><head><title>T</title><meta charset="utf-8"></head><body><p>中文</p></body></html>',
    expected: j.doc(j.p(j.t('中文'))),
    absent: ['"T"'],
  },
];

export interface DeepHtmlCase {
  name: string;
  html: string;
  keeps: string;
}

const DEEP = 10_000;

export const DEEP_HTML_CASES: DeepHtmlCase[] = [
  { name: `${DEEP} nested <div>`, html: `${'<div>'.repeat(DEEP)}deep${'</div>'.repeat(DEEP)}`, keeps: 'deep' },
  { name: `${DEEP} nested <blockquote>`, html: `${'<blockquote>'.repeat(DEEP)}quoted${'</blockquote>'.repeat(DEEP)}`, keeps: 'quoted' },
  { name: `${DEEP} nested <ul><li>`, html: `${'<ul><li>'.repeat(DEEP)}listed${'</li></ul>'.repeat(DEEP)}`, keeps: 'listed' },
  { name: `${DEEP} unclosed <b><i>`, html: `${'<b><i>'.repeat(DEEP)}marked`, keeps: 'marked' },
];
