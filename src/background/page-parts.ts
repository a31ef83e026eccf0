/**
 * The passes whose page text comes in several `page.match` messages (see
 * `PagePart` in the protocol): each part's matches and its evidence for the
 * whole-text decisions, held until the pass's last part arrives. A page
 * sends its parts one at a time, in order, each after the previous reply;
 * the part that completes the pass gets the answer for all of them. A part
 * of a pass not held (let go, or lost when the background restarted) is
 * refused as `unavailable`: its page stops sending that pass and asks again
 * later, and the part takes no one else's place.
 */
import type { CharacterJudge } from '../shared/matcher';
import type { EntityMatch } from '../shared/matcher/types';
import type { PagePart } from '../shared/protocol';
import { CallFailure } from './router';

/** One unfinished pass; `C` is what its first part began it with. */
interface HeldPass<C> {
  context: C;
  count: number;
  /** Each part's matches, in page offsets, once it arrived. */
  parts: (EntityMatch[] | undefined)[];
  received: number;
  judge: CharacterJudge;
}

/**
 * Unfinished passes held at once, over all tabs: a pass whose page went away
 * before its last part would otherwise stay forever. Any page over one
 * message (32 K characters in Chrome) sends its text in parts, one at a
 * time, so after a restart of the browser every open tab with a long article
 * may have a pass under way. The pass least recently given a part goes first
 * (a live one gets its next part as soon as its previous one is answered).
 * Each held pass keeps its context and the matches of the parts it got.
 */
const MAX_HELD_PASSES = 256;

/**
 * The unfinished passes, by sender tab and pass id. `C` is what a pass's
 * first part began it with and its later parts reuse (`page.match`: the
 * matcher, the exclusions and the entries' facts), so that one page is
 * matched and answered with one of each, read once.
 */
export class PagePartPasses<C> {
  private readonly held = new Map<string, HeldPass<C>>();

  /**
   * The context of the pass a later part (index > 0) of `tabId` belongs to,
   * or undefined for a first part, which begins its pass (see {@link add}).
   * Throws `unavailable` when a later part's pass is not held.
   */
  contextOf(tabId: number, part: PagePart): C | undefined {
    if (part.index === 0) return undefined;
    const pass = this.held.get(keyOf(tabId, part));
    if (!pass) throw notHeld();
    return pass.context;
  }

  /**
   * Adds a part of `tabId`'s pass: its matches (offsets in the part's text,
   * whose evidence the pass's judge reads now, while the text is here). A
   * first part begins the pass with `begin()`'s context and judge. Returns every
   * part's matches, in page offsets and page order, with the whole-text
   * decisions applied, when this part completes the pass; otherwise null.
   * Throws a `CallFailure` for a part that does not fit its pass, or whose
   * pass is not held.
   */
  add(tabId: number, part: PagePart, text: string, matches: EntityMatch[], begin: () => { context: C; judge: CharacterJudge }): EntityMatch[] | null {
    const key = keyOf(tabId, part);
    let pass = this.held.get(key);
    if (pass) {
      // Last in the map's order again: eviction takes the pass that waited longest for a part.
      this.held.delete(key);
      this.held.set(key, pass);
    } else {
      if (part.index !== 0) throw notHeld();
      pass = { ...begin(), count: part.count, parts: new Array<EntityMatch[] | undefined>(part.count), received: 0 };
      this.held.set(key, pass);
      if (this.held.size > MAX_HELD_PASSES) this.held.delete(this.held.keys().next().value!);
    }
    if (pass.count !== part.count || pass.parts[part.index] !== undefined) {
      this.held.delete(key);
      throw new CallFailure('invalid-message', 'A page part must belong to its pass once, with the pass’s count of parts.');
    }
    pass.judge.read(text, matches);
    for (const m of matches) {
      m.start += part.at;
      m.end += part.at;
    }
    pass.parts[part.index] = matches;
    if (++pass.received < pass.count) return null;
    this.held.delete(key);
    return pass.judge.drop(pass.parts.flatMap((found) => found!));
  }
}

function keyOf(tabId: number, part: PagePart): string {
  return `${tabId}\u0000${part.pass}`;
}

function notHeld(): CallFailure {
  return new CallFailure('unavailable', 'The earlier parts of this page’s text are no longer held: send the page again.');
}
