// Lengths of user text in the units the server's limits use: UTF-8 bytes and code points.
// Shared by every form that checks a limit before sending.

/**
 * UTF-8 length of a JS string without allocating an encoded copy (pastes can be
 * megabytes). Lone surrogates count 3 bytes, as TextEncoder writes U+FFFD for them.
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Number of Unicode code points, the unit titles and offsets are counted in. */
export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
