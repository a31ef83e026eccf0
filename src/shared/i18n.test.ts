import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { formatMessage, plural, setI18nApi, splitMessage, t, uiDirection, uiIsEnglish, uiLocale, type LocaleMessages } from './i18n';

const LOCALES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../_locales');

function readLocale(lang: string): LocaleMessages {
  return JSON.parse(readFileSync(path.join(LOCALES_DIR, lang, 'messages.json'), 'utf8')) as LocaleMessages;
}

/** A browser `i18n` API over one locale's messages, as the browser would resolve them. */
function fakeApi(messages: LocaleMessages, uiLanguage: string) {
  return {
    getMessage: (name: string, subs?: string | string[]) => {
      const entry = messages[name];
      return entry ? formatMessage(entry, typeof subs === 'string' ? [subs] : (subs ?? [])) : '';
    },
    getUILanguage: () => uiLanguage,
  };
}

describe('t', () => {
  afterEach(() => setI18nApi(undefined));

  it('falls back to English outside an extension, placeholders filled', () => {
    expect(t('popup_showing_entry', 'Vladimir Putin')).toBe('Showing Vladimir Putin on the page.');
    expect(uiLocale()).toBe('en');
    expect(uiDirection()).toBe('ltr');
    expect(uiIsEnglish()).toBe(true);
    expect(plural('popup_names_on_page', 1)).toBe('1 name on this page');
    expect(plural('popup_names_on_page', 7)).toBe('7 names on this page');
  });

  it('speaks the browser’s language when it has one: Arabic, right to left, with its plural forms', () => {
    const ar = readLocale('ar');
    setI18nApi(fakeApi(ar, 'ar'));
    expect(uiLocale()).toBe('ar');
    expect(uiDirection()).toBe('rtl');
    expect(uiIsEnglish()).toBe(false);
    expect(t('card_more')).toBe('المزيد');
    expect(plural('popup_names_on_page', 2)).toBe('اسمان في هذه الصفحة');
    expect(plural('popup_names_on_page', 5)).toBe('5 أسماء في هذه الصفحة');
    expect(plural('popup_names_on_page', 11)).toBe('11 اسمًا في هذه الصفحة');
  });

  it('uses Russian plural forms', () => {
    setI18nApi(fakeApi(readLocale('ru'), 'ru'));
    expect(plural('popup_mentions', 1)).toBe('1 упоминание');
    expect(plural('popup_mentions', 3)).toBe('3 упоминания');
    expect(plural('popup_mentions', 5)).toBe('5 упоминаний');
  });

  it('falls back to English for a key the browser does not resolve', () => {
    setI18nApi({ getMessage: () => '', getUILanguage: () => 'de' });
    expect(t('card_less')).toBe('Less');
  });

  it('cuts a message at its placeholder, wherever the language puts it', () => {
    expect(splitMessage('popup_toggle_site')).toEqual(['Highlight names on ', '']);
    setI18nApi(fakeApi(readLocale('tr'), 'tr'));
    expect(splitMessage('popup_toggle_site')).toEqual(['', ' üzerinde isimleri vurgula']);
  });

  it('fills placeholders and positional substitutions as the browser does', () => {
    expect(formatMessage({ message: 'A $X$ and $2, $$5', placeholders: { x: { content: '$1!' } } }, ['one', 'two'])).toBe('A one! and two, $5');
  });
});
