/**
 * One annotation pass: collect the text of some subtrees, match it once, wrap
 * the mentions found. Never a DOM pass per name: the matcher's cost does not
 * depend on the number of aliases, and the wrapping touches only the text
 * nodes that hold a mention.
 *
 * Long passes are cut into slices (see `time-slicer.ts`): the walk and the
 * wrapping pause when a slice has used its time and resume in a later task.
 * A pass wraps its first {@link EAGER_MARKS} marks at once and, where an
 * IntersectionObserver can tell, queues the rest until they come near the
 * viewport; every mention is matched and counted at once. What is not
 * wrapped yet waits in one queue with its reason (off-screen, under the
 * selection, text changed: see `pending-wraps.ts`).
 * The background matches the text (see `page-matching.ts`) per chunk of whole
 * blocks (see `pageChunks` in `dom/page-text.ts`), whole chunks in a message up to the
 * browser's best size of one (`MESSAGE_TEXT_CHARS`): a longer page goes in
 * parts, one after the other (see `fetchMatches`).
 *
 * Every pass leaves User Timing measures: `backstory:annotate` (all the work,
 * yields excluded, with a `detail` summary), `backstory:match` and
 * `backstory:wrap` (see `pass-timer.ts`). The bench and the tests read them.
 */
import type { EntryType } from '../../shared/catalog';
import { typeGroupOf } from '../../shared/catalog';
import { MESSAGE_TEXT_CHARS } from '../../shared/extension-api';
import type { EntityMatch } from '../../shared/matcher';
import type { Settings } from '../../shared/settings';
import { widenRoots, type PendingWraps } from './pending-wraps';
import { MARK_SELECTOR, MARK_TAG, isMark, markClassName, readMark, writeMark, type MentionMark } from '../dom/entity-marks';
import type { MentionLedger } from './mention-ledger';
import { MentionTally } from './mention-tally';
import type { PageMatching, RemoteAnswer } from './page-matching';
import { messageOf, messagesOf, nodeIndexAt, pageChunks, PageTextCollector, type CollectOptions, type PageText } from '../dom/page-text';
import { selectionGuard, selectionWatch, type SelectionGuard } from '../dom/selection-guard';
import { MEASURES, PassTimer, type PassResult } from './pass-timer';
import { TimeSlicer } from './time-slicer';
import { planWraps, unwrapAll, unwrapElement, wrapGroup, type WrapGroup, type WrapOptions, type WrapRange } from '../dom/wrap-ranges';

/** What the annotator needs from the rest of the content script. */
export interface AnnotatorConfig {
  /** Where the text is matched (see `page-matching.ts`). */
  matching: PageMatching;
  /** Entry id → type, for the marks' group and the per-type settings. */
  types: ReadonlyMap<string, EntryType>;
  /** Entries the reader excluded on this site ("not this one"). */
  exclude: ReadonlySet<string>;
  /** Runs a DOM write so the page observer does not see it as page content. */
  mute(write: () => void): void;
  /** Called inside a muted write when marks entered the page, in the same task: the caller adds the marks' stylesheet on the first call. */
  styleMarks(): void;
  /** A count of the page's own DOM changes so far (see `PageObserver.changes`); absent: assume any. */
  pageChanges?(): number;
  /** A count of the page's own removals so far (see `PageObserver.removalsNow`); absent: assume any. */
  pageRemovals?(): number;
  /** Where planned marks not wrapped yet wait, with their reason (see `pending-wraps.ts`). */
  pending: PendingWraps<MentionMark>;
}

/** What the page shows now, for `tab.state` and `page.report`. */
export interface AnnotationState {
  /** Mentions per entry id still in the page (visible types only, up to the cap). */
  counts: Record<string, number>;
  /** Mentions marked and still in the page (a mention split in pieces counts once). */
  marks: number;
  /** True when the mark cap stopped annotation. */
  capped: boolean;
}


/**
 * Marks a pass wraps at once before it queues the rest until they come near
 * the viewport (see `pending-wraps.ts`): more than the first four screens of
 * the densest article show (about 45 to a screen at one name per 66
 * characters), so only long pages defer any.
 */
export const EAGER_MARKS = 200;

/** How many of `groups` (in document order) a pass wraps at once. */
function eagerGroups<T>(groups: readonly WrapGroup<T>[]): number {
  let marks = 0;
  for (let i = 0; i < groups.length; i++) {
    marks += groups[i]!.ranges.length;
    if (marks >= EAGER_MARKS) return i + 1;
  }
  return groups.length;
}

/**
 * Longest text a change of what is marked reads again and swaps its marks
 * in, in one task (see {@link Annotator.reannotate}), whether it was sent in
 * one message or in parts. It covers long articles (the page bench's real
 * pages hold 27–81 K characters) and bounds the task with the marks wrapped
 * at once ({@link EAGER_MARKS}); a longer page is walked again in slices.
 */
const SWAP_IN_ONE_TASK_CHARS = 131_072;

/** A new pass's id for the parts of its text (unique per page; the background keys it by tab too). */
let passes = 0;
function passId(): string {
  return `${++passes}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Moves matches of a message's text to page-text offsets (fresh objects from the message: in place). */
function shift(found: EntityMatch[], base: number): EntityMatch[] {
  for (const m of found) {
    m.start += base;
    m.end += base;
  }
  return found;
}

/** The text node holding offset `at` of `page`. */
const nodeAt = (page: PageText, at: number): Text => page.nodes[Math.max(0, nodeIndexAt(page.starts, at))]!;

/**
 * Marks mentions on a page and remembers what it marked, as long as the page
 * keeps it (see `mention-ledger.ts`). Passes must not overlap (the caller
 * queues them).
 */
export class Annotator {
  /** What is counted and marked, under the cap and the density. */
  private readonly tally: MentionTally;
  /** A sweep left room, a slot lost its one mark (densities "first", "sections"), or the background could not match a pass's text: the whole body should be annotated again. */
  private refillDue = false;
  /** A refill is in flight: the mentions only counted are forgotten once its matches arrive, as it counts them again. */
  private recountOnAnswer = false;
  /** `pageRemovals()` at the last sweep: unchanged means nothing can have left the page. */
  private sweptAt: number | undefined;
  /** How marks are made; a wrapped mark stands for its mention in the ledger. */
  private readonly markWrap: WrapOptions<MentionMark> = {
    tagName: MARK_TAG,
    className: (r) => markClassName(r.data),
    decorate: (el, r) => {
      writeMark(el, r.data);
      this.ledger.anchor(r.data.mention, el);
    },
  };

  constructor(
    private readonly config: AnnotatorConfig,
    private settings: Settings,
  ) {
    this.tally = new MentionTally(() => this.settings);
  }

  /** The counted mentions (see `mention-ledger.ts`). */
  private get ledger(): MentionLedger {
    return this.tally.ledger;
  }

  /** The cap stopped a pass. */
  private get capped(): boolean {
    return this.tally.capped;
  }

  /** Uses new settings for the next passes (the caller calls {@link reannotate} when marks must change). */
  setSettings(settings: Settings): void {
    this.settings = settings;
  }

  /** The current counts, of what is still in the page. */
  state(): AnnotationState {
    this.sweep();
    return { counts: this.ledger.counts(), marks: this.ledger.marks, capped: this.capped };
  }

  /**
   * Stops counting what the page removed: mentions whose mark or text left
   * the document, and the pending groups whose text did. Does nothing when the page removed
   * nothing since the last sweep. Returns true when counts changed. When the
   * cap had stopped a pass and marks went, or a slot of the density lost
   * its one mark, {@link refillDue} turns true.
   */
  sweep(): boolean {
    const removals = this.config.pageRemovals?.();
    if (removals !== undefined && removals === this.sweptAt) return false;
    this.sweptAt = removals;
    for (const group of this.config.pending.dropDetached()) this.forget(group.ranges);
    const swept = this.ledger.sweep();
    if ((this.capped && swept.marks > 0) || swept.unmarked.length > 0) this.refillDue = true;
    return swept.dropped > 0;
  }

  /** True when a {@link refill} should run (see {@link sweep}). */
  needsRefill(): boolean {
    return this.refillDue;
  }

  /**
   * Annotates the whole body again after the page removed marks: mentions the
   * cap left out get their turn, and the density marks the next mention
   * of a slot whose mark went; or after the background could not answer a
   * pass: its text is matched again. Marked text is skipped, as in every pass;
   * mentions only counted are counted again by it, once the matches arrive:
   * a refill that gets none (the page changed under the walk, or the
   * background could not answer) leaves the counts as they were, and the
   * next flush tries again.
   */
  async refill(body: Node, signal: AbortSignal): Promise<PassResult> {
    this.refillDue = false;
    const capped = this.tally.capped;
    this.tally.capped = false;
    this.recountOnAnswer = true;
    try {
      return await this.annotate([body], signal);
    } finally {
      if (this.recountOnAnswer) {
        this.recountOnAnswer = false;
        this.tally.capped ||= capped;
        this.refillDue = true;
      }
    }
  }

  /** Removes every mark and forgets the counts; the page's text nodes are as before. */
  clear(root: ParentNode): void {
    this.config.pending.clear();
    this.config.mute(() => unwrapAll(root, MARK_SELECTOR));
    this.tally.clear();
    this.refillDue = false;
  }

  /**
   * The blocks to annotate again because their text changed (another
   * wrapper split it: its writes are muted, so no page observer reports
   * them) before their marks were wrapped; forgets them.
   */
  takeChanged(): Element[] {
    return this.config.pending.takeChanged();
  }

  /** True while some mentions wait for the selection to move off them (see {@link wrapReleased}). */
  waitsForSelection(): boolean {
    return this.config.pending.has('selection');
  }

  /**
   * Wraps the mentions queued under the selection that no selection
   * boundary touches any more, counting them as a pass would; the rest keep
   * waiting. A group whose text changed meanwhile goes to
   * {@link takeChanged}. Returns true when anything was released. Run it
   * between passes (in the caller's queue), never during one.
   */
  wrapReleased(): boolean {
    if (!this.config.pending.has('selection')) return false;
    const holds = selectionGuard(document);
    const released = this.config.pending.takeReleased((group) => holds(group.nodes));
    if (released.length === 0) return false;
    this.config.mute(() => {
      for (const group of released) {
        const ranges = this.reclaim(group);
        if (ranges.length > 0 && this.wrapMarks({ ...group, ranges }, true).length === 0) {
          this.forget(ranges);
          this.config.pending.add([group], 'changed');
        }
      }
    });
    return true;
  }

  /**
   * Annotates `roots` (the body, or subtrees added later). Text already inside
   * a mark is skipped, so running a pass again over marked content adds
   * nothing. Throws `SliceAborted` when `signal` aborts during a yield.
   */
  annotate(roots: readonly Node[], signal: AbortSignal): Promise<PassResult> {
    const slicer = new TimeSlicer(signal);
    return this.pass(roots, slicer, new PassTimer(slicer));
  }

  /**
   * Annotates the whole body again after a change of what is marked (settings,
   * "not this one"), the old marks staying on screen until the new ones are
   * ready: otherwise the reader would see the page unmarked while the
   * background matches. Marks of a type now hidden or of an entry now excluded
   * go at once (that changes no text). The text is read with the other marks
   * in it (they are inline and never change it) and matched; then the old
   * marks go and the new ones are selected and wrapped. For a page of up to
   * {@link SWAP_IN_ONE_TASK_CHARS} that runs in one task, the slice budget set
   * aside: bounded by that text and by the marks wrapped at once ({@link EAGER_MARKS} where
   * off-screen ones can wait). A longer page goes in slices: a frame may show
   * it unmarked, which is better than one long task. When the page changed its
   * text meanwhile, the old marks go and a plain pass follows; when the
   * background could not answer, they go and the body is due to be annotated
   * again (see {@link refill}).
   */
  async reannotate(body: Element, signal: AbortSignal): Promise<PassResult> {
    const slicer = new TimeSlicer(signal);
    const timer = new PassTimer(slicer);
    this.config.mute(() => {
      for (const el of body.querySelectorAll(MARK_SELECTOR)) {
        const mark = readMark(el);
        if (mark && (!this.settings.types[typeGroupOf(mark.type)] || this.config.exclude.has(mark.entryId))) unwrapElement(el);
      }
    });
    const read = await this.walk([body], slicer);
    const found = read ? await this.fetchMatches(read, slicer, timer) : null;
    this.clear(body);
    if (!read) return this.pass([body], slicer, timer);
    if (found === null) {
      this.refillDue = true;
      return timer.finish({ roots: 1, stale: false, marks: this.ledger.marks, capped: this.capped });
    }
    // From here a page of that much text runs without yielding (see above); so does the
    // plain pass that follows if the page changed meanwhile, which the same text bounds.
    if (read.text.length <= SWAP_IN_ONE_TASK_CHARS) slicer.setBudgetAside();
    const changesAtWalk = this.config.pageChanges?.();
    const page = await this.walk([body], slicer);
    // Without the marks the text is the same unless the page changed it while the background matched.
    if (!page || page.text !== read.text) return this.pass([body], slicer, timer);
    return this.pass([body], slicer, timer, { page, found, changesAtWalk });
  }

  /** The page text of `roots`, walked in slices of `slicer`; undefined when the DOM changed under the walk. */
  private async walk(roots: readonly Node[], slicer: TimeSlicer, options?: CollectOptions): Promise<PageText | undefined> {
    const collector = new PageTextCollector(roots, options);
    while (!collector.run(slicer.overBudget)) await slicer.yield();
    return collector.stale ? undefined : collector.result();
  }

  /**
   * One pass over `roots`; with `matched`, the body's text and its matches,
   * read and fetched already by {@link reannotate} (`changesAtWalk`: the
   * page's change count when that walk began).
   */
  private async pass(roots: readonly Node[], slicer: TimeSlicer, timer: PassTimer, matched?: { page: PageText; found: EntityMatch[]; changesAtWalk: number | undefined }): Promise<PassResult> {
    const summary = { roots: roots.length, stale: false, marks: this.ledger.marks, capped: this.capped };
    this.tally.newPass();
    if (this.capped) return timer.finish(summary);

    // Off-screen groups with text under these roots are planned again by this pass, all their text.
    const { pending } = this.config;
    const dropped = pending.dropInside(roots);
    for (const group of dropped) this.forget(group.ranges);
    if (dropped.length > 0) roots = widenRoots(roots, dropped);
    const changesAtStart = matched ? matched.changesAtWalk : this.config.pageChanges?.();
    let page: PageText;
    let ranges: WrapRange<MentionMark>[];
    if (matched) {
      page = matched.page;
      ranges = await this.selectAll(this.answered(matched.found), page, slicer, timer);
    } else {
      const walked = await this.walk(roots, slicer, { exclude: isMark });
      if (!walked) return timer.finish({ ...summary, stale: true, marks: this.ledger.marks });
      page = walked;
      ranges = await this.match(page, slicer, timer);
    }

    const { groups, eager } = timer.wrapping(() => {
      const planned = planWraps(page, ranges);
      const first = pending.defersOffscreen ? eagerGroups(planned) : planned.length;
      if (first < planned.length) pending.add(planned.slice(first), 'offscreen');
      return { groups: planned, eager: first };
    });
    // The walk's text is still the page's as long as the page changed nothing since the walk began.
    const pageChangedSinceWalk = (): boolean => changesAtStart === undefined || this.config.pageChanges!() !== changesAtStart;
    const { added, workMs } = await this.wrapInSlices(groups.slice(0, eager), slicer, pageChangedSinceWalk);
    timer.addWrapping(workMs);
    return timer.finish({ ...summary, added, textLength: page.text.length, deferred: groups.length - eager, marks: this.ledger.marks, capped: this.capped });
  }

  /**
   * Matches `page` in the background and returns the mentions to mark,
   * selected and counted. When the background cannot answer, none: the marks
   * already drawn stay, and the whole body is due to be annotated again
   * (see {@link refill}: on the next flush of page changes, or the timed retry
   * of `entity-highlighting.ts`), asking the background anew.
   */
  private async match(page: PageText, slicer: TimeSlicer, timer: PassTimer): Promise<WrapRange<MentionMark>[]> {
    const found = await this.fetchMatches(page, slicer, timer);
    if (found === null) {
      this.refillDue = true;
      return [];
    }
    return this.selectAll(this.answered(found), page, slicer, timer);
  }

  /** The background's matches of `page`, at page-text offsets; null when it could not answer. */
  private async fetchMatches(page: PageText, slicer: TimeSlicer, timer: PassTimer): Promise<EntityMatch[] | null> {
    const bounds = timer.matching(() => {
      const list: number[] = [];
      for (const chunk of pageChunks(page)) list.push(chunk.start, chunk.end);
      return list;
    });
    if (bounds.length === 0) return [];
    const { remote } = this.config.matching;
    const exclude = [...this.config.exclude];
    // Whole chunks up to the browser's best size of a message (see MESSAGE_TEXT_CHARS).
    const messages = messagesOf(bounds, MESSAGE_TEXT_CHARS);
    const pass = messages.length > 1 ? passId() : undefined;
    const answers: (RemoteAnswer | null)[] = [];
    for (let index = 0; index < messages.length; index++) {
      // Sending serialises the text now, on this thread: that part is our work.
      const answer = timer.matching(() => {
        const { text, bounds: relative, at: base } = messageOf(page, messages[index]!);
        const part = pass === undefined ? undefined : { pass, index, count: messages.length, at: base };
        return remote(text, relative, exclude, part).then(
          // A part's answer has page offsets already.
          (got) => (got === null || got === 'held' || part ? got : shift(got, base)),
          () => null, // a failed message is a background that cannot answer
        );
      });
      // One part at a time: while the background matches a part, serialising the next would compete with it for the CPU.
      answers.push(await timer.remote(answer));
      if (answers[index] === null) break;
    }
    // Exactly one answer has the matches: the one message's, or the reply that completed the pass's parts.
    const complete = answers.filter((a) => a !== 'held');
    if (complete.length !== 1 || complete[0] === null) return null;
    return complete[0] as EntityMatch[];
  }

  /** The mentions of `found` to mark, selected and counted; in slices, as a huge page has thousands to count. */
  private async selectAll(found: readonly EntityMatch[], page: PageText, slicer: TimeSlicer, timer: PassTimer): Promise<WrapRange<MentionMark>[]> {
    const ranges: WrapRange<MentionMark>[] = [];
    for (let from = 0; from < found.length; ) {
      if (slicer.overBudget()) await slicer.yield();
      from = timer.matching(() => this.select(found, from, page, ranges, slicer));
    }
    return ranges;
  }

  /** The pass got its matches: a refill's count starts over from them (see {@link refill}). */
  private answered<T>(found: T): T {
    if (this.recountOnAnswer) {
      this.recountOnAnswer = false;
      this.ledger.forgetCounted();
    }
    return found;
  }

  /**
   * Wraps the off-screen groups that came near the viewport, in slices, and leaves
   * a `backstory:wrap` measure (`detail.deferred`). Groups whose text changed
   * since they were planned (a saved highlight drawn meanwhile split their
   * nodes) go to {@link takeChanged}.
   */
  async wrapDue(signal: AbortSignal): Promise<void> {
    const groups = this.config.pending.takeDue();
    if (groups.length === 0) return;
    const started = performance.now();
    const slicer = new TimeSlicer(signal);
    const { added } = await this.wrapInSlices(groups, slicer, () => true);
    slicer.finish();
    try {
      performance.measure(MEASURES.wrap, { start: started, duration: slicer.totalMs(), detail: { deferred: true, groups: groups.length, added, longestSliceMs: slicer.longestSliceMs } });
    } catch {
      // A page that replaced `performance` must not stop annotation.
    }
  }

  /**
   * Wraps `groups` in slices of `slicer`, muted; `pageChanged()` (read per
   * slice) says whether the page may have changed their text since it was
   * read, so that each group's text must be compared first. Returns the
   * mentions marked and the slices' work time.
   */
  private async wrapInSlices(groups: readonly WrapGroup<MentionMark>[], slicer: TimeSlicer, pageChanged: () => boolean): Promise<{ added: number; workMs: number }> {
    let added = 0;
    let workMs = 0;
    let i = 0;
    if (groups.length === 0) return { added, workMs };
    // Read again after a yield only if the reader may have moved the selection meanwhile.
    const selection = selectionWatch(document);
    try {
      while (i < groups.length) {
        if (slicer.overBudget()) await slicer.yield();
        const sliceStart = performance.now();
        const check = pageChanged();
        const holds = selection.current();
        this.config.mute(() => {
          do {
            added += this.wrapOne(groups[i++]!, check, holds);
          } while (i < groups.length && !slicer.overBudget());
        });
        workMs += performance.now() - sliceStart;
      }
    } finally {
      selection.stop();
    }
    return { added, workMs };
  }

  /** Wraps every off-screen group now, in one task (before a jump to a mention, which must find it marked); false when none waited. */
  wrapAllOffscreen(): boolean {
    const groups = this.config.pending.takeOffscreen();
    if (groups.length === 0) return false;
    const holds = selectionGuard(document);
    this.config.mute(() => groups.forEach((group) => this.wrapOne(group, true, holds)));
    return true;
  }

  /**
   * Wraps one planned group; returns the mentions marked. A group under an end
   * of the selection is queued uncounted (see {@link wrapReleased}); one whose
   * text changed is forgotten and queued as changed (see {@link takeChanged}).
   * `compareText`: the page may have changed its text since it was read.
   */
  private wrapOne(group: WrapGroup<MentionMark>, compareText: boolean, holds: SelectionGuard): number {
    if (holds(group.nodes)) {
      this.forget(group.ranges);
      this.config.pending.add([group], 'selection');
      return 0;
    }
    if (this.wrapMarks(group, compareText).length > 0) return group.ranges.length;
    this.forget(group.ranges);
    this.config.pending.add([group], 'changed');
    return 0;
  }

  /** Wraps `group` in marks (see `wrapGroup`); the marks' stylesheet is added before the task ends, so no frame shows them without it. */
  private wrapMarks(group: WrapGroup<MentionMark>, compareText: boolean): HTMLElement[] {
    const marks = wrapGroup(group, this.markWrap, compareText);
    if (marks.length > 0) this.config.styleMarks();
    return marks;
  }

  /**
   * Picks the mentions of `page` to mark under the settings, the density and
   * the cap, from `found[from]` on, until the slice is used; counts them.
   * Returns where to go on (`found.length` when done or capped).
   */
  private select(found: readonly EntityMatch[], from: number, page: PageText, ranges: WrapRange<MentionMark>[], slicer: TimeSlicer): number {
    const { types } = this.settings;
    let k = from;
    while (k < found.length) {
      const m = found[k++]!;
      const type = this.config.types.get(m.entryId);
      if (type === undefined || !types[typeGroupOf(type)]) continue;
      const mention = this.tally.nextNumber();
      const admitted = this.tally.admit(m.entryId, mention, nodeAt(page, m.start));
      if (admitted === 'capped') return found.length;
      if (admitted === 'mark') ranges.push({ start: m.start, end: m.end, data: { entryId: m.entryId, type, candidates: m.candidates, mention } });
      // Reading the clock costs more than a mention: ask every 128.
      if ((k & 127) === 0 && slicer.overBudget()) break;
    }
    return k;
  }

  /** Counts a group released from under the selection again, as {@link select} does (another pass may have marked their entry meanwhile); returns those to mark. */
  private reclaim(group: WrapGroup<MentionMark>): WrapRange<MentionMark>[] {
    const kept: WrapRange<MentionMark>[] = [];
    for (const r of group.ranges) {
      const admitted = this.tally.admit(r.data.entryId, r.data.mention, nodeAt(group.page, r.start));
      if (admitted === 'capped') break;
      if (admitted === 'mark') kept.push(r);
    }
    return kept;
  }

  /** Takes back the counts of mentions whose text changed before they could be wrapped, or that wait under the selection. */
  private forget(ranges: readonly WrapRange<MentionMark>[]): void {
    for (const r of ranges) this.ledger.forget(r.data.mention);
  }
}
