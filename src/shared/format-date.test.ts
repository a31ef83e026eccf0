import { afterEach, describe, expect, it } from 'vitest';
import { useLocale } from '../../tests/unit/use-locale';
import { formatCalendarDate, formatIsoDate } from './format-date';
import { setI18nApi } from './i18n';
import { libraryLabel } from './library';

const ENGLISH_MONTHS = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/;

describe('formatIsoDate', () => {
  afterEach(() => setI18nApi(undefined));

  it('writes English day, month, year with three-letter months, and keeps partial dates partial', () => {
    expect(formatIsoDate('2020-09-08')).toBe('8 Sep 2020');
    expect(formatIsoDate('2024-12')).toBe('Dec 2024');
    expect(formatIsoDate('2024')).toBe('2024');
    expect(formatIsoDate('2024-13')).toBe('2024');
    expect(formatIsoDate('c. 1990')).toBe('c. 1990');
    expect(formatCalendarDate(2020, 2)).toBe('Feb 2020');
  });

  it('names months in the interface language, not in English', () => {
    useLocale('ru');
    expect(formatIsoDate('2024-12-08')).toMatch(/^8 дек/);
    expect(formatIsoDate('2024-12')).toMatch(/дек.*2024/);
    useLocale('ar');
    expect(formatIsoDate('2024-12-08')).toContain('ديسمبر');
    useLocale('tr');
    expect(formatIsoDate('2024-12')).toMatch(/Ara.*2024/);
    for (const lang of ['ar', 'ru', 'tr']) {
      useLocale(lang);
      expect(formatIsoDate('2020-09-08')).not.toMatch(ENGLISH_MONTHS);
      // A year alone stays an ISO-like year in every language.
      expect(formatIsoDate('2024')).toBe('2024');
    }
  });

  it('dates a library excerpt in the interface language', () => {
    expect(libraryLabel('The Moscow Times', '2026-01-28')).toBe('From your library — The Moscow Times, 28 Jan 2026');
    useLocale('ru');
    expect(libraryLabel('The Moscow Times', '2026-01-28')).toMatch(/The Moscow Times.*28 янв/);
  });
});
