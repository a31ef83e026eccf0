/**
 * Which found mentions a pass marks and which it only counts: the visible
 * types are chosen by the caller; here the mark cap and the density
 * (`src/shared/density.ts`: a name's first mention per section, per page, or
 * every mention) decide, over the {@link MentionLedger} that remembers every
 * counted mention as long as the page keeps it.
 */
import { densitySlot } from '../../shared/density';
import type { Settings } from '../../shared/settings';
import { MentionLedger } from './mention-ledger';
import { SectionFinder } from './sections';

/** What {@link MentionTally.admit} decided for a mention. */
export type Admission = 'mark' | 'counted' | 'capped';

/** The page's count of mentions, under the cap and the density. */
export class MentionTally {
  /** Every counted mention, until it is forgotten or leaves the page. */
  readonly ledger = new MentionLedger();
  /** The cap stopped a pass: nothing more is counted until marks leave (see `Annotator.refill`). */
  capped = false;
  private nextMention = 0;
  /** The sections of this pass's document (density "sections"), built on first use per pass. */
  private sections: SectionFinder | undefined;

  constructor(private readonly settings: () => Settings) {}

  /** A new pass reads the headings afresh (the page may have changed them). */
  newPass(): void {
    this.sections = undefined;
  }

  /** A number for a newly found mention, unique on this page (pieces of one mention share it). */
  nextNumber(): number {
    return this.nextMention++;
  }

  /**
   * Counts mention number `mention` of `entryId` (its name starts in `node`):
   * `'mark'` when it is to be marked, `'counted'` when only counted (its
   * density slot has its mark already), `'capped'` when the cap is reached
   * (nothing counted).
   */
  admit(entryId: string, mention: number, node: Node): Admission {
    const settings = this.settings();
    if (this.ledger.marks >= settings.markCap) {
      this.capped = true;
      return 'capped';
    }
    const slot = densitySlot(settings.density, entryId, () => (this.sections ??= new SectionFinder(node.ownerDocument ?? document)).sectionOf(node));
    const kind = slot !== null && this.ledger.hasMark(slot) ? 'counted' : 'mark';
    this.ledger.add(mention, entryId, kind, node, slot ?? entryId);
    return kind;
  }

  /** Forgets every count (marks cleared). */
  clear(): void {
    this.ledger.clear();
    this.capped = false;
  }
}
