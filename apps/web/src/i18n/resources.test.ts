import { describe, expect, it } from 'vitest';
import { en } from './en';
import { DEFAULT_UI_LANGUAGE, UI_LANGUAGES, isUiLanguage, toUiLanguage } from './languages';
import { zhHans } from './zh-Hans';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** `{{count, number}}` → `count`: the variable names a message needs. */
function placeholders(message: string): string[] {
  return [...message.matchAll(/\{\{\s*-?\s*([\w.]+)/g)].map((m) => m[1]!).sort();
}

const english = flatten(en);
const chinese = flatten(zhHans);

describe('UI resources', () => {
  it('en and zh-Hans have identical key sets', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it.each([
    ['en', english],
    ['zh-Hans', chinese],
  ])('%s has no empty strings', (_, messages) => {
    const empty = [...messages].filter(([, value]) => value.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('each zh-Hans message uses the same interpolation variables as its English original', () => {
    const mismatched = [...english]
      .filter(([key, value]) => placeholders(value).join() !== placeholders(chinese.get(key) ?? '').join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it('names the three editorial tags in both languages', () => {
    expect(en.tags).toEqual({ claim: 'Claim', opinion: 'Opinion', data: 'Data' });
    expect(zhHans.tags).toEqual({ claim: '主张', opinion: '观点', data: '数据' });
  });

  it('labels the document languages in both UI languages', () => {
    expect(en.documentLanguage).toMatchObject({ 'zh-Hant': 'Traditional Chinese', 'zh-Hans': 'Simplified Chinese', en: 'English' });
    expect(zhHans.documentLanguage).toMatchObject({ 'zh-Hant': '繁体中文', 'zh-Hans': '简体中文', en: '英文' });
  });

  it('has a switch label for every shipped UI language', () => {
    expect(Object.keys(en.uiLanguage).sort()).toEqual([...UI_LANGUAGES].sort());
  });
});

describe('toUiLanguage', () => {
  it.each([
    ['en', 'en'],
    ['en-US', 'en'],
    ['EN-gb', 'en'],
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh-Hans', 'zh-Hans'],
    ['zh-TW', 'zh-Hans'],
    ['zh-Hant-HK', 'zh-Hans'],
    ['zh_CN', 'zh-Hans'],
    ['fr-FR', undefined],
    ['', undefined],
  ])('%j → %j', (tag, expected) => {
    expect(toUiLanguage(tag)).toBe(expected);
  });

  it('falls back to a shipped language', () => {
    expect(isUiLanguage(DEFAULT_UI_LANGUAGE)).toBe(true);
    expect(isUiLanguage('zh')).toBe(false);
  });
});
