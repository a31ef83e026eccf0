/**
 * The card's roles, each dated by its evidence: "Defence Minister of Russia —
 * as of Sep 2020", "Leader of Hayat Tahrir al-Sham until Dec 2024",
 * "President of Syria until death". Nothing is called current: the corpus
 * only shows a role held when its evidence was written.
 */
import type { CardRole, EntryCard } from '../../shared/card';
import { formatDate, formatMonth } from './format-date';
import type { CardLinks } from './links';
import { isNewer, isOlder, rolesAt } from './page-time';
import { Provenance } from './provenance';
import { t } from '../../shared/i18n';

/** "President of Syria (since Dec 2024)", "Leader of HTS until Dec 2024", "President of Syria until death". */
export function roleTitle(role: CardRole): string {
  if (role.ended === 'death') return role.until ? t('role_until_death_on', role.title, formatDate(role.until)) : t('role_until_death', role.title);
  if (role.until !== undefined) return role.from ? t('role_span', role.title, formatDate(role.from), formatDate(role.until)) : t('role_until', role.title, formatDate(role.until));
  if (role.ended === 'former') return t('role_former', role.title);
  return role.from ? t('role_since', role.title, formatDate(role.from)) : role.title;
}

/** "as of Sep 2020 (approx.)": when the corpus last shows a role held, for a role not over. */
export function roleAsOf(role: CardRole): string | undefined {
  if (role.over || role.attested === undefined) return undefined;
  const asOf = t('role_as_of', formatDate(role.attested));
  return role.attestedInferred ? `${asOf} ${t('card_approx')}` : asOf;
}

/** The roles section. */
export function Roles({ card, links }: { card: EntryCard; links: CardLinks }) {
  if (card.roles.length === 0) return null;
  return (
    <ul class="bs-card__roles" aria-label={t('card_roles')}>
      {card.roles.map((role, i) => {
        const asOf = roleAsOf(role);
        return (
          <li key={i} class="bs-card__role" data-role={role.over ? 'over' : 'attested'}>
            {roleTitle(role)}
            {asOf && <span class="bs-card__muted"> — {asOf}</span>}
            <Provenance claim={role.title} evidence={role.evidence} outsideCorpus={role.outsideCorpus} links={links} />
          </li>
        );
      })}
    </ul>
  );
}

/**
 * What the card says about the page's date: the roles the corpus shows held
 * then ("At the time of this article, Mar 2015: President of Syria"), and
 * that the page is newer than the corpus' latest word on the entry.
 */
export function PageTimeNotices({ card, pageDate }: { card: EntryCard; pageDate: string | undefined }) {
  if (!pageDate) return null;
  const newer = isNewer(pageDate, card.latest);
  const then = !newer && isOlder(pageDate, card.latest) ? rolesAt(card.roles, pageDate) : [];
  return (
    <>
      {newer && (
        <p class="bs-card__notice" data-notice="latest">
          {t('card_latest', card.entry.name, formatMonth(card.latest), formatDate(pageDate))}
        </p>
      )}
      {then.length > 0 && (
        <p class="bs-card__notice" data-notice="then">
          {t('card_at_time', formatMonth(pageDate), then.map((r) => r.title).join('; '))}
        </p>
      )}
    </>
  );
}
