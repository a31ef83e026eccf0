/**
 * Partial ISO dates for reading, in the interface language: "2024-12-08" →
 * "8 Dec 2024" (Russian "8 дек. 2024 г.", Arabic "8 ديسمبر 2024"),
 * "2024-12" → "Dec 2024", "2024" → "2024". The month names come from `Intl`
 * in the language our messages are shown in (`uiLocale()`), not from the
 * page's or the browser's locale, so a card reads in one language throughout.
 *
 * English keeps day–month–year order: `Intl`'s `en` is month-first ("Dec 8,
 * 2024") and `en-GB` abbreviates September as "Sept" in newer ICU data only,
 * so Chromium and Firefox would disagree. Only the month's name is taken
 * from `Intl` there.
 */
import { uiLocale } from './i18n';

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    // UTC throughout: a calendar date has no time zone, and the reader's must not move it a day.
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    formats.set(key, format);
  }
  return format;
}

function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(Date.UTC(2000, month - 1, day));
  // `Date.UTC` reads years 0–99 as 1900–1999.
  date.setUTCFullYear(year);
  return date;
}

/**
 * A calendar date in the interface language: with its day when `day` is
 * given, else its month and year. `month` is 1–12.
 */
export function formatCalendarDate(year: number, month: number, day?: number): string {
  const locale = uiLocale();
  const date = utcDate(year, month, day ?? 1);
  if (locale === 'en') {
    const name = formatter('en', { month: 'short' }).format(date);
    return day ? `${day} ${name} ${year}` : `${name} ${year}`;
  }
  return formatter(locale, day ? { day: 'numeric', month: 'short', year: 'numeric' } : { month: 'short', year: 'numeric' }).format(date);
}

/**
 * Formats a partial ISO date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`): a year alone
 * stays as it is, as does anything unrecognised; a month out of range leaves
 * the year, a day out of range the month and year.
 */
export function formatIsoDate(iso: string): string {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  const m = Number(month);
  if (!month || m < 1 || m > 12) return year!;
  const d = Number(day);
  return formatCalendarDate(Number(year), m, day && d >= 1 && d <= 31 ? d : undefined);
}
