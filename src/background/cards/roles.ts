/**
 * An actor's roles dated by their evidence. The corpus only shows a role held
 * when the sentence that attests it was written (or at the date that sentence
 * states), so a role is never "current": the card says "as of" that date, or
 * that the role is over when the corpus says so (an end date, a death,
 * "former"). A role without `until` is not held on the corpus' newest date.
 */
import type { CardFact, CardRole, Excerpt } from '../../shared/card';
import type { Entry } from '../../shared/corpus';
import type { CorpusIndex } from './corpus-index';
import { excerptOf } from './excerpts';
import { compareDates } from '../../shared/iso-date';

/** The excerpts of passage ids, newest publication first (corpus order on a tie). */
export function evidenceOf(index: CorpusIndex, passageIds: readonly string[]): Excerpt[] {
  return passageIds
    .map((id) => excerptOf(index, id))
    .filter((e): e is Excerpt => e !== undefined)
    .map((excerpt, order) => ({ excerpt, order }))
    .sort((a, b) => compareDates(b.excerpt.published, a.excerpt.published) || a.order - b.order)
    .map(({ excerpt }) => excerpt);
}

/** One role with its evidence and the date the corpus last shows it held. */
export function datedRole(index: CorpusIndex, role: Entry['roles'][number]): CardRole {
  const evidence = evidenceOf(index, role.passageIds);
  const newest = evidence[0];
  const out: CardRole = {
    title: role.title,
    over: role.until !== undefined || role.ended !== undefined,
    attestedInferred: role.at === undefined && newest?.publishedInferred === true,
    evidence,
  };
  const attested = role.at ?? newest?.published;
  if (attested !== undefined) out.attested = attested;
  if (role.from !== undefined) out.from = role.from;
  if (role.until !== undefined) out.until = role.until;
  if (role.ended !== undefined) out.ended = role.ended;
  if (role.outsideCorpus) out.outsideCorpus = true;
  return out;
}

/** The latest date a role is known by: its end, else when it was last attested. */
function latestOf(role: CardRole): string {
  return role.until ?? role.attested ?? role.from ?? '';
}

/** Every role of an entry: those not over first, then those over; newest first in each. */
export function datedRoles(index: CorpusIndex, entry: Entry): CardRole[] {
  return entry.roles
    .map((role) => datedRole(index, role))
    .sort((a, b) => Number(a.over) - Number(b.over) || compareDates(latestOf(b), latestOf(a)));
}

/** The summary sentences with their evidence. */
export function factsOf(index: CorpusIndex, entry: Entry): CardFact[] {
  return entry.summary.map((fact) => {
    const out: CardFact = { text: fact.text, evidence: evidenceOf(index, fact.passageIds) };
    if (fact.outsideCorpus) out.outsideCorpus = true;
    return out;
  });
}

/** The newest publication date of a corpus sentence about the entry (its mentions and its evidence). */
export function latestWordOn(index: CorpusIndex, entry: Entry): string {
  const ids = [
    ...(index.passagesByEntry.get(entry.id) ?? []),
    ...entry.summary.flatMap((f) => f.passageIds),
    ...entry.roles.flatMap((r) => r.passageIds),
  ];
  let latest = '';
  for (const id of ids) {
    const published = index.passages.get(id)?.document.published;
    if (published !== undefined && compareDates(published, latest) > 0) latest = published;
  }
  return latest;
}
