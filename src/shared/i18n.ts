/**
 * The extension's own interface in the reader's language, through the
 * standard WebExtension mechanism: `_locales/<lang>/messages.json`, resolved by
 * the browser (`i18n.getMessage`) from its UI language, with `en` the default
 * locale. The corpus' text is not translated; only our labels are.
 *
 * Outside an extension (unit tests, Node) there is no `i18n` API: the
 * messages set with {@link setFallbackMessages} (the unit tests' setup sets
 * the English ones) answer instead. The bundles do not carry them: in an
 * extension the browser itself falls back to `default_locale` for a key a
 * locale lacks. A key missing from `en` does not compile ({@link MessageKey}).
 *
 * This module does not import `webextension-polyfill` (which throws outside an
 * extension): it reads the `chrome.i18n` / `browser.i18n` global every
 * extension context has, content scripts included.
 */
import type en from '../../_locales/en/messages.json';

/** One entry of a `messages.json`, as the WebExtension format defines it. */
export interface LocaleMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

/** A `messages.json` file. */
export type LocaleMessages = Record<string, LocaleMessage>;

/** The name of one of our messages (the keys of `_locales/en/messages.json`). */
export type MessageKey = keyof typeof en;

/** The part of the browser's `i18n` API we use. */
export interface I18nApi {
  getMessage(name: string, substitutions?: string | string[]): string;
  getUILanguage(): string;
}

let fallback: LocaleMessages = {};
/** Languages written right to left, for {@link directionOf}. */
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'yi', 'dv', 'ckb']);

let override: I18nApi | undefined;

/** The messages that answer where the browser has none (outside an extension: the unit tests' setup sets English). */
export function setFallbackMessages(messages: LocaleMessages): void {
  fallback = messages;
}

/** Replaces the browser's `i18n` API (unit tests only); `undefined` restores it. */
export function setI18nApi(api: I18nApi | undefined): void {
  override = api;
}

function browserApi(): I18nApi | undefined {
  if (override) return override;
  // Firefox defines both globals; Chrome only `chrome` (the polyfill does not set a global `browser`).
  const g = globalThis as { chrome?: { i18n?: Partial<I18nApi> }; browser?: { i18n?: Partial<I18nApi> } };
  const api = g.chrome?.i18n ?? g.browser?.i18n;
  return typeof api?.getMessage === 'function' ? (api as I18nApi) : undefined;
}

/**
 * Fills a message the way the browser does: `$NAME$` takes its placeholder's
 * content, in which (as in the message itself) `$1`…`$9` take the
 * substitutions; `$$` is a dollar sign. Exported for the locale checks.
 */
export function formatMessage(entry: LocaleMessage, substitutions: readonly string[]): string {
  const positional = (text: string) => text.replace(/\$(\d)/g, (_, digit: string) => substitutions[Number(digit) - 1] ?? '');
  return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$|\$(\d)/g, (whole, name: string | undefined, digit: string | undefined) => {
    if (name !== undefined) {
      const placeholder = entry.placeholders?.[name.toLowerCase()];
      return placeholder ? positional(placeholder.content) : whole;
    }
    if (digit !== undefined) return substitutions[Number(digit) - 1] ?? '';
    return '$';
  });
}

/**
 * The message `key` in the reader's language, with `substitutions` in its
 * placeholders (in the order of their `$1`…`$9`). Outside an extension, the
 * fallback messages' (English in unit tests); the key itself when neither has it.
 */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const subs = substitutions.map(String);
  const api = browserApi();
  if (api) {
    try {
      const message = api.getMessage(key, subs);
      if (message) return message;
    } catch {
      // A context being torn down (an extension reload) throws; the fallback is better than nothing.
    }
  }
  const entry = fallback[key];
  return entry ? formatMessage(entry, subs) : key;
}

/**
 * The plural form of `key` for `count`. A plural message lists its forms as
 * `category:text`, separated by `|` (`one:$COUNT$ name|other:$COUNT$ names`),
 * with the categories of its language's plural rules (Arabic has six, Russian
 * four): `i18n.getMessage` has no plurals, and this keeps one key per message
 * in every locale. The count is the only substitution, so no text put in can
 * hold a `|`; `shown` is how the count is written (digits as they are by default).
 */
export function plural(key: MessageKey, count: number, shown: string = String(count)): string {
  const forms = parsePluralForms(t(key, shown));
  const category = pluralRules().select(count);
  return forms.get(category) ?? forms.get('other') ?? [...forms.values()][0] ?? '';
}

/** The forms of a plural message, by category (see {@link plural}). */
export function parsePluralForms(message: string): Map<string, string> {
  const forms = new Map<string, string>();
  for (const part of message.split('|')) {
    const colon = part.indexOf(':');
    if (colon > 0) forms.set(part.slice(0, colon).trim(), part.slice(colon + 1));
  }
  return forms;
}

let rules: { locale: string; rules: Intl.PluralRules } | undefined;
function pluralRules(): Intl.PluralRules {
  const locale = uiLocale();
  if (rules?.locale !== locale) rules = { locale, rules: new Intl.PluralRules(locale) };
  return rules.rules;
}

/**
 * The language our messages are shown in (`en`, `ar`, `ru`, `tr`): the locale
 * the browser picked among ours, which may differ from its UI language (a
 * browser in German shows our English). Each locale names itself in its
 * `ui_locale` message.
 */
export function uiLocale(): string {
  return t('ui_locale');
}

/** 'rtl' for a language written right to left, else 'ltr'. */
export function directionOf(locale: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(locale.toLowerCase().split(/[-_]/)[0] ?? '') ? 'rtl' : 'ltr';
}

/**
 * The direction of our interface: that of the language our messages are
 * shown in (not the browser's `@@bidi_dir`, which follows its UI language
 * even where we fall back to English).
 */
export function uiDirection(): 'ltr' | 'rtl' {
  return directionOf(uiLocale());
}

/** Whether our messages are English, so the card need not say its corpus text is. */
export function uiIsEnglish(): boolean {
  return uiLocale() === 'en';
}

/**
 * Sets `<html lang dir>` of one of our pages from the interface language, so
 * an Arabic interface lays out right to left (the pages' CSS uses logical
 * properties).
 */
export function applyUiLanguage(doc: Document, { direction = true }: { direction?: boolean } = {}): void {
  doc.documentElement.lang = uiLocale();
  if (direction) doc.documentElement.dir = uiDirection();
}

/**
 * The message `key` cut at its one placeholder, for a sentence that wraps an
 * element around the substituted part ("Highlight names on <strong>site</strong>").
 * The placeholder's place differs between languages, hence the cut.
 */
export function splitMessage(key: MessageKey): [before: string, after: string] {
  const marker = '\u0001';
  const text = t(key, marker);
  const at = text.indexOf(marker);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + marker.length)];
}
