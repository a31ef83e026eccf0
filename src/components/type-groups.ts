/**
 * Reader-facing names of the five colour groups (in the reader's language), in the order lists show
 * them, with the CSS variable that holds each group's colour (set from
 * `type-colours.ts`).
 */
import { TYPE_GROUPS, type TypeGroup } from '../shared/catalog';
import { t } from '../shared/i18n';

/** The plural heading of a group ("People", "Organisations and armed groups", …) in the reader's language. */
export function groupLabel(group: TypeGroup): string {
  return t(`group_${group}` as const);
}

/** The groups in display order. */
export const GROUP_ORDER: readonly TypeGroup[] = TYPE_GROUPS;
