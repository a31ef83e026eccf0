/**
 * Unit tests run outside an extension, with no `i18n` API: the English
 * messages answer `t()` there, as the browser's default locale does in one.
 */
import en from '../../_locales/en/messages.json';
import { setFallbackMessages } from '../../src/shared/i18n';

setFallbackMessages(en);
