/**
 * The mentions the annotator has counted, each tied to a node that says
 * whether it is still in the page.
 *
 * Pages remove content all the time (a live blog replaces its posts, an
 * infinite scroll recycles its rows), and the marks go with it. Counts, the
 * cap and the page report must follow what is present, so every counted
 * mention keeps one node: the text node its name starts in until it is
 * wrapped, then its mark. {@link MentionLedger.sweep} drops the mentions
 * whose node left the document: one `isConnected` read per mention (a flag
 * in both engines), so a sweep over the cap's 5,000 costs well under a
 * millisecond, and it runs only after the page removed something. Nothing
 * else keeps a removed node alive: memory follows what the page holds.
 *
 * Not a recount of the page's `bs-mark` elements: counts also cover mentions
 * that have no element yet (held until near the viewport) or never will
 * (densities "first" and "sections" count the later mentions of a name
 * without marking them).
 */

/** A mention to be marked (wrapped now or held), or one only counted (its slot marked already, see `shared/density.ts`). */
export type MentionKind = 'mark' | 'counted';

interface Tracked {
  entryId: string;
  kind: MentionKind;
  /** Where one mark is kept under the density (the entry, or the entry in its section); the entry id when every mention is marked. */
  slot: string;
  /** Its text node, then its mark once wrapped: out of the document means the mention is gone. */
  node: Node;
}

/** What a {@link MentionLedger.sweep} dropped. */
export interface SweepResult {
  /** Mentions dropped (both kinds). */
  dropped: number;
  /** Marks among them. */
  marks: number;
  /** Entries whose last mark in a slot went while mentions of that slot are still counted (the density should mark another). */
  unmarked: string[];
}

/** Counted mentions by their number on the page (`MentionMark.mention`). */
export class MentionLedger {
  private readonly tracked = new Map<number, Tracked>();
  private readonly perEntry = new Map<string, number>();
  private readonly marksPerSlot = new Map<string, number>();
  private readonly perSlot = new Map<string, number>();
  private markTotal = 0;

  /** Mentions to be marked (wrapped or held), the figure the cap applies to. */
  get marks(): number {
    return this.markTotal;
  }

  /** Mentions tracked, of both kinds (for tests: memory follows the page). */
  get size(): number {
    return this.tracked.size;
  }

  /** True while some mention of `slot` (see {@link MentionLedger.add}) is marked or to be marked. */
  hasMark(slot: string): boolean {
    return (this.marksPerSlot.get(slot) ?? 0) > 0;
  }

  /** Mentions per entry id. */
  counts(): Record<string, number> {
    return Object.fromEntries(this.perEntry);
  }

  /** Counts mention number `mention` of `entryId` in `slot` (default: the entry), present while `node` is in the document. */
  add(mention: number, entryId: string, kind: MentionKind, node: Node, slot: string = entryId): void {
    this.forget(mention);
    this.tracked.set(mention, { entryId, kind, node, slot });
    bump(this.perEntry, entryId, 1);
    bump(this.perSlot, slot, 1);
    if (kind === 'mark') {
      bump(this.marksPerSlot, slot, 1);
      this.markTotal++;
    }
  }

  /** The mention's mark (any of its pieces) now stands for it. */
  anchor(mention: number, node: Node): void {
    const t = this.tracked.get(mention);
    if (t) t.node = node;
  }

  /** Stops counting a mention; false when it was not counted (already forgotten or swept). */
  forget(mention: number): boolean {
    const t = this.tracked.get(mention);
    if (!t) return false;
    this.tracked.delete(mention);
    this.uncount(t);
    return true;
  }

  /** Drops every counted-only mention (a pass over the whole body counts them again). */
  forgetCounted(): void {
    for (const [mention, t] of this.tracked) if (t.kind === 'counted') this.forget(mention);
  }

  /** Drops the mentions whose node left the document. */
  sweep(): SweepResult {
    const result: SweepResult = { dropped: 0, marks: 0, unmarked: [] };
    for (const [mention, t] of this.tracked) {
      if (t.node.isConnected) continue;
      this.tracked.delete(mention);
      this.uncount(t);
      result.dropped++;
      if (t.kind !== 'mark') continue;
      result.marks++;
      if (!this.hasMark(t.slot) && this.perSlot.has(t.slot) && !result.unmarked.includes(t.entryId)) result.unmarked.push(t.entryId);
    }
    return result;
  }

  /** Forgets everything. */
  clear(): void {
    this.tracked.clear();
    this.perEntry.clear();
    this.perSlot.clear();
    this.marksPerSlot.clear();
    this.markTotal = 0;
  }

  private uncount(t: Tracked): void {
    bump(this.perEntry, t.entryId, -1);
    bump(this.perSlot, t.slot, -1);
    if (t.kind === 'mark') {
      bump(this.marksPerSlot, t.slot, -1);
      this.markTotal--;
    }
  }
}

/** Adds `by` to `key`'s number; a number that falls to 0 is removed. */
function bump(map: Map<string, number>, key: string, by: number): void {
  const next = (map.get(key) ?? 0) + by;
  if (next > 0) map.set(key, next);
  else map.delete(key);
}
