/**
 * Assembles the corpus bundle from documents and catalog entries: validates the
 * catalog against the corpus, splits passages, finds mentions with the runtime
 * matcher, resolves evidence, derives relations and the timeline, hashes.
 * Pure (no file system); `scripts/build-corpus.ts` does the reading.
 */
import { createHash } from 'node:crypto';
import { ENTRY_TYPES, type AliasSpec, type CatalogEntry } from '../../src/shared/catalog';
import type {
  CorpusBundle,
  CorpusDocument,
  Entry,
  EntryRelation,
  Mention,
  TimelineEvent,
} from '../../src/shared/corpus';
import { aliasKey } from '../../src/shared/matcher/index';
import type { MatcherEntry } from '../../src/shared/matcher/types';
import { compareTimelineEvents } from '../../src/shared/timeline-order';
import { corpusPassages, findMentions } from '../../src/shared/corpus-text';
import { CatalogError, type CatalogProblem } from './catalog-yaml';
import { auditClaims, claimProblem } from './claims';
import { isIsoDate } from './documents';
import { QuoteIndex } from './evidence';

/** A catalog entry with the file it was authored in. */
export interface SourcedEntry {
  file: string;
  entry: CatalogEntry;
}

/** The relation label of derived co-mention relations. */
export const CO_MENTION = 'mentioned together';

/** The entry's aliases with its display name added (when no alias already folds to it). */
export function aliasesWithName(entry: Pick<CatalogEntry, 'name' | 'aliases'>): AliasSpec[] {
  const out: AliasSpec[] = [];
  const seen = new Set<string>();
  for (const a of entry.aliases) {
    const key = aliasKey(a.text);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...a });
  }
  if (!seen.has(aliasKey(entry.name))) out.unshift({ text: entry.name });
  return out;
}

export { corpusPassages, findMentions } from '../../src/shared/corpus-text';

/** JSON with object keys sorted, for hashing. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Validates the catalog against the documents and assembles the bundle. Every
 * problem is collected; if any, one {@link CatalogError} lists them all.
 */
export function assembleCorpus(documents: readonly CorpusDocument[], catalog: readonly SourcedEntry[]): CorpusBundle {
  const problems: CatalogProblem[] = [];
  const problem = (s: SourcedEntry, message: string) => problems.push({ file: s.file, entryId: s.entry.id, message });

  // --- ids and types
  const byId = new Map<string, SourcedEntry>();
  for (const s of catalog) {
    const other = byId.get(s.entry.id);
    if (other) problem(s, `duplicate id (also defined in ${other.file})`);
    else byId.set(s.entry.id, s);
    if (!ID.test(s.entry.id)) problem(s, 'id must be kebab-case (a-z, 0-9, single hyphens)');
    if (!(ENTRY_TYPES as readonly string[]).includes(s.entry.type)) {
      problem(s, `unknown type "${s.entry.type}" (expected one of ${ENTRY_TYPES.join(', ')})`);
    }
  }
  const unique = [...byId.values()];

  // --- references and dates
  for (const s of catalog) {
    const e = s.entry;
    for (const r of e.related ?? []) {
      if (!byId.has(r.id)) problem(s, `related id "${r.id}" is not a catalog entry`);
      else if (r.id === e.id) problem(s, 'is related to itself');
    }
    for (const p of e.participants ?? []) {
      if (!byId.has(p)) problem(s, `participant id "${p}" is not a catalog entry`);
    }
    for (const r of e.roles ?? []) {
      for (const [k, v] of [['from', r.from], ['until', r.until]] as const) {
        if (v !== undefined && !isIsoDate(v)) problem(s, `role "${r.title}": ${k} "${v}" is not a valid date (YYYY, YYYY-MM or YYYY-MM-DD)`);
      }
      if (r.from && r.until && isIsoDate(r.from) && isIsoDate(r.until) && r.until < r.from) {
        problem(s, `role "${r.title}": until ${r.until} is before from ${r.from}`);
      }
    }
    const starts = new Set<string>();
    for (const d of e.dates ?? []) {
      if (!isIsoDate(d.start)) problem(s, `date start "${d.start}" is not a valid date (YYYY, YYYY-MM or YYYY-MM-DD)`);
      if (d.end !== undefined && !isIsoDate(d.end)) problem(s, `date end "${d.end}" is not a valid date (YYYY, YYYY-MM or YYYY-MM-DD)`);
      if (d.end !== undefined && isIsoDate(d.start) && isIsoDate(d.end) && d.end < d.start) {
        problem(s, `date end ${d.end} is before start ${d.start}`);
      }
      if (starts.has(d.start)) problem(s, `two dates start on ${d.start} (timeline ids must be unique)`);
      starts.add(d.start);
    }
    if (e.summary.length === 0) problem(s, 'has no summary');
    e.summary.forEach((f, i) => {
      if (f.evidence.length === 0 && !f.outsideCorpus) problem(s, `summary #${i + 1} has no evidence quote`);
    });
  }

  // --- aliases
  const matcherEntries: MatcherEntry[] = unique.map((s) => ({
    id: s.entry.id,
    type: s.entry.type,
    aliases: aliasesWithName(s.entry),
  }));
  const claims = new Map<string, { s: SourcedEntry; alias: AliasSpec }[]>();
  unique.forEach((s, i) => {
    for (const alias of matcherEntries[i]!.aliases) {
      const key = aliasKey(alias.text);
      if (key === '') {
        problem(s, `alias "${alias.text}" has no letters or digits`);
        continue;
      }
      const list = claims.get(key) ?? [];
      list.push({ s, alias });
      claims.set(key, list);
    }
  });
  for (const list of claims.values()) {
    if (list.length < 2) continue;
    const names = (except: SourcedEntry) =>
      list.filter((c) => c.s !== except).map((c) => `${c.s.entry.id} (${c.s.file})`).join(', ');
    if (!list.every((c) => c.alias.shared === true)) {
      for (const c of list) {
        if (c.alias.shared === true) continue;
        problem(c.s, `alias "${c.alias.text}" is also claimed by ${names(c.s)}; mark every claim shared: true (with one default: true) or drop it`);
      }
      continue;
    }
    const defaults = list.filter((c) => c.alias.default === true);
    if (defaults.length !== 1) {
      const first = list[0]!;
      problem(
        first.s,
        `shared alias "${first.alias.text}" (claimed by ${list.map((c) => c.s.entry.id).join(', ')}) needs exactly one default: true, found ${defaults.length}`,
      );
    }
  }

  // --- passages and evidence
  const { passages, all, replaced } = corpusPassages(documents);
  const quotes = new QuoteIndex(all);
  const resolve = (s: SourcedEntry, quote: string, where: string): string[] => {
    const ids = quotes.find(quote);
    if (ids.length === 0) {
      problem(s, `${where}: quote not found in any passage: "${quote}"`);
      return [];
    }
    return [...new Set(ids.map((id) => replaced.get(id) ?? id))];
  };

  // --- support: a quote that is corpus text must also say what its claim says
  // (quotes that are not corpus text are reported by resolve above).
  for (const claim of auditClaims(documents, all, unique, quotes)) {
    if (claim.status === 'unsupported') problems.push({ file: claim.file, entryId: claim.entryId, message: claimProblem(claim) });
  }

  // --- mentions
  let mentions: Mention[] = [];
  let matched = true;
  try {
    mentions = findMentions(documents, passages, matcherEntries);
  } catch (e) {
    matched = false;
    problems.push({ file: '(catalog)', entryId: '(matcher)', message: `the matcher rejected the catalog: ${(e as Error).message}` });
  }
  const mentioned = new Set(mentions.map((m) => m.entryId));
  for (const s of unique) {
    if (matched && !mentioned.has(s.entry.id)) {
      problem(s, `never mentioned in the corpus (no alias of "${s.entry.name}" matches any passage)`);
    }
  }

  // --- entries
  const entries: Entry[] = [];
  const relations = new Map<string, EntryRelation>();
  const timeline: TimelineEvent[] = [];
  unique.forEach((s, i) => {
    const e = s.entry;
    const entry: Entry = {
      id: e.id,
      name: e.name,
      type: e.type,
      aliases: matcherEntries[i]!.aliases,
      summary: e.summary.map((f, n) => ({
        text: f.text,
        passageIds: [...new Set(f.evidence.flatMap((q) => resolve(s, q, `summary #${n + 1}`)))],
        ...(f.outsideCorpus ? { outsideCorpus: true } : {}),
      })),
      roles: (e.roles ?? []).map(({ quote, ...role }) => ({ ...role, passageIds: resolve(s, quote, `role "${role.title}"`) })),
      dates: (e.dates ?? []).map(({ quote, ...date }) => ({ ...date, passageIds: resolve(s, quote, `date ${date.start}`) })),
      participants: [...(e.participants ?? [])],
      origin: 'bundled',
    };
    entries.push(entry);
    for (const d of entry.dates) {
      const event: TimelineEvent = {
        id: `${e.id}@${d.start}`,
        entryId: e.id,
        start: d.start,
        inferred: d.inferred === true,
        passageIds: d.passageIds,
      };
      if (d.end !== undefined) event.end = d.end;
      if (d.label !== undefined) event.label = d.label;
      timeline.push(event);
    }
    for (const r of e.related ?? []) {
      const ids = resolve(s, r.quote, `related ${r.id}`);
      const id = `${e.id}→${r.id}:${r.relation}`;
      const existing = relations.get(id);
      if (existing) existing.passageIds = [...new Set([...existing.passageIds, ...ids])];
      else relations.set(id, { id, from: e.id, to: r.id, relation: r.relation, kind: 'authored', passageIds: ids, ...(r.outsideCorpus ? { outsideCorpus: true } : {}) });
    }
  });

  if (problems.length > 0) throw new CatalogError(problems);

  // --- co-mentions
  const inPassage = new Map<string, Set<string>>();
  for (const m of mentions) {
    const set = inPassage.get(m.passageId) ?? new Set<string>();
    set.add(m.entryId);
    inPassage.set(m.passageId, set);
  }
  for (const p of passages) {
    const ids = [...(inPassage.get(p.id) ?? [])].sort();
    for (let a = 0; a < ids.length; a++) {
      for (let b = a + 1; b < ids.length; b++) {
        const id = `${ids[a]}→${ids[b]}:${CO_MENTION}`;
        const rel = relations.get(id);
        if (rel) rel.passageIds.push(p.id);
        else relations.set(id, { id, from: ids[a]!, to: ids[b]!, relation: CO_MENTION, kind: 'co-mention', passageIds: [p.id] });
      }
    }
  }

  const docs = [...documents].sort((a, b) => (a.published === b.published ? a.id.localeCompare(b.id) : a.published.localeCompare(b.published)));
  const body: Omit<CorpusBundle, 'hash'> = {
    asOf: docs.reduce((max, d) => (d.published > max ? d.published : max), ''),
    documents: docs,
    passages,
    entries: entries.sort((a, b) => a.id.localeCompare(b.id)),
    mentions,
    relations: [...relations.values()].sort((a, b) => a.id.localeCompare(b.id)),
    timeline: timeline.sort(compareTimelineEvents),
  };
  const hash = createHash('sha256').update(canonicalJson(body)).digest('hex');
  return { hash, ...body };
}
