/**
 * Every claim of the catalog (summary sentence, role, relation, date,
 * participant) with its evidence, the date of that evidence and whether the
 * corpus supports it. The build fails on any claim that is neither supported
 * nor marked as kept from outside the corpus; `npm run corpus:audit` prints
 * them all.
 */
import type { CatalogEntry } from '../../src/shared/catalog';
import type { CorpusDocument, Passage } from '../../src/shared/corpus';
import type { SourcedEntry } from './bundle';
import {
  DEATH,
  backwardsRelation,
  droppedQualifier,
  foldWords,
  formerCue,
  missingDateParts,
  missingLoadedWords,
  missingNumbers,
  missingTitleWords,
  type NameForms,
} from './claim-support';
import { isIsoDate } from './documents';
import { QuoteIndex } from './evidence';

/** What kind of statement a claim is. */
export type ClaimKind = 'summary' | 'role' | 'relation' | 'date' | 'participant';

/**
 * `supported`: the evidence is corpus text and passes the support checks;
 * `not-found`: a quote is not corpus text; `unsupported`: it is, but does not
 * say what the claim says; `outside`: marked as kept from outside the corpus.
 */
export type ClaimStatus = 'supported' | 'not-found' | 'unsupported' | 'outside';

/** One claim with its evidence and verdict. */
export interface AuditedClaim {
  file: string;
  entryId: string;
  kind: ClaimKind;
  /** The claim as a reader would see it. */
  claim: string;
  quotes: string[];
  /** The passages the quotes resolve to. */
  passageIds: string[];
  /** Publication dates of the attesting articles, newest first (`~` before an inferred one). */
  dates: string[];
  status: ClaimStatus;
  /** Why it is not supported. */
  reason?: string;
}

/** The claim as one line of a build error: "<kind> "<claim>": <reason>". */
export function claimProblem(c: AuditedClaim): string {
  return `${c.kind} "${c.claim}": ${c.reason ?? c.status}`;
}

/** A state as the corpus also names it: its people's adjective, its capital for its government. */
const STATE_FORMS: Record<string, string[]> = {
  syria: ['syrian', 'damascus'],
  russia: ['russian', 'moscow', 'kremlin'],
  turkey: ['turkish', 'turkiye', 'ankara'],
  iran: ['iranian', 'tehran'],
  iraq: ['iraqi', 'baghdad'],
  israel: ['israeli'],
  lebanon: ['lebanese', 'beirut'],
  ukraine: ['ukrainian', 'kyiv'],
  'united-states': ['us', 'american', 'washington'],
};

function nameForms(entry: CatalogEntry): NameForms {
  const forms = [entry.name, ...entry.aliases.map((a) => a.text)].map(foldWords);
  return [...new Set([...forms, ...(STATE_FORMS[entry.id] ?? [])])].filter((f) => f !== '');
}

/**
 * Audits every claim of `catalog` against `documents` (whose passages, before
 * deduplication, are `passages`; `index` may be their quote index, if built). Pure.
 */
export function auditClaims(
  documents: readonly CorpusDocument[],
  passages: readonly Passage[],
  catalog: readonly SourcedEntry[],
  index: QuoteIndex = new QuoteIndex(passages),
): AuditedClaim[] {
  // Each quote is looked up by several checks (and cited by several claims): once is enough.
  const found = new Map<string, string[]>();
  const quotes = {
    find(quote: string): string[] {
      const known = found.get(quote);
      if (known !== undefined) return known;
      const ids = index.find(quote);
      found.set(quote, ids);
      return ids;
    },
  };
  const passageById = new Map(passages.map((p) => [p.id, p]));
  const docById = new Map(documents.map((d) => [d.id, d]));
  const byId = new Map(catalog.map((s) => [s.entry.id, s.entry]));
  const out: AuditedClaim[] = [];

  for (const { file, entry } of catalog) {
    const add = (kind: ClaimKind, claim: string, quoteList: string[], outside: boolean, check: (evidence: string) => string | undefined): void => {
      const passageIds = [...new Set(quoteList.flatMap((q) => quotes.find(q)))];
      const dates = [...new Set(passageIds.map((id) => docById.get(passageById.get(id)?.documentId ?? '')).map((d) => (d ? `${d.publishedInferred ? '~' : ''}${d.published}` : '')))]
        .filter((d) => d !== '')
        .sort((a, b) => b.replace('~', '').localeCompare(a.replace('~', '')));
      const base = { file, entryId: entry.id, kind, claim, quotes: quoteList, passageIds, dates };
      if (outside) return void out.push({ ...base, status: 'outside' });
      const lost = quoteList.find((q) => quotes.find(q).length === 0);
      if (lost !== undefined) return void out.push({ ...base, status: 'not-found', reason: `quote not found in any passage: "${lost}"` });
      if (quoteList.length === 0) return void out.push({ ...base, status: 'unsupported', reason: 'has no evidence quote' });
      // Sentences and relations are judged against the whole sentences their
      // quotes come from (a quote may stop short of the date it sits beside);
      // a role's title must be in the quote itself.
      const reason = check(kind === 'role' || kind === 'date' ? quoteList.join(' ') : passagesText(quoteList).join(' '));
      out.push(reason === undefined ? { ...base, status: 'supported' } : { ...base, status: 'unsupported', reason });
    };
    const statedPublicationYears = (quoteList: readonly string[]): string[] =>
      quoteList
        .flatMap((q) => quotes.find(q))
        .map((id) => docById.get(passageById.get(id)?.documentId ?? ''))
        .filter((d) => d !== undefined && !d.publishedInferred)
        .map((d) => d!.published.slice(0, 4));
    const passagesText = (quoteList: readonly string[]): string[] =>
      [...new Set(quoteList.flatMap((q) => quotes.find(q)))].map((id) => passageById.get(id)?.text ?? '');

    for (const fact of entry.summary) {
      add('summary', fact.text, fact.evidence, fact.outsideCorpus === true, (evidence) => {
        // A stated (not inferred) publication date supports its own year.
        const statedYears = statedPublicationYears(fact.evidence);
        const numbers = missingNumbers(fact.text, evidence).filter((n) => !statedYears.includes(n));
        if (numbers.length > 0) return `its evidence never states ${numbers.join(', ')}`;
        const words = missingLoadedWords(fact.text, evidence);
        if (words.length > 0) return `its evidence never says "${words.join('", "')}"`;
        return droppedQualifier(fact.text, evidence);
      });
    }

    for (const role of entry.roles ?? []) {
      const claim = `${role.title}${role.from ? ` from ${role.from}` : ''}${role.until ? ` until ${role.until}` : ''}${role.ended ? ` until ${role.ended}` : ''}`;
      add('role', claim, [role.quote], role.outsideCorpus === true, (quote) => {
        const missing = missingTitleWords(role.title, quote);
        if (missing.length > 0) return `the title's "${missing.join('", "')}" is not in its quote`;
        const former = formerCue(quote);
        if (former !== undefined && role.until === undefined && role.ended === undefined) {
          return `its quote says "${former}": the role is over, so it needs until or ended`;
        }
        if (role.ended === 'death' && !DEATH.test(foldWords(quote))) return 'ended: death, but its quote does not say the holder died';
        // from/until/at may be stated by any evidence of the entry (the end of a
        // presidency is often told by the sentence about the flight).
        const all = entryEvidence(entry).join(' ');
        for (const [key, date] of [['from', role.from], ['until', role.until], ['at', role.at]] as const) {
          // An invalid date is reported by the build's date check.
          if (date === undefined || !isIsoDate(date)) continue;
          const parts = missingDateParts(date, all);
          if (parts.length > 0) return `${key} ${date}: no evidence of the entry states the ${parts.join(', ')}`;
        }
        return undefined;
      });
    }

    for (const rel of entry.related ?? []) {
      const other = byId.get(rel.id);
      const claim = `${entry.name} ${rel.relation} ${other?.name ?? rel.id}`;
      add('relation', claim, [rel.quote], rel.outsideCorpus === true, (quote) => {
        const words = missingLoadedWords(rel.relation, quote);
        if (words.length > 0) return `its quote never says "${words.join('", "')}"`;
        if (!other) return undefined;
        return backwardsRelation(rel.relation, quote, { name: entry.name, forms: nameForms(entry) }, { name: other.name, forms: nameForms(other) });
      });
    }

    for (const date of entry.dates ?? []) {
      const claim = `${date.label ?? entry.name}: ${date.start}${date.end ? ` – ${date.end}` : ''}${date.inferred ? ' (inferred)' : ''}`;
      add('date', claim, [date.quote], false, (quote) => {
        if (date.inferred || !isIsoDate(date.start)) return undefined;
        // "On 15 October" in an article of a stated date in 2025 states 15 October 2025.
        const stated = statedPublicationYears([date.quote]);
        const parts = missingDateParts(date.start, quote).filter((part) => !stated.some((year) => part === `year ${year}`));
        return parts.length > 0 ? `its quote does not state the ${parts.join(', ')}; give the date it states or mark it inferred` : undefined;
      });
    }

    if ((entry.participants ?? []).length > 0) {
      const evidence = entryEvidence(entry);
      const texts = passagesText(evidence).map(foldWords);
      for (const id of entry.participants ?? []) {
        const participant = byId.get(id);
        const claim = `${participant?.name ?? id} took part in ${entry.name}`;
        add('participant', claim, evidence, false, () => {
          if (!participant) return undefined;
          const forms = nameForms(participant);
          const naming = texts.filter((t) => forms.some((f) => ` ${t} `.includes(` ${f} `)));
          if (naming.length === 0) return `no evidence of ${entry.name} names ${participant.name}`;
          if (naming.every((t) => /\binvit/.test(t))) return `the corpus only says ${participant.name} was invited`;
          return undefined;
        });
      }
    }
  }
  return out;
}

/** Every quote an entry cites. */
function entryEvidence(entry: CatalogEntry): string[] {
  return [
    ...entry.summary.flatMap((f) => (f.outsideCorpus ? [] : f.evidence)),
    ...(entry.roles ?? []).filter((r) => !r.outsideCorpus).map((r) => r.quote),
    ...(entry.dates ?? []).map((d) => d.quote),
    ...(entry.related ?? []).filter((r) => !r.outsideCorpus).map((r) => r.quote),
  ];
}

/** Claims per status, every status listed. */
export function countByStatus(claims: readonly AuditedClaim[]): Record<ClaimStatus, number> {
  const counts: Record<ClaimStatus, number> = { supported: 0, 'not-found': 0, unsupported: 0, outside: 0 };
  for (const c of claims) counts[c.status] += 1;
  return counts;
}
