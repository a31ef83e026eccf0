/**
 * Groups what the content script found on a page for the popup: entries by
 * colour group, most mentioned first, with their names. Pure, so it is unit
 * tested without a browser.
 */
import { typeGroupOf, type TypeGroup } from '../shared/catalog';
import type { EntrySummary } from '../shared/card';
import { GROUP_ORDER } from '../components/type-groups';

/** One entry found on the page. */
export interface FoundEntry {
  id: string;
  name: string;
  count: number;
}

/** The entries of one group. */
export interface FoundGroup {
  group: TypeGroup;
  entries: FoundEntry[];
  mentions: number;
}

/**
 * Groups `counts` (mentions per entry id) by colour group, in the display
 * order of groups; inside a group, most mentions first, then by name. Ids the
 * catalog does not know (a stale page) keep their id as name, in "event".
 */
export function groupFound(counts: Record<string, number>, entries: ReadonlyMap<string, EntrySummary>): FoundGroup[] {
  const byGroup = new Map<TypeGroup, FoundEntry[]>();
  for (const [id, count] of Object.entries(counts)) {
    if (count <= 0) continue;
    const entry = entries.get(id);
    const group = entry ? typeGroupOf(entry.type) : 'event';
    const list = byGroup.get(group) ?? [];
    list.push({ id, name: entry?.name ?? id, count });
    byGroup.set(group, list);
  }
  return GROUP_ORDER.flatMap((group) => {
    const list = byGroup.get(group);
    if (!list) return [];
    list.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    return [{ group, entries: list, mentions: list.reduce((n, e) => n + e.count, 0) }];
  });
}
