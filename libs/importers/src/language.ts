// Language detection for a document's text: Chinese script (Traditional vs Simplified) by how
// much OpenCC's conversions change it, English when Latin letters dominate, else `und`.
import { createRequire } from 'node:module';
import type { DocumentLanguage } from '@glossa/contracts';

/**
 * opencc-js declares `"type": "module"` and its typings are ESM, but its `require` export is a
 * real CommonJS (UMD) build. Requiring it keeps detection synchronous; the type still comes
 * from the package's own declarations.
 */
type OpenCCModule = typeof import('opencc-js', { with: { 'resolution-mode': 'import' } });
const OpenCC = createRequire(__filename)('opencc-js') as OpenCCModule;

const TRADITIONAL: DocumentLanguage = 'zh-Hant';
const SIMPLIFIED: DocumentLanguage = 'zh-Hans';
const ENGLISH: DocumentLanguage = 'en';
const UNDETERMINED: DocumentLanguage = 'und';

/**
 * One Han character carries about as much as three Latin letters (a translated title is typically
 * three to five times longer in English letters), so Han counts triple when scripts compete:
 * a Chinese report with an English title block is still Chinese.
 */
const LATIN_LETTERS_PER_HAN = 3;
/** Fewer letters than this say nothing reliable about a language. */
const MIN_LETTERS = 10;
/**
 * The opening of a long document is enough, and keeps a 5 MB import cheap. Counted in UTF-16
 * units: a surrogate pair cut at the end costs one uncounted character, nothing more.
 */
const SAMPLE_UNITS = 100_000;

const HAN = /\p{Script=Han}/gu;
const LATIN = /\p{Script=Latin}/gu;
const LETTER = /\p{L}/gu;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
/** Chinese never uses kana; this much of it means Japanese, which has no tag here. */
const JAPANESE_KANA_SHARE = 0.05;

type Convert = (text: string) => string;
let converters: { toSimplified: Convert; toTraditional: Convert } | undefined;

function getConverters(): { toSimplified: Convert; toTraditional: Convert } {
  // Building the dictionaries takes tens of milliseconds: do it once, on first use.
  converters ??= {
    toSimplified: OpenCC.Converter({ from: 't', to: 'cn' }),
    toTraditional: OpenCC.Converter({ from: 'cn', to: 't' }),
  };
  return converters;
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/**
 * A character that t2s changes exists only in Traditional writing; one that s2t changes only in
 * Simplified. Each distinct character is converted on its own so that phrase rules cannot
 * shift positions, and weighted by how often it occurs.
 */
function chineseScript(sample: string): DocumentLanguage {
  const frequency = new Map<string, number>();
  for (const han of sample.match(HAN) ?? []) frequency.set(han, (frequency.get(han) ?? 0) + 1);
  const { toSimplified, toTraditional } = getConverters();
  let traditional = 0;
  let simplified = 0;
  for (const [han, times] of frequency) {
    if (toSimplified(han) !== han) traditional += times;
    if (toTraditional(han) !== han) simplified += times;
  }
  if (traditional > simplified) return TRADITIONAL;
  if (simplified > traditional) return SIMPLIFIED;
  return UNDETERMINED; // only characters both scripts share: nothing to tell them apart
}

/** Guesses the BCP 47 language of plain text (not markup: tag names would read as English). */
export function detectLanguage(text: string): DocumentLanguage {
  const sample = text.slice(0, SAMPLE_UNITS);
  const letters = count(sample, LETTER);
  if (letters < MIN_LETTERS) return UNDETERMINED;
  if (count(sample, KANA) >= letters * JAPANESE_KANA_SHARE) return UNDETERMINED;
  const han = count(sample, HAN);
  const latin = count(sample, LATIN);
  const other = letters - han - latin;
  const hanWeight = han * LATIN_LETTERS_PER_HAN;
  if (han > 0 && hanWeight >= latin && hanWeight >= other) return chineseScript(sample);
  if (latin > other) return ENGLISH;
  return UNDETERMINED; // Cyrillic, Arabic, Hangul…: not a language we tag
}
