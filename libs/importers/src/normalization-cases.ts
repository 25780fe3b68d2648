// Inputs for the input policy: encodings and byte order marks, binary sniffing, line ends,
// Unicode normalization and the size and line limits, each with the exact outcome.
import { ErrorCode, MAX_DOCUMENT_BYTES, MAX_LINE_CODE_POINTS } from '@glossa/contracts';

type Outcome = { ok: true; text: string } | { ok: false; code: string };

export interface NormalizationCase {
  name: string;
  input: Uint8Array | string;
  expected: Outcome;
}

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf8 = (text: string) => new TextEncoder().encode(text);
function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[2 * i] = bigEndian ? unit >> 8 : unit & 0xff;
    out[2 * i + 1] = bigEndian ? unit & 0xff : unit >> 8;
  }
  return out;
}

const UTF8_BOM = bytes(0xef, 0xbb, 0xbf);
const UTF16LE_BOM = bytes(0xff, 0xfe);
const UTF16BE_BOM = bytes(0xfe, 0xff);
const PNG_SIGNATURE = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

const ok = (text: string): Outcome => ({ ok: true, text });
const fails = (code: string): Outcome => ({ ok: false, code });

export const NORMALIZATION_CASES: NormalizationCase[] = [
  { name: 'plain UTF-8 bytes', input: utf8('中文 text'), expected: ok('中文 text') },
  { name: 'UTF-8 BOM is stripped', input: concat(UTF8_BOM, utf8('標題')), expected: ok('標題') },
  { name: 'only the first BOM is stripped', input: concat(UTF8_BOM, utf8('\uFEFFa')), expected: ok('\uFEFFa') },
  { name: 'a leading U+FEFF in a string is stripped', input: '\uFEFFhello', expected: ok('hello') },
  { name: 'UTF-16LE with BOM is decoded', input: concat(UTF16LE_BOM, utf16('中文\r\n😀', false)), expected: ok('中文\n😀') },
  { name: 'UTF-16BE with BOM is decoded', input: concat(UTF16BE_BOM, utf16('漢字 ok', true)), expected: ok('漢字 ok') },
  { name: 'UTF-16 with an odd byte count', input: concat(UTF16LE_BOM, bytes(0x41, 0x00, 0x42)), expected: fails(ErrorCode.UnprocessableContent) },
  { name: 'UTF-16 with an unpaired surrogate', input: concat(UTF16LE_BOM, bytes(0x3d, 0xd8, 0x41, 0x00)), expected: fails(ErrorCode.UnprocessableContent) },
  { name: 'UTF-16 carrying NUL characters is binary', input: concat(UTF16LE_BOM, utf16('a\u0000b', false)), expected: fails(ErrorCode.UnsupportedMediaType) },
  { name: 'UTF-16 without a BOM reads as binary (NUL bytes)', input: utf16('plain', false), expected: fails(ErrorCode.UnsupportedMediaType) },
  { name: 'invalid UTF-8: lone continuation byte', input: concat(utf8('ab'), bytes(0x80), utf8('cd')), expected: fails(ErrorCode.UnprocessableContent) },
  { name: 'invalid UTF-8: truncated sequence', input: concat(utf8('ab'), bytes(0xe4, 0xb8)), expected: fails(ErrorCode.UnprocessableContent) },
  { name: 'invalid UTF-8: overlong encoding of "/"', input: bytes(0xc0, 0xaf), expected: fails(ErrorCode.UnprocessableContent) },
  { name: 'invalid UTF-8: encoded surrogate', input: bytes(0xed, 0xa0, 0x80), expected: fails(ErrorCode.UnprocessableContent) },
  { name: 'Latin-1 bytes are not UTF-8', input: bytes(0x63, 0x61, 0x66, 0xe9), expected: fails(ErrorCode.UnprocessableContent) },
  { name: 'NUL byte', input: concat(utf8('text'), bytes(0x00), utf8('more')), expected: fails(ErrorCode.UnsupportedMediaType) },
  { name: 'NUL character in a string', input: 'text\u0000more', expected: fails(ErrorCode.UnsupportedMediaType) },
  { name: 'PNG signature renamed .md', input: concat(PNG_SIGNATURE, bytes(0x00, 0x00, 0x00, 0x0d), utf8('IHDR')), expected: fails(ErrorCode.UnsupportedMediaType) },
  { name: 'PNG signature alone', input: PNG_SIGNATURE, expected: fails(ErrorCode.UnsupportedMediaType) },
  { name: 'ESC control character', input: utf8('a\u001b[31mred'), expected: fails(ErrorCode.UnsupportedMediaType) },
  { name: 'form feed is a C0 control too', input: 'page\fbreak', expected: fails(ErrorCode.UnsupportedMediaType) },
  { name: 'tab is kept', input: 'a\tb', expected: ok('a\tb') },
  { name: 'CRLF, lone CR and LF all become LF', input: utf8('a\r\nb\rc\nd\r\r\ne\n\r'), expected: ok('a\nb\nc\nd\n\ne\n\n') },
  { name: 'CRLF in a string', input: 'x\r\ny', expected: ok('x\ny') },
  { name: 'NFD becomes NFC', input: 'Cafe\u0301 re\u0301sume\u0301', expected: ok('Caf\u00e9 r\u00e9sum\u00e9') },
  { name: 'Hangul jamo compose to a syllable', input: utf8('\u1100\u1161'), expected: ok('\uac00') },
  { name: 'U+202E RIGHT-TO-LEFT OVERRIDE is kept as text', input: 'file\u202Etxt.exe', expected: ok('file\u202Etxt.exe') },
  { name: 'ZWJ emoji sequence is kept', input: utf8('👩\u200D💻 and 👨\u200D👩\u200D👧'), expected: ok('👩\u200D💻 and 👨\u200D👩\u200D👧') },
  { name: 'lone high surrogate in a string', input: 'bad \uD83D end', expected: fails(ErrorCode.UnprocessableContent) },
  { name: 'lone low surrogate in a string', input: '\uDE00', expected: fails(ErrorCode.UnprocessableContent) },
  { name: 'empty bytes are valid (emptiness is the use case\'s call)', input: bytes(), expected: ok('') },
];

/** Large inputs are built on demand so the table above stays cheap to import. */
export interface LimitCase {
  name: string;
  build: () => Uint8Array | string;
  expected: Outcome['ok'] | string;
}

/** Exactly MAX_DOCUMENT_BYTES of ASCII in lines of 1 KiB. */
function fullDocument(): string {
  const line = `${'a'.repeat(1023)}\n`;
  return line.repeat(MAX_DOCUMENT_BYTES / line.length);
}

export const LIMIT_CASES: LimitCase[] = [
  { name: 'exactly MAX_DOCUMENT_BYTES is accepted', build: fullDocument, expected: true },
  { name: 'one byte more is too large (bytes)', build: () => utf8(`${fullDocument()}b`), expected: ErrorCode.PayloadTooLarge },
  { name: 'one byte more is too large (string)', build: () => `${fullDocument()}b`, expected: ErrorCode.PayloadTooLarge },
  {
    name: 'a string is measured in UTF-8 bytes, not UTF-16 units',
    build: () => '中\n'.repeat(Math.ceil(MAX_DOCUMENT_BYTES / 4) + 1),
    expected: ErrorCode.PayloadTooLarge,
  },
  {
    // 2,000 lines of 1,000 Han characters: about 4 MB as UTF-16, 6 MB as UTF-8.
    name: 'UTF-16 that grows past the limit once re-encoded as UTF-8 is too large',
    build: () => concat(UTF16LE_BOM, utf16(`${'中'.repeat(1_000)}\n`.repeat(2_000), false)),
    expected: ErrorCode.PayloadTooLarge,
  },
  { name: 'a line of exactly MAX_LINE_CODE_POINTS is accepted', build: () => 'a'.repeat(MAX_LINE_CODE_POINTS), expected: true },
  { name: 'a line one code point longer is refused', build: () => `x\n${'a'.repeat(MAX_LINE_CODE_POINTS + 1)}\ny`, expected: ErrorCode.UnprocessableContent },
  {
    name: 'line length counts code points: MAX_LINE_CODE_POINTS astral characters are accepted',
    build: () => '😀'.repeat(MAX_LINE_CODE_POINTS),
    expected: true,
  },
];
