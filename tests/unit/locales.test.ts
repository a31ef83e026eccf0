/**
 * The `_locales` messages (issue 19, item 4): every locale has the same keys
 * and placeholders, no empty message and the plural forms its language needs;
 * every key the code and the manifest use exists, and no message is unused.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENTRY_TYPES, TYPE_GROUPS } from '../../src/shared/catalog';
import { NAV } from '../../src/options/route';
import { directionOf, parsePluralForms, type LocaleMessages } from '../../src/shared/i18n';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const LOCALES_DIR = path.join(ROOT, '_locales');
/** The languages issue #19 asks for; more may be added. */
const REQUIRED = ['en', 'ar', 'ru', 'tr'];

function readLocales(): Record<string, LocaleMessages> {
  return Object.fromEntries(
    readdirSync(LOCALES_DIR).map((lang) => [lang, JSON.parse(readFileSync(path.join(LOCALES_DIR, lang, 'messages.json'), 'utf8')) as LocaleMessages]),
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [full] : [];
  });
}

/**
 * The keys the code asks for: literal `t('…')`, `plural('…')`,
 * `splitMessage('…')` calls in `src/`, the manifest's `__MSG_…__`, and the
 * keys built from the catalog's types and groups (`type_…`, `group_…`).
 */
function usedKeys(): Set<string> {
  const keys = new Set<string>();
  for (const file of sourceFiles(path.join(ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:t|plural|splitMessage)\(\s*'([A-Za-z0-9_@]+)'/g)) keys.add(m[1]!);
  }
  for (const m of readFileSync(path.join(ROOT, 'manifest.json'), 'utf8').matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)) keys.add(m[1]!);
  for (const type of ENTRY_TYPES) keys.add(`type_${type.replace(/-/g, '_')}`);
  for (const group of TYPE_GROUPS) keys.add(`group_${group}`);
  // `viewLabel` names the options page's views: those of the navigation, and an entry's page.
  for (const { view } of [...NAV, { view: 'entry' }]) keys.add(`view_${view}`);
  return keys;
}

/** Every quoted word in `src/` (a key picked by a condition, `plural(a ? 'x' : 'y', n)`, is quoted but not the call's first token). */
function quotedWords(): Set<string> {
  const words = new Set<string>();
  for (const file of sourceFiles(path.join(ROOT, 'src'))) for (const m of readFileSync(file, 'utf8').matchAll(/'([A-Za-z0-9_@]+)'/g)) words.add(m[1]!);
  return words;
}

const PLACEHOLDER = /\$([A-Za-z0-9_@]+)\$/g;

/** Everything wrong with a set of locales, one line per problem (empty: all good). */
function localeProblems(locales: Record<string, LocaleMessages>, used: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const en = locales.en;
  if (!en) return ['no en locale (the default_locale)'];
  for (const lang of REQUIRED) if (!locales[lang]) problems.push(`missing locale ${lang}`);
  for (const key of used) if (!en[key]) problems.push(`en: no message ${key}, which the code uses`);
  for (const [lang, messages] of Object.entries(locales)) {
    for (const key of Object.keys(en)) if (!messages[key]) problems.push(`${lang}: no message ${key}`);
    for (const [key, entry] of Object.entries(messages)) {
      const source = en[key];
      if (!source) {
        problems.push(`${lang}: ${key} is not in en`);
        continue;
      }
      if (typeof entry.message !== 'string' || entry.message.trim() === '') problems.push(`${lang}: ${key} is empty`);
      if (JSON.stringify(entry.placeholders ?? {}) !== JSON.stringify(source.placeholders ?? {})) problems.push(`${lang}: ${key} has other placeholders than en`);
      const defined = new Set(Object.keys(entry.placeholders ?? {}));
      const usedHere = new Set([...(entry.message ?? '').matchAll(PLACEHOLDER)].map((m) => m[1]!.toLowerCase()));
      for (const name of usedHere) if (!defined.has(name)) problems.push(`${lang}: ${key} uses undefined $${name.toUpperCase()}$`);
      const isPlural = source.message.includes('|');
      if (isPlural) {
        const wanted = new Intl.PluralRules(lang).resolvedOptions().pluralCategories.slice().sort();
        const forms = [...parsePluralForms(entry.message).keys()].sort();
        if (JSON.stringify(forms) !== JSON.stringify(wanted)) problems.push(`${lang}: ${key} has plural forms ${forms.join(',')}, ${lang} needs ${wanted.join(',')}`);
        for (const [category, text] of parsePluralForms(entry.message)) if (!text.trim()) problems.push(`${lang}: ${key} form ${category} is empty`);
      } else {
        // A translation that drops a placeholder loses what the code put in it.
        for (const name of defined) if (!usedHere.has(name)) problems.push(`${lang}: ${key} does not use $${name.toUpperCase()}$`);
      }
    }
  }
  const ui = Object.entries(locales).filter(([lang, messages]) => messages.ui_locale?.message !== lang);
  for (const [lang] of ui) problems.push(`${lang}: ui_locale is not "${lang}"`);
  return problems;
}

describe('locales', () => {
  const locales = readLocales();
  const used = usedKeys();

  it('has en, ar, ru and tr with the same keys and placeholders, no empty message, every key the code uses, and plural forms each language needs', () => {
    expect(localeProblems(locales, used)).toEqual([]);
  });

  it('has no message the code never asks for', () => {
    const quoted = quotedWords();
    expect(Object.keys(locales.en!).filter((key) => !used.has(key) && !quoted.has(key))).toEqual([]);
  });

  it('finds the code using keys (the scan works)', () => {
    expect(used.has('popup_toggle_site')).toBe(true);
    expect(used.has('card_from_corpus')).toBe(true);
    expect(used.has('ext_description')).toBe(true);
  });

  it('reports a key missing from one locale, an empty message, a lost placeholder and a wrong plural', () => {
    const broken = structuredClone(locales);
    delete broken.ru!.card_more;
    broken.tr!.card_less = { message: ' ' };
    broken.ar!.popup_toggle_site = { message: 'تظليل الأسماء', placeholders: broken.ar!.popup_toggle_site!.placeholders! };
    broken.ru!.popup_mentions = { message: 'one:$COUNT$ упоминание|other:$COUNT$ упоминаний', placeholders: broken.ru!.popup_mentions!.placeholders! };
    const problems = localeProblems(broken, used);
    expect(problems).toContain('ru: no message card_more');
    expect(problems).toContain('tr: card_less is empty');
    expect(problems).toContain('ar: popup_toggle_site does not use $SITE$');
    expect(problems.some((p) => p.startsWith('ru: popup_mentions has plural forms'))).toBe(true);
    expect(localeProblems(locales, new Set([...used, 'no_such_key']))).toContain('en: no message no_such_key, which the code uses');
  });

  it('names its own language and direction', () => {
    for (const [lang, messages] of Object.entries(locales)) expect(directionOf(messages.ui_locale!.message)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
  });
});
