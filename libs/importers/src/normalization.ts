// The input policy: turns uploaded bytes or a pasted string into clean NFC text with LF
// line ends, or refuses it with a failure value before any parser sees it.
//
// Policy, in the order it is applied:
//  1. Size: more than MAX_DOCUMENT_BYTES of input (UTF-8 bytes for a string, raw bytes for an
//     upload) is `payload_too_large`. A UTF-16 upload is checked again once decoded, in UTF-8
//     bytes, because CJK text grows by half when re-encoded.
//  2. Byte order mark: a UTF-8 BOM is stripped. A UTF-16 BOM (FF FE or FE FF) means UTF-16 and
//     the bytes are decoded as such (fatal: an odd length or an unpaired surrogate is
//     `unprocessable_content`). UTF-16 without a BOM is not guessed: its ASCII halves are NUL
//     bytes, so rule 3 refuses it as binary.
//  3. Binary: a NUL or any other C0 control except TAB, LF and CR is `unsupported_media_type`
//     (a PNG renamed .md, a PDF, a zip). For UTF-8 this is checked on the raw bytes first, so a
//     binary file is reported as binary rather than as broken UTF-8.
//  4. Encoding: bytes are decoded as UTF-8 with a fatal decoder; invalid UTF-8 is
//     `unprocessable_content`. A string containing a lone surrogate (possible in JS, never in
//     UTF-8) is `unprocessable_content` too. A leading U+FEFF in a string is stripped like a BOM.
//  5. Line ends: CRLF and lone CR become LF.
//  6. Unicode: the text is normalized to NFC, so the same words always give the same code points
//     and the same anchors. Format and bidi controls (U+200D ZWJ, U+202E RLO) are kept as text.
//  7. Lines: a line longer than MAX_LINE_CODE_POINTS code points is `unprocessable_content`.
import { Buffer } from 'node:buffer';
import { ErrorCode, MAX_DOCUMENT_BYTES, MAX_LINE_CODE_POINTS } from '@glossa/contracts';
import { importFailure, type ImportFailure } from './failure';

export type NormalizeResult = { ok: true; text: string } | ImportFailure;

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
const UTF16LE_BOM = [0xff, 0xfe] as const;
const UTF16BE_BOM = [0xfe, 0xff] as const;
const STRING_BOM = '\uFEFF';

const UTF8 = 'utf-8';
const UTF16LE = 'utf-16le';
const UTF16BE = 'utf-16be';

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
/** First code point that is not a C0 control. */
const FIRST_PRINTABLE = 0x20;

/** C0 controls other than TAB, LF and CR: the signature of binary content. */
const BINARY_CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F]/;
/** In a `u` regex a surrogate class only matches surrogates that are not part of a pair. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const CRLF_OR_CR = /\r\n?/g;
const NFC = 'NFC';

const TOO_LARGE = `content is larger than ${MAX_DOCUMENT_BYTES} bytes`;
const BINARY = 'content looks like binary data (it contains NUL or control bytes), not text';
const INVALID_UTF8 = 'content is not valid UTF-8';
const INVALID_UTF16 = 'content starts with a UTF-16 byte order mark but is not valid UTF-16';
const LONE_SURROGATE_MESSAGE = 'content contains an unpaired UTF-16 surrogate';
const LINE_TOO_LONG = `content has a line longer than ${MAX_LINE_CODE_POINTS} characters`;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

function hasBinaryControlByte(bytes: Uint8Array): boolean {
  // UTF-8 multi-byte sequences only use bytes >= 0x80, so any byte below 0x20 is a real control.
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte < FIRST_PRINTABLE && byte !== TAB && byte !== LF && byte !== CR) return true;
  }
  return false;
}

function decode(bytes: Uint8Array, encoding: string): string | null {
  try {
    // ignoreBOM keeps the decoder from eating a second U+FEFF: the BOM was already removed.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Decodes an upload, or says why it cannot be text. */
function decodeBytes(bytes: Uint8Array): NormalizeResult {
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) return importFailure(ErrorCode.PayloadTooLarge, TOO_LARGE);
  const utf16 = startsWith(bytes, UTF16LE_BOM) ? UTF16LE : startsWith(bytes, UTF16BE_BOM) ? UTF16BE : null;
  if (utf16 !== null) {
    const text = decode(bytes.subarray(UTF16LE_BOM.length), utf16);
    if (text === null) return importFailure(ErrorCode.UnprocessableContent, INVALID_UTF16);
    if (Buffer.byteLength(text, UTF8) > MAX_DOCUMENT_BYTES) return importFailure(ErrorCode.PayloadTooLarge, TOO_LARGE);
    if (BINARY_CONTROL.test(text)) return importFailure(ErrorCode.UnsupportedMediaType, BINARY);
    return { ok: true, text };
  }
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  if (hasBinaryControlByte(body)) return importFailure(ErrorCode.UnsupportedMediaType, BINARY);
  const text = decode(body, UTF8);
  if (text === null) return importFailure(ErrorCode.UnprocessableContent, INVALID_UTF8);
  return { ok: true, text };
}

/** Checks a string that arrived already decoded (a pasted body). */
function checkString(input: string): NormalizeResult {
  if (Buffer.byteLength(input, UTF8) > MAX_DOCUMENT_BYTES) return importFailure(ErrorCode.PayloadTooLarge, TOO_LARGE);
  const text = input.startsWith(STRING_BOM) ? input.slice(STRING_BOM.length) : input;
  if (LONE_SURROGATE.test(text)) return importFailure(ErrorCode.UnprocessableContent, LONE_SURROGATE_MESSAGE);
  if (BINARY_CONTROL.test(text)) return importFailure(ErrorCode.UnsupportedMediaType, BINARY);
  return { ok: true, text };
}

function hasOverlongLine(text: string): boolean {
  for (const line of text.split('\n')) {
    // A line has at most as many code points as UTF-16 units, so most lines need no count.
    if (line.length <= MAX_LINE_CODE_POINTS) continue;
    let codePoints = 0;
    for (const _ of line) {
      if (++codePoints > MAX_LINE_CODE_POINTS) return true;
    }
  }
  return false;
}

/** Applies the input policy above; failures are values, never throws. */
export function normalizeInput(input: Uint8Array | string): NormalizeResult {
  const decoded = typeof input === 'string' ? checkString(input) : decodeBytes(input);
  if (!decoded.ok) return decoded;
  const text = decoded.text.replace(CRLF_OR_CR, '\n').normalize(NFC);
  if (hasOverlongLine(text)) return importFailure(ErrorCode.UnprocessableContent, LINE_TOO_LONG);
  return { ok: true, text };
}
