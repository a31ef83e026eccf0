/**
 * Ambiguity, weak aliases and exclusions: decisions that need the whole text,
 * made after the scan over its (few) raw mentions.
 *
 * - A *strong* mention of an entry is one whose alias, after exclusions, can
 *   only mean that entry and is not weak ("Bashar al-Assad").
 * - An ambiguous mention ("Assad") first looks for local context: the
 *   candidate strongly mentioned nearest before it, provided that mention is in
 *   the same block (blocks are separated by U+0000 or a blank line) or at most
 *   {@link LOCAL_SPAN} characters before. "Hafez al-Assad died. At Assad's
 *   funeral…" means Hafez; a bare "Assad" five paragraphs later does not.
 * - Without local context it is a text-wide choice: a weak claim never beats a
 *   strong one (the catalog marks a claim weak precisely because the bare form
 *   rarely means that entry); among the rest, the candidate with the most strong
 *   mentions in the text, then the alias's default, then the first claimant.
 * - A weak mention is kept only when its chosen entry is strongly mentioned.
 */
import type { Claim } from './compile';
import type { RawMatch } from './scan';
import { NEWLINE, SEP, fold } from './fold';
import type { EntityMatch } from './types';

/** How far (UTF-16 units) before a mention a strong mention still counts as local context across blocks. */
export const LOCAL_SPAN = 250;

/** One candidate of a mention: the entry and how it claims the alias. */
interface Candidate {
  entry: number;
  weak: boolean;
  isDefault: boolean;
}

/** Candidates of a raw mention after exclusions, one per entry (a strong claim beats a weak one). */
function candidatesOf(claims: readonly Claim[], entryIds: readonly string[], exclude: ReadonlySet<string> | undefined): Candidate[] {
  const out: Candidate[] = [];
  for (const claim of claims) {
    if (exclude !== undefined && exclude.has(entryIds[claim.entry]!)) continue;
    const seen = out.find((cand) => cand.entry === claim.entry);
    if (seen === undefined) out.push({ entry: claim.entry, weak: claim.weak, isDefault: claim.isDefault });
    else {
      seen.weak &&= claim.weak;
      seen.isDefault ||= claim.isDefault;
    }
  }
  return out;
}

/**
 * Finds block separators lazily, for offsets asked in increasing order: the
 * text is searched (with native `indexOf`) only as far as a question needs,
 * and at most once in all.
 */
class BlockBreaks {
  /** Offset of the last block separator found before {@link scanned}, or -1. */
  private last = -1;
  /** Everything before this offset has been searched. */
  private scanned = 0;
  private nextNul = -2;
  private nextNewline = -2;

  constructor(private readonly text: string) {}

  /** Offset of the last block separator before `to` (which never decreases between calls), or -1. */
  lastBefore(to: number): number {
    if (to <= this.scanned) return this.last;
    const text = this.text;
    const n = text.length;
    if (this.nextNul < this.scanned) this.nextNul = indexOr(text, '\u0000', this.scanned, n);
    if (this.nextNul < to) {
      // Every U+0000 before `to` is a separator: only the last one matters.
      const at = text.lastIndexOf('\u0000', to - 1);
      if (at > this.last) this.last = at;
      this.nextNul = indexOr(text, '\u0000', to, n);
    }
    if (this.nextNewline < this.scanned) this.nextNewline = indexOr(text, '\n', this.scanned, n);
    while (this.nextNewline < to) {
      // A blank line: a second line feed in the same gap of spaces and hyphens.
      let j = this.nextNewline + 1;
      while (j < n && fold(text.charCodeAt(j)) === SEP) j++;
      if (j < n && fold(text.charCodeAt(j)) === NEWLINE) {
        if (j < to && j > this.last) this.last = j;
      }
      this.nextNewline = indexOr(text, '\n', this.nextNewline + 1, n);
    }
    this.scanned = to;
    return this.last;
  }
}

function indexOr(text: string, search: string, from: number, otherwise: number): number {
  const at = text.indexOf(search, from);
  return at < 0 ? otherwise : at;
}

/** Turns raw mentions into resolved {@link EntityMatch}es (see the module comment). */
export function resolve(
  raw: readonly RawMatch[],
  text: string,
  entryIds: readonly string[],
  exclude: ReadonlySet<string> | undefined,
): EntityMatch[] {
  if (raw.length === 0) return [];
  const cands = raw.map((m) => candidatesOf(m.claims, entryIds, exclude));

  // How many times each entry is strongly mentioned in the whole text.
  const strongCount = new Map<number, number>();
  for (const cs of cands) {
    if (cs.length === 1 && !cs[0]!.weak) strongCount.set(cs[0]!.entry, (strongCount.get(cs[0]!.entry) ?? 0) + 1);
  }

  // Walking in text order, the span of the latest strong mention of each entry
  // so far: the "nearest preceding" context in O(1) per candidate.
  const lastStart = new Map<number, number>();
  const lastEnd = new Map<number, number>();
  let blocks: BlockBreaks | undefined;
  const sameBlock = (from: number, to: number): boolean => (blocks ??= new BlockBreaks(text)).lastBefore(to) < from;

  const out: EntityMatch[] = [];
  cands.forEach((cs, k) => {
    if (cs.length === 0) return;
    const m = raw[k]!;
    let chosen: Candidate;
    if (cs.length === 1) {
      chosen = cs[0]!;
      if (!chosen.weak) {
        lastStart.set(chosen.entry, m.start);
        lastEnd.set(chosen.entry, m.end);
      }
    } else {
      chosen = local(cs, m.start, lastStart, lastEnd, sameBlock) ?? textWide(cs, strongCount);
    }
    if (chosen.weak && !strongCount.has(chosen.entry)) return;
    out.push({
      start: m.start,
      end: m.end,
      entryId: entryIds[chosen.entry]!,
      candidates: cs.map((cand) => entryIds[cand.entry]!),
      weak: chosen.weak,
    });
  });
  return out;
}

/** The candidate strongly mentioned nearest before `at`, if that mention is local (see the module comment). */
function local(
  cs: readonly Candidate[],
  at: number,
  lastStart: ReadonlyMap<number, number>,
  lastEnd: ReadonlyMap<number, number>,
  sameBlock: (from: number, to: number) => boolean,
): Candidate | undefined {
  let best: Candidate | undefined;
  let bestStart = -1;
  for (const cand of cs) {
    const before = lastStart.get(cand.entry);
    if (before !== undefined && before > bestStart) {
      bestStart = before;
      best = cand;
    }
  }
  if (best === undefined) return undefined;
  return at - lastEnd.get(best.entry)! <= LOCAL_SPAN || sameBlock(bestStart, at) ? best : undefined;
}

/** The text-wide choice: strong claims first, then most strong mentions, then the default, then the first. */
function textWide(cs: readonly Candidate[], strongCount: ReadonlyMap<number, number>): Candidate {
  let best = cs[0]!;
  for (let k = 1; k < cs.length; k++) {
    const cand = cs[k]!;
    if (cand.weak !== best.weak) {
      if (!cand.weak) best = cand;
      continue;
    }
    const a = strongCount.get(cand.entry) ?? 0;
    const b = strongCount.get(best.entry) ?? 0;
    if (a > b || (a === b && cand.isDefault && !best.isDefault)) best = cand;
  }
  return best;
}
