/**
 * A card relative to the page being read: which roles the corpus shows held
 * on the page's date, and whether the page is newer than the corpus' latest
 * word on the entry. Pure; dates are partial ISO dates (`YYYY[-MM[-DD]]`).
 */
import type { CardRole } from '../../shared/card';
import { periodEnd, periodStart } from '../../shared/iso-date';

/**
 * The span the corpus shows a role held, or undefined when it cannot say:
 * from its start (`from`, else the date it was attested) to its end (`until`,
 * else, for a role not over, the date it was last attested). A role that is
 * over without an end date is known held only when attested by a stated date.
 */
export function knownSpan(role: CardRole): { start: string; end: string } | undefined {
  const start = role.from ?? role.attested;
  const end = role.until ?? (role.over ? undefined : role.attested);
  if (start === undefined || end === undefined || role.outsideCorpus) return undefined;
  return { start, end };
}

/** The roles the corpus shows held on `date`, in the card's order. */
export function rolesAt(roles: readonly CardRole[], date: string): CardRole[] {
  return roles.filter((role) => {
    const span = knownSpan(role);
    return span !== undefined && periodStart(span.start) <= periodEnd(date) && periodStart(date) <= periodEnd(span.end);
  });
}

/** True when `pageDate` is wholly after `latest` (a page of 2 Oct 2025 is not newer than "2025-10"). */
export function isNewer(pageDate: string, latest: string): boolean {
  return latest !== '' && periodStart(pageDate) > periodEnd(latest);
}

/** True when `pageDate` is wholly before `latest`. */
export function isOlder(pageDate: string, latest: string): boolean {
  return latest !== '' && periodEnd(pageDate) < periodStart(latest);
}
