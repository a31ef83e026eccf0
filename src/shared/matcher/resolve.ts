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
 * - A dated alias claim (`AliasSpec.years`) is checked against the year of
 *   its mention (`years.ts`): a year in the phrase drops the claims it does
 *   not fit; a nearby year or the page's date chooses among namesakes (after
 *   local context), and counts as the support a weak claim needs.
 * - A weak mention is kept only when its chosen entry is strongly mentioned
 *   in the same region of the text: within {@link REGION_SPAN} characters
 *   before or after it (a bare "Ahmed" three paragraphs from "Elham Ahmed"
 *   is someone else).
 * - Before any of this, a mention its context shows to be no name of the
 *   catalog ("The Washington Post", "WHAT IS NEXT", "cold turkey") is dropped
 *   (`context.ts`); it then counts for nothing.
 *
 * Only the returned matches are allocated: candidate lists are the compiled,
 * shared ones unless the reader excluded entries, and the per-entry context
 * lives in scratch arrays reused across calls.
 */
import { isInflectedScript } from './languages/morphology';
import { afterTitle } from './languages/titles';
import type { Candidate, Claim, Compiled } from './compile';
import { candidatesOf, groupCandidates } from './compile';
import type { RawMatches } from './scan';
import { blockBreakBetween, rejectedByContext } from './context';
import { fitsYear, mentionYear } from './years';
import type { EntityMatch } from './types';

/** How far (UTF-16 units) before a mention a strong mention still counts as local context across blocks. */
export const LOCAL_SPAN = 250;

/** How far (UTF-16 units, about a paragraph) a strong mention of the same entry licenses a weak one, before or after. */
export const REGION_SPAN = 600;

/** Per-entry scratch, indexed by entry; entries touched by a call are reset at its end. */
let strongCount = new Int32Array(64);
let lastStart = new Int32Array(64).fill(-1);
let lastEnd = new Int32Array(64);
let touched = new Int32Array(64);
/** Per-mention candidate lists of the current call (references only; entries from `count` on are stale). */
const mentionCands: (readonly Candidate[])[] = [];

function ensureScratch(entries: number): void {
  if (strongCount.length >= entries) return;
  let size = strongCount.length;
  while (size < entries) size *= 2;
  strongCount = new Int32Array(size);
  lastStart = new Int32Array(size).fill(-1);
  lastEnd = new Int32Array(size);
  touched = new Int32Array(size);
}

/**
 * Offset of the last block separator before each mention, from those the
 * scanner recorded, for offsets asked in increasing order.
 */
class BlockBreaks {
  private next = 0;
  private last = -1;

  constructor(private readonly raw: RawMatches) {}

  lastBefore(to: number): number {
    const { breaks, breakCount } = this.raw;
    while (this.next < breakCount && breaks[this.next]! < to) this.last = breaks[this.next++]!;
    return this.last;
  }
}

/** Turns raw mentions into resolved {@link EntityMatch}es (see the module comment). */
export function resolve(raw: RawMatches, text: string, c: Compiled, exclude: ReadonlySet<string> | undefined, pageYear = 0): EntityMatch[] {
  const count = raw.count;
  if (count === 0) return [];
  const entryIds = c.entryIds;
  const shared = exclude === undefined || exclude.size === 0;
  ensureScratch(entryIds.length);
  ensureMentionScratch(count);
  let touchedCount = 0;

  // Candidates of each mention, and how many times each entry is strongly mentioned.
  for (let k = 0; k < count; k++) {
    mentionDated[k] = -1;
    mentionStart[k] = -1;
    const g = raw.group[k]!;
    const shape = c.groupShape[g >= 0 ? g : raw.filteredGroup[-1 - g]!]!;
    if (rejectedByContext(text, raw.start[k]!, raw.end[k]!, shape, k > 0 ? raw.end[k - 1]! : 0, k + 1 < count ? raw.start[k + 1]! : text.length)) {
      mentionCands[k] = NONE;
      continue;
    }
    let cs: readonly Candidate[] =
      shared && g >= 0 ? groupCandidates(c, g).candidates : candidatesOf(g >= 0 ? c.groups[g]! : (raw.filtered[-1 - g] as readonly Claim[]), entryIds, exclude);
    if (c.groupHasYears[g >= 0 ? g : raw.filteredGroup[-1 - g]!] === 1) cs = dated(k, cs, raw, text, pageYear);
    mentionCands[k] = cs;
    if (cs.length === 1 && !cs[0]!.weak) {
      const e = cs[0]!.entry;
      if (strongCount[e]! === 0) touched[touchedCount++] = e;
      strongCount[e]!++;
    }
  }

  let blocks: BlockBreaks | undefined;
  const out: EntityMatch[] = [];
  for (let k = 0; k < count; k++) {
    const cs = mentionCands[k]!;
    if (cs.length === 0) continue;
    const start = raw.start[k]!;
    let chosen: Candidate;
    if (cs.length === 1) {
      chosen = cs[0]!;
      // Walking in text order: the latest strong mention of each entry so far.
      if (!chosen.weak) {
        lastStart[chosen.entry] = start;
        lastEnd[chosen.entry] = raw.end[k]!;
      }
    } else {
      // Local context: the candidate strongly mentioned nearest before.
      let best: Candidate | undefined;
      let bestStart = -1;
      for (const cand of cs) {
        if (lastStart[cand.entry]! > bestStart) {
          bestStart = lastStart[cand.entry]!;
          best = cand;
        }
      }
      if (best !== undefined && start - lastEnd[best.entry]! > LOCAL_SPAN && (blocks ??= new BlockBreaks(raw)).lastBefore(start) >= bestStart) {
        best = undefined;
      }
      // Without local context, a year chose (the date is then this mention's support), else the text.
      if (best === undefined && mentionDated[k]! >= 0) best = cs.find((cand) => cand.entry === mentionDated[k]);
      else if (best !== undefined) mentionDated[k] = -1;
      chosen = best ?? textWide(cs);
    }
    if (chosen.weak && mentionDated[k] !== chosen.entry && !afterTitle(text, start)) {
      if (!strongNearby(chosen.entry, k, raw, count)) continue;
      // Arabic and Russian weak names are common words ("الأسد" the lion, "الشرع" the law): support from
      // the same paragraph or within NEAR_SPAN (a paragraph or two of this denser script).
      if (isInflectedScript(text.charCodeAt(start)) && !strongInBlock(chosen.entry, k, raw, count, text)) continue;
    }
    const g = raw.group[k]!;
    out.push({
      start: mentionStart[k] !== -1 ? mentionStart[k]! : start,
      end: raw.end[k]!,
      entryId: entryIds[chosen.entry]!,
      // Shared and frozen: readers only read it.
      candidates: (shared && g >= 0 ? groupCandidates(c, g).ids : Object.freeze(cs.map((cand) => entryIds[cand.entry]!))) as string[],
      weak: chosen.weak,
    });
  }

  for (let t = 0; t < touchedCount; t++) strongCount[touched[t]!] = 0;
  // lastStart is set only for strongly mentioned entries: the same list resets it.
  for (let t = 0; t < touchedCount; t++) lastStart[touched[t]!] = -1;
  // The list keeps its length for the next call (no regrowth); it drops its references.
  mentionCands.fill(NONE, 0, count);
  return out;
}

/** Per mention of the current call: the entry its year chose among several, else -1. */
let mentionDated = new Int32Array(256);
/** Per mention of the current call: its start when a year right before it joined it, else -1. */
let mentionStart = new Int32Array(256);

/** Makes room in the per-mention scratch for `count` mentions (typed arrays: no holes, no growth per call). */
function ensureMentionScratch(count: number): void {
  if (mentionDated.length >= count) return;
  let size = mentionDated.length;
  while (size < count) size *= 2;
  mentionDated = new Int32Array(size);
  mentionStart = new Int32Array(size);
}

/**
 * The candidates of dated mention `k` that fit its year (see `years.ts`): a
 * year inside the phrase drops the claims it does not fit (the scanner already
 * refused a phrase whose year fits none, and tried the names inside it), and so does a year right before it that leaves one claim (the year
 * then joins the mention); any other year (right before, nearby, the page's
 * date) chooses when exactly one dated candidate fits it, and otherwise
 * changes nothing.
 */
function dated(k: number, cs: readonly Candidate[], raw: RawMatches, text: string, pageYear: number): readonly Candidate[] {
  const { year, explicit, start } = mentionYear(text, raw.start[k]!, raw.end[k]!, pageYear);
  if (year === 0) return cs;
  const fit = cs.filter((cand) => fitsYear(cand, year));
  const inside = explicit && start === raw.start[k];
  // A year before the phrase joins it only when it picks one claim ("the 2016 fall of Aleppo");
  // "In 1982 Assad's troops" merely dates the namesakes.
  if (inside || (explicit && fit.length === 1)) {
    if (!inside) mentionStart[k] = start;
    return fit;
  }
  const datedFits = fit.filter((cand) => cand.from > 0);
  if (cs.length > 1 && datedFits.length === 1) mentionDated[k] = datedFits[0]!.entry;
  return cs;
}

/** No candidate: a mention its context rejected. */
const NONE: readonly Candidate[] = Object.freeze([]);

/**
 * Whether `entry` is strongly mentioned within {@link REGION_SPAN} of mention
 * `k`: before it (the latest such mention, from the forward walk) or after it.
 */
function strongNearby(entry: number, k: number, raw: RawMatches, count: number): boolean {
  if (strongCount[entry] === 0) return false;
  if (lastStart[entry]! >= 0 && raw.start[k]! - lastEnd[entry]! <= REGION_SPAN) return true;
  const end = raw.end[k]!;
  for (let j = k + 1; j < count && raw.start[j]! - end <= REGION_SPAN; j++) {
    const cs = mentionCands[j]!;
    if (cs.length === 1 && cs[0]!.entry === entry && !cs[0]!.weak) return true;
  }
  return false;
}

/** How far (UTF-16 units) a strong mention licenses an Arabic or Russian weak one across paragraphs. */
export const NEAR_SPAN = 300;

/** Whether a strong mention of `entry` near mention `k` (see {@link strongNearby}) is in the same block. */
function strongInBlock(entry: number, k: number, raw: RawMatches, count: number, text: string): boolean {
  const start = raw.start[k]!;
  if (lastStart[entry]! >= 0 && start - lastEnd[entry]! <= REGION_SPAN && (start - lastEnd[entry]! <= NEAR_SPAN || !blockBreakBetween(text, lastEnd[entry]!, start))) return true;
  const end = raw.end[k]!;
  for (let j = k + 1; j < count && raw.start[j]! - end <= REGION_SPAN; j++) {
    const cs = mentionCands[j]!;
    if (cs.length === 1 && cs[0]!.entry === entry && !cs[0]!.weak) return raw.start[j]! - end <= NEAR_SPAN || !blockBreakBetween(text, end, raw.start[j]!);
  }
  return false;
}

/** The text-wide choice: strong claims first, then most strong mentions, then the default, then the first. */
function textWide(cs: readonly Candidate[]): Candidate {
  let best = cs[0]!;
  for (let k = 1; k < cs.length; k++) {
    const cand = cs[k]!;
    if (cand.weak !== best.weak) {
      if (!cand.weak) best = cand;
      continue;
    }
    const a = strongCount[cand.entry]!;
    const b = strongCount[best.entry]!;
    if (a > b || (a === b && cand.isDefault && !best.isDefault)) best = cand;
  }
  return best;
}
