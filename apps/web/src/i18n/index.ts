// The one i18n layer: i18next with the English and Simplified Chinese resources,
// language detected from the browser, remembered in localStorage, mirrored to <html lang>.
import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { DEFAULT_UI_LANGUAGE, LANGUAGE_STORAGE_KEY, UI_LANGUAGES, toUiLanguage } from './languages';
import { zhHans } from './zh-Hans';

export const resources = {
  en: { translation: en },
  'zh-Hans': { translation: zhHans },
} as const;

function reflectLanguageInDocument(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export function initI18n(): typeof i18n {
  if (i18n.isInitialized) return i18n;
  i18n.on('languageChanged', reflectLanguageInDocument);
  void i18n
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources,
      supportedLngs: [...UI_LANGUAGES],
      fallbackLng: DEFAULT_UI_LANGUAGE,
      // `zh-Hans` must not fall back through a bare `zh`, which is not shipped.
      load: 'currentOnly',
      // Resources are bundled, so the first render can translate synchronously.
      initAsync: false,
      // React escapes rendered text already.
      interpolation: { escapeValue: false },
      detection: {
        order: ['localStorage', 'navigator'],
        lookupLocalStorage: LANGUAGE_STORAGE_KEY,
        caches: ['localStorage'],
        convertDetectedLanguage: (tag) => toUiLanguage(tag) ?? tag,
      },
      react: { useSuspense: false },
    });
  return i18n;
}
