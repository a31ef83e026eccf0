/** Reader-facing names of entry types ("armed-group" → "Armed group"), in the reader's language. */
import type { EntryType } from '../../shared/catalog';
import { t, type MessageKey } from '../../shared/i18n';

/** The label of an entry type (message `type_<type>`, hyphens as underscores: message names allow no hyphen). */
export function typeLabel(type: EntryType): string {
  return t(`type_${type.replace(/-/g, '_')}` as MessageKey);
}
