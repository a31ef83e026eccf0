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

  // Strong mentions, by entry: offsets in text order.
  const strong = new Map<number, number[]>();
  cands.forEach((cs, k) => {
    const only = cs.length === 1 ? cs[0]! : undefined;
    if (only !== undefined && !only.weak) {
      const starts = strong.get(only.entry);
      if (starts === undefined) strong.set(only.entry, [raw[k]!.start]);
      else starts.push(raw[k]!.start);
    }
  });

  const out: EntityMatch[] = [];
  cands.forEach((cs, k) => {
    if (cs.length === 0) return;
    const m = raw[k]!;
    const chosen = cs.length === 1 ? cs[0]! : choose(cs, m.start, strong);
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

/** Picks among ambiguous candidates of a mention starting at `start`. */
function choose(cs: readonly Candidate[], start: number, strong: ReadonlyMap<number, readonly number[]>): Candidate {
  let best: Candidate | undefined;
  let bestBefore = -1;
  let anywhere: Candidate | undefined;
  for (const cand of cs) {
    const starts = strong.get(cand.entry);
    if (starts === undefined) continue;
    anywhere ??= cand;
    // Nearest strong mention before this one (starts are in text order).
    let before = -1;
    for (const s of starts) {
      if (s >= start) break;
      before = s;
    }
    if (before > bestBefore) {
      bestBefore = before;
      best = cand;
    }
  }
  return best ?? anywhere ?? cs.find((cand) => cand.isDefault) ?? cs[0]!;
}
