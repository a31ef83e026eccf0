import { afterEach, describe, expect, it } from 'vitest';
import { useLocale } from '../../tests/unit/use-locale';
import { formatMessage, plural, setI18nApi, splitMessage, t, uiDirection, uiIsEnglish, uiLocale } from './i18n';

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
    useLocale('ar');
    expect(uiLocale()).toBe('ar');
    expect(uiDirection()).toBe('rtl');
    expect(uiIsEnglish()).toBe(false);
    expect(t('card_more')).toBe('المزيد');
    expect(plural('popup_names_on_page', 2)).toBe('اسمان في هذه الصفحة');
    expect(plural('popup_names_on_page', 5)).toBe('5 أسماء في هذه الصفحة');
    expect(plural('popup_names_on_page', 11)).toBe('11 اسمًا في هذه الصفحة');
  });

  it('uses Russian plural forms', () => {
    useLocale('ru');
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
    useLocale('tr');
    expect(splitMessage('popup_toggle_site')).toEqual(['', ' üzerinde isimleri vurgula']);
  });

  it('fills placeholders and positional substitutions as the browser does', () => {
    expect(formatMessage({ message: 'A $X$ and $2, $$5', placeholders: { x: { content: '$1!' } } }, ['one', 'two'])).toBe('A one! and two, $5');
  });
});
