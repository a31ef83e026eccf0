/**
 * Reader-facing names of the five colour groups, in the order lists show
 * them, with the CSS variable that holds each group's colour (set from
 * `type-colours.ts`).
 */
import { TYPE_GROUPS, type TypeGroup } from '../shared/catalog';

/** Plural headings of the groups ("People", "Groups", …). */
export const GROUP_LABELS: Record<TypeGroup, string> = {
  person: 'People',
  group: 'Organisations and armed groups',
  state: 'States',
  place: 'Places',
  event: 'Events',
};

/** The groups in display order. */
export const GROUP_ORDER: readonly TypeGroup[] = TYPE_GROUPS;
