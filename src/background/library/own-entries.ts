/**
 * The reader's own entries as records: the one schema and the one rule set
 * that `entries.add` and the library file's import both apply, the `Entry`
 * built from what the reader gave, and back again for export.
 */
import * as v from 'valibot';
import { ENTRY_TYPES } from '../../shared/catalog';
import type { CorpusDocument, Entry, Mention, Passage } from '../../shared/corpus';
import { findMentions } from '../../shared/corpus-text';
import { aliasProblem, MAX_OWN_ALIASES, MAX_OWN_DESCRIPTION, type OwnEntryInput } from '../../shared/own-entry';

const name = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200));
const isoDate = v.pipe(v.string(), v.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/));

/** What a reader may give for an own entry (the shape of `OwnEntryInput`), bounded. */
export const ownEntryInputSchema = v.strictObject({
  name,
  type: v.picklist(ENTRY_TYPES),
  aliases: v.pipe(v.array(name), v.maxLength(MAX_OWN_ALIASES)),
  description: v.pipe(v.string(), v.maxLength(MAX_OWN_DESCRIPTION)),
  start: v.optional(isoDate),
  end: v.optional(isoDate),
});

/** The distinct names an entry is marked by: its name first, then its other names. */
function namesOf(input: OwnEntryInput): string[] {
  return [...new Set([input.name, ...input.aliases].map((a) => a.trim()).filter(Boolean))];
}

/** Why the entry would mark common words (its first such name), or undefined when it is fine. */
export function ownEntryProblem(input: OwnEntryInput): string | undefined {
  for (const alias of namesOf(input)) {
    const problem = aliasProblem(alias);
    if (problem) return problem;
  }
  return undefined;
}

/** The stored entry (origin `user`) for what the reader gave; check {@link ownEntryProblem} first. */
export function ownEntryRecord(input: OwnEntryInput, id: string): Entry {
  const description = input.description.trim();
  return {
    id,
    name: input.name.trim(),
    type: input.type,
    aliases: namesOf(input).map((text) => ({ text })),
    // The reader's words, with no corpus sentence behind them: the card says so.
    summary: description ? [{ text: description, passageIds: [], outsideCorpus: true }] : [],
    roles: [],
    dates: input.start ? [{ start: input.start, ...(input.end ? { end: input.end } : {}), passageIds: [] }] : [],
    participants: [],
    origin: 'user',
  };
}

/** What the reader gave for a stored own entry: the inverse of {@link ownEntryRecord}, for export. */
export function ownEntryInputOf(entry: Entry): OwnEntryInput {
  const input: OwnEntryInput = {
    name: entry.name,
    type: entry.type,
    aliases: entry.aliases.map((a) => a.text).filter((text) => text !== entry.name),
    description: entry.summary[0]?.text ?? '',
  };
  const date = entry.dates[0];
  if (date?.start) input.start = date.start;
  if (date?.end) input.end = date.end;
  return input;
}

/**
 * Where `entries` are named in the reader's library documents (origin `user`;
 * others are skipped), by a matcher of these entries alone, as pages' matcher
 * would find them.
 */
export function ownEntryMentions(entries: readonly Entry[], documents: Iterable<CorpusDocument>, passages: Iterable<Passage>): Mention[] {
  if (entries.length === 0) return [];
  const library = [...documents].filter((d) => d.origin === 'user');
  const ids = new Set(library.map((d) => d.id));
  const theirs = [...passages].filter((p) => ids.has(p.documentId));
  return findMentions(library, theirs, entries.map(({ id, type, aliases }) => ({ id, type, aliases })));
}
