/**
 * An actor's roles as of the corpus date: the one it holds now and the ones it
 * held before ("President of Syria until Dec 2024", then "In exile in Russia").
 */
import type { Entry } from '../../shared/corpus';
import { compareDates, periodEnd, periodStart } from './iso-date';

type Role = Entry['roles'][number];

/** The current role (held at `asOf`) and the earlier ones, newest first. */
export function splitRoles(roles: readonly Role[], asOf: string): { currentRole?: Role; earlierRoles: Role[] } {
  // Newest first: by the latest date a role names, its end if it has one.
  const newestFirst = [...roles].sort((a, b) => compareDates(b.until ?? b.from ?? '', a.until ?? a.from ?? ''));
  const ongoing = (role: Role): boolean =>
    (role.until === undefined || periodEnd(role.until) >= periodStart(asOf)) && (role.from === undefined || periodStart(role.from) <= periodEnd(asOf || '9999'));
  // Among ongoing roles the one that started last is what the reader meets now.
  const current = newestFirst
    .filter(ongoing)
    .sort((a, b) => compareDates(b.from ?? '', a.from ?? ''))[0];
  const earlierRoles = newestFirst.filter((role) => role !== current);
  return current ? { currentRole: current, earlierRoles } : { earlierRoles };
}
