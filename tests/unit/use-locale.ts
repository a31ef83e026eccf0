/**
 * Unit tests' way to show the interface in another language: a browser
 * `i18n` API over one `_locales/<lang>/messages.json`, resolved as the
 * browser would. `setI18nApi(undefined)` goes back to English.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatMessage, setI18nApi, type LocaleMessages } from '../../src/shared/i18n';

const LOCALES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../_locales');

/** Shows our messages in `lang` (`ar`, `ru`, `tr`, `en`) until `setI18nApi(undefined)`. */
export function useLocale(lang: string): void {
  const messages = JSON.parse(readFileSync(path.join(LOCALES_DIR, lang, 'messages.json'), 'utf8')) as LocaleMessages;
  setI18nApi({
    getMessage: (name, subs) => {
      const entry = messages[name];
      return entry ? formatMessage(entry, typeof subs === 'string' ? [subs] : (subs ?? [])) : '';
    },
    getUILanguage: () => lang,
  });
}
