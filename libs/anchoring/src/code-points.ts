// Conversions between UTF-16 code units (JavaScript strings, ProseMirror positions)
// and Unicode code points (the unit every Glossa offset counts in).
//
// A code point is a valid surrogate pair (high U+D800–DBFF then low U+DC00–DFFF) or any
// other single code unit; a lone surrogate therefore counts as one code point, exactly
// as the string iterator (`[...s]`) counts it. Indices outside the string, non-integers,
// and UTF-16 indices that fall between the two halves of a pair are misuse: RangeError.

const REPLACEMENT_CHARACTER = '\uFFFD';

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** True when s[i] and s[i + 1] form one astral code point. */
export function startsSurrogatePair(s: string, i: number): boolean {
  return isHighSurrogate(s.charCodeAt(i)) && isLowSurrogate(s.charCodeAt(i + 1));
}

function assertIndex(value: number, max: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${what} ${value} is outside [0, ${max}]`);
  }
}

export function codePointLength(s: string): number {
  let length = s.length;
  for (let i = 0; i < s.length; i++) {
    if (startsSurrogatePair(s, i)) {
      length--;
      i++;
    }
  }
  return length;
}

/** UTF-16 index at which code point `cp` starts; `cp === codePointLength(s)` gives `s.length`. */
export function codePointToUtf16(s: string, cp: number): number {
  if (!Number.isInteger(cp) || cp < 0) throw new RangeError(`code point index ${cp} is not a non-negative integer`);
  let unit = 0;
  for (let seen = 0; seen < cp; seen++) {
    if (unit >= s.length) throw new RangeError(`code point index ${cp} is past the end of a ${seen}-code-point string`);
    unit += startsSurrogatePair(s, unit) ? 2 : 1;
  }
  return unit;
}

/** Number of code points before UTF-16 index `u`; throws when `u` splits a surrogate pair. */
export function utf16ToCodePoint(s: string, u: number): number {
  assertIndex(u, s.length, 'UTF-16 index');
  let cp = 0;
  let unit = 0;
  while (unit < u) {
    const step = startsSurrogatePair(s, unit) ? 2 : 1;
    if (unit + step > u) throw new RangeError(`UTF-16 index ${u} splits a surrogate pair`);
    unit += step;
    cp++;
  }
  return cp;
}

/** Code points [start, end) of s; unlike String#slice, no clamping and no negative indices. */
export function sliceCodePoints(s: string, start: number, end: number): string {
  if (!Number.isInteger(end) || end < start) throw new RangeError(`code point range [${start}, ${end}) is reversed or not integral`);
  return s.slice(codePointToUtf16(s, start), codePointToUtf16(s, end));
}

/**
 * s with every lone surrogate replaced by U+FFFD. The replacement is one code unit and one
 * code point, so lengths and positions are unchanged, and strings stay well formed when
 * concatenated (a lone high surrogate from one text node can never pair with a lone low
 * surrogate from the next) or sent as UTF-8.
 */
export function wellFormed(s: string): string {
  let out: string[] | null = null;
  let copied = 0;
  for (let i = 0; i < s.length; i++) {
    if (startsSurrogatePair(s, i)) {
      i++;
      continue;
    }
    const unit = s.charCodeAt(i);
    if (isHighSurrogate(unit) || isLowSurrogate(unit)) {
      out ??= [];
      out.push(s.slice(copied, i), REPLACEMENT_CHARACTER);
      copied = i + 1;
    }
  }
  if (out === null) return s;
  out.push(s.slice(copied));
  return out.join('');
}
