// Texts with the language tag detectLanguage must give them: the five seed files, English,
// and the short, mixed or foreign-script texts that must stay `und`.
import type { DocumentLanguage } from '@glossa/contracts';

export interface LanguageCase {
  name: string;
  text: string;
  expected: DocumentLanguage;
}

export const LANGUAGE_CASES: LanguageCase[] = [
  {
    name: 'an English paragraph',
    text: 'The first Senior Officials Meeting of the APEC year opened in Guangzhou, where delegates from 21 economies discussed trade, digital innovation and public health.',
    expected: 'en',
  },
  { name: 'a Traditional Chinese sentence', text: '中國主辦亞太經合組織會議的歷程與經驗值得回顧。', expected: 'zh-Hant' },
  { name: 'a Simplified Chinese sentence', text: '中国主办亚太经合组织会议的历程与经验值得回顾。', expected: 'zh-Hans' },
  {
    name: 'Simplified Chinese with an English title block',
    text: 'An Outlook on Asia-Pacific Community with a Shared Future\n亚太命运共同体展望：清华大学战略与安全研究中心二〇二二年度报告，关于亚太地区的战略选择与愿景的讨论',
    expected: 'zh-Hans',
  },
  {
    name: 'English with a few Chinese names in it',
    text: 'The meeting in Guangzhou (广州) was chaired by Wang Yi (王毅) and attended by delegates from every member economy.',
    expected: 'en',
  },
  { name: 'too few letters', text: 'APEC 2026', expected: 'und' },
  { name: 'only digits and punctuation', text: '2026-02-10 — 1400 / 70 (21)', expected: 'und' },
  { name: 'empty text', text: '', expected: 'und' },
  { name: 'Han characters shared by both scripts', text: '大人小山中日月水火木金土天上下左右', expected: 'und' },
  { name: 'Japanese (kanji with kana) is not tagged', text: '広州でアジア太平洋経済協力会議の高級実務者会合が開かれました。', expected: 'und' },
  { name: 'Russian is not tagged', text: 'Первое совещание старших должностных лиц АТЭС прошло в Гуанчжоу.', expected: 'und' },
];
