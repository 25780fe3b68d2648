// The UI languages Glossa ships and how a browser language tag maps onto them.
// Pure (no i18next), so detection rules are testable in node.

export const UI_LANGUAGES = ['en', 'zh-Hans'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const DEFAULT_UI_LANGUAGE: UiLanguage = 'en';

/** localStorage key that remembers the reader's choice. */
export const LANGUAGE_STORAGE_KEY = 'glossa.uiLanguage';

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/**
 * Maps a BCP 47 tag from the browser (`zh-CN`, `zh-TW`, `zh-Hant-HK`, `en-GB`…) to a
 * shipped UI language. Every Chinese variant gets the Simplified UI, the only Chinese
 * one shipped: a Traditional reader is better served by it than by English.
 */
export function toUiLanguage(tag: string): UiLanguage | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'zh') return 'zh-Hans';
  if (primary === 'en') return 'en';
  return undefined;
}
