/**
 * Ambiguity, weak aliases and exclusions: decisions that need the whole text,
 * made after the scan over its (few) raw mentions.
 *
 * - A *strong* mention of an entry is one whose alias, after exclusions, can
 *   only mean that entry and is not weak ("Bashar al-Assad").
 * - An ambiguous mention picks the candidate strongly mentioned nearest before
 *   it, else one strongly mentioned anywhere, else the alias's default, else the
 *   first claimant.
 * - A weak mention is kept only when its chosen entry is strongly mentioned.
 */
import type { Claim } from './compile';
import type { RawMatch } from './scan';
import type { EntityMatch } from './types';

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

/** Turns raw mentions into resolved {@link EntityMatch}es (see the module comment). */
export function resolve(
  raw: readonly RawMatch[],
  entryIds: readonly string[],
  exclude: ReadonlySet<string> | undefined,
): EntityMatch[] {
  if (raw.length === 0) return [];
  const cands = raw.map((m) => candidatesOf(m.claims, entryIds, exclude));

  // Entries strongly mentioned anywhere in the text.
  const strong = new Set<number>();
  for (const cs of cands) if (cs.length === 1 && !cs[0]!.weak) strong.add(cs[0]!.entry);

  // Walking in text order, the start of the latest strong mention of each entry
  // so far: the "nearest preceding" context in O(1) per candidate.
  const lastStrong = new Map<number, number>();
  const out: EntityMatch[] = [];
  cands.forEach((cs, k) => {
    if (cs.length === 0) return;
    const m = raw[k]!;
    const chosen = cs.length === 1 ? cs[0]! : choose(cs, lastStrong, strong);
    if (cs.length === 1 && !chosen.weak) lastStrong.set(chosen.entry, m.start);
    if (chosen.weak && !strong.has(chosen.entry)) return;
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

/** Picks among ambiguous candidates (see the module comment). */
function choose(cs: readonly Candidate[], lastStrong: ReadonlyMap<number, number>, strong: ReadonlySet<number>): Candidate {
  let best: Candidate | undefined;
  let bestStart = -1;
  for (const cand of cs) {
    const before = lastStrong.get(cand.entry);
    if (before !== undefined && before > bestStart) {
      bestStart = before;
      best = cand;
    }
  }
  return best ?? cs.find((cand) => strong.has(cand.entry)) ?? cs.find((cand) => cand.isDefault) ?? cs[0]!;
}
