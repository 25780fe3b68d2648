// End-to-end inputs for importDocument: each format as text and as bytes, and the failures
// the input policy and the format check must turn into values.
import { ErrorCode, type DocumentFormat, type DocumentLanguage } from '@glossa/contracts';

export interface ImportSuccessCase {
  name: string;
  format: DocumentFormat;
  content: string | Uint8Array;
  language: DocumentLanguage;
  text: string;
  empty: boolean;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

export const IMPORT_SUCCESS_CASES: ImportSuccessCase[] = [
  { name: 'text', format: 'text', content: '亞太經合組織\r\n第一次高官會開幕式在廣州舉行', language: 'zh-Hant', text: '亞太經合組織\n第一次高官會開幕式在廣州舉行', empty: false },
  { name: 'markdown bytes with a BOM', format: 'markdown', content: Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('# 标题\n\n中国主办亚太经合组织会议')]), language: 'zh-Hans', text: '标题\n中国主办亚太经合组织会议', empty: false },
  {
    name: 'HTML: language comes from the text, not the Latin tag names',
    format: 'html',
    content: '<div class="article-content"><section data-role="main"><p style="font-family: Arial">中國主辦亞太經合組織會議</p></section></div>',
    language: 'zh-Hant',
    text: '中國主辦亞太經合組織會議',
    empty: false,
  },
  { name: 'English HTML', format: 'html', content: '<p>Senior officials met in <b>Guangzhou</b> to open the year.</p>', language: 'en', text: 'Senior officials met in Guangzhou to open the year.', empty: false },
  { name: 'markdown with nothing but an image is an empty document', format: 'markdown', content: '![]()', language: 'und', text: '', empty: true },
  { name: 'HTML with only a script is an empty document', format: 'html', content: '<script>alert(1)</script>', language: 'und', text: '', empty: true },
];

export interface ImportFailureCase {
  name: string;
  format: string;
  content: string | Uint8Array;
  code: string;
  field: 'content' | 'format';
}

export const IMPORT_FAILURE_CASES: ImportFailureCase[] = [
  { name: 'binary bytes', format: 'markdown', content: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), code: ErrorCode.UnsupportedMediaType, field: 'content' },
  { name: 'invalid UTF-8', format: 'text', content: Uint8Array.from([0x61, 0xff, 0x62]), code: ErrorCode.UnprocessableContent, field: 'content' },
  { name: 'lone surrogate in a string', format: 'html', content: '<p>\uD800</p>', code: ErrorCode.UnprocessableContent, field: 'content' },
  { name: 'unknown format', format: 'docx', content: 'x', code: ErrorCode.UnsupportedMediaType, field: 'format' },
];
