/**
 * The one queue of planned marks not wrapped yet, each with its reason:
 *
 * - `offscreen`: far from the viewport. On a page with many mentions (a 1 MB
 *   page has thousands), most marks lie screens away from the reader, and
 *   wrapping them is most of the first pass's cost: about 16 µs of DOM work
 *   per mark, plus the style and layout the browser then redoes for every
 *   block that changed. The annotator wraps the first marks of a pass at once
 *   and queues the rest here; they are due when an IntersectionObserver
 *   reports their element within a viewport's height of the visible area.
 *   Their mentions are counted: counts cover every mention at once.
 * - `selection`: text in a node holding an end of the reader's selection,
 *   which wrapping would move (see `selection-guard.ts`). Not counted until
 *   the selection moves off and they are wrapped.
 * - `changed`: their text nodes changed between the walk and the wrap
 *   (another wrapper split them). Not counted; their block is annotated again.
 *
 * An IntersectionObserver, not scroll events and `getBoundingClientRect`:
 * the browser computes intersections with the layout it makes for painting
 * anyway, so holding and releasing groups forces no layout of its own.
 */
import { isInlineElement } from '../dom/element-kinds';
import type { WrapGroup } from '../dom/wrap-ranges';

/** Why a planned group is not wrapped yet. */
export type PendingReason = 'offscreen' | 'selection' | 'changed';

/** How {@link PendingWraps} learns what is near the viewport. */
export interface PendingWrapsOptions {
  /** Told when off-screen groups became due; once until {@link PendingWraps.takeDue} empties the due list. */
  onDue(): void;
  /** The observer's constructor (tests pass a fake); none: nothing is queued as off-screen. */
  Observer?: typeof IntersectionObserver;
}

/**
 * How far outside the visible area text counts as near: one viewport height
 * above and below, so marks are drawn before the reader scrolls to them.
 */
const ROOT_MARGIN = '100% 0px 100% 0px';

/** Planned groups waiting to be wrapped, by reason. */
export class PendingWraps<T> {
  /** Off-screen groups by the element observed for them (see {@link observedElementOf}). */
  private readonly offscreen = new Map<Element, WrapGroup<T>[]>();
  /** Off-screen groups that came near the viewport. */
  private due: WrapGroup<T>[] = [];
  private selection: WrapGroup<T>[] = [];
  /** The blocks of the groups whose text changed. */
  private changed: Element[] = [];
  private readonly observer: IntersectionObserver | undefined;

  constructor(private readonly options: PendingWrapsOptions) {
    const { Observer } = options;
    this.observer = Observer && new Observer((entries) => this.onIntersect(entries), { rootMargin: ROOT_MARGIN });
  }

  /** True where the browser has IntersectionObserver (every supported browser; not every test DOM). */
  static supported(): boolean {
    return typeof IntersectionObserver === 'function';
  }

  /** True when off-screen groups can be queued (an IntersectionObserver will say when they are due). */
  get defersOffscreen(): boolean {
    return this.observer !== undefined;
  }

  /** Queues `groups` for `reason`. */
  add(groups: readonly WrapGroup<T>[], reason: PendingReason): void {
    if (reason === 'selection') this.selection.push(...groups);
    else if (reason === 'changed') {
      for (const group of groups) {
        const el = observedElementOf(group.nodes[0]!);
        if (el?.isConnected) this.changed.push(el);
      }
    } else for (const group of groups) this.holdOffscreen(group);
  }

  /** True while some groups wait for `reason`. */
  has(reason: PendingReason): boolean {
    if (reason === 'selection') return this.selection.length > 0;
    if (reason === 'changed') return this.changed.length > 0;
    return this.offscreen.size > 0 || this.due.length > 0;
  }

  /** The off-screen groups that came near the viewport since the last call, in the order they did. */
  takeDue(): WrapGroup<T>[] {
    const due = this.due;
    this.due = [];
    return due;
  }

  /** Every off-screen group, due or not (for a jump to a mention, which must find it marked); holds none after. */
  takeOffscreen(): WrapGroup<T>[] {
    const all = this.takeDue();
    for (const [el, groups] of this.offscreen) {
      this.observer?.unobserve(el);
      all.push(...groups);
    }
    this.offscreen.clear();
    return all;
  }

  /** The groups under the selection for which `stillHeld` is false (the selection moved off them); the rest keep waiting. */
  takeReleased(stillHeld: (group: WrapGroup<T>) => boolean): WrapGroup<T>[] {
    const held = this.selection;
    this.selection = held.filter(stillHeld);
    return held.filter((group) => !this.selection.includes(group));
  }

  /** The connected blocks whose text changed before their marks were wrapped, each once; forgets them. */
  takeChanged(): Element[] {
    const blocks = [...new Set(this.changed)].filter((el) => el.isConnected);
    this.changed = [];
    return blocks;
  }

  /**
   * Removes and returns the off-screen groups with text in one of `roots`,
   * even partly (a pass over them plans them again; see {@link widenRoots}
   * for the rest of their text).
   */
  dropInside(roots: readonly Node[]): WrapGroup<T>[] {
    return this.dropOffscreenWhere((group) => group.nodes.some((node) => roots.some((root) => root.contains(node))));
  }

  /**
   * Removes the groups whose text the page removed (every node out of the
   * document), and stops observing their elements: a page that replaces its
   * content all the time must not leave them all queued here. Returns the
   * off-screen ones (the only counted ones).
   */
  dropDetached(): WrapGroup<T>[] {
    const detached = (group: WrapGroup<T>): boolean => !group.nodes.some((node) => node.isConnected);
    this.selection = this.selection.filter((group) => !detached(group));
    return this.dropOffscreenWhere(detached);
  }

  /** Drops everything and stops observing. */
  clear(): void {
    this.observer?.disconnect();
    this.offscreen.clear();
    this.due = [];
    this.selection = [];
    this.changed = [];
  }

  private holdOffscreen(group: WrapGroup<T>): void {
    const el = observedElementOf(group.nodes[0]!);
    if (!el || !this.observer) return;
    const list = this.offscreen.get(el);
    if (list) list.push(group);
    else {
      this.offscreen.set(el, [group]);
      this.observer.observe(el);
    }
  }

  /** Removes and returns the off-screen groups, due or not, for which `drop` is true. */
  private dropOffscreenWhere(drop: (group: WrapGroup<T>) => boolean): WrapGroup<T>[] {
    const dropped: WrapGroup<T>[] = [];
    for (const [el, groups] of this.offscreen) {
      const keep = groups.filter((group) => !drop(group));
      if (keep.length === groups.length) continue;
      dropped.push(...groups.filter((group) => !keep.includes(group)));
      if (keep.length > 0) this.offscreen.set(el, keep);
      else {
        this.observer?.unobserve(el);
        this.offscreen.delete(el);
      }
    }
    const due: WrapGroup<T>[] = [];
    for (const group of this.due) (drop(group) ? dropped : due).push(group);
    this.due = due;
    return dropped;
  }

  private onIntersect(entries: readonly IntersectionObserverEntry[]): void {
    const wasEmpty = this.due.length === 0;
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const groups = this.offscreen.get(entry.target);
      if (!groups) continue;
      this.offscreen.delete(entry.target);
      this.observer?.unobserve(entry.target);
      this.due.push(...groups);
    }
    if (wasEmpty && this.due.length > 0) this.options.onDue();
  }
}

/**
 * `roots` widened to cover all the text of `dropped` groups: a group's block
 * either lies inside a root already or contains it (both are ancestors of the
 * group's text), in which case the block takes the root's place.
 */
export function widenRoots<T>(roots: readonly Node[], dropped: readonly WrapGroup<T>[]): Node[] {
  const widened = [...roots];
  for (const group of dropped) {
    const block = observedElementOf(group.nodes[0]!);
    if (!block || widened.some((root) => root.contains(block))) continue;
    for (let i = widened.length - 1; i >= 0; i--) if (block.contains(widened[i]!)) widened.splice(i, 1);
    widened.push(block);
  }
  return widened;
}

/**
 * The element whose box stands for a text node: its nearest ancestor laid out
 * as a block (by tag, as the walk decides). An inline parent may have no box
 * of its own (`display: contents` on a custom element), and an observer never
 * reports such an element; the block's box, which the walk found rendered,
 * is there. One element per paragraph also means fewer to observe.
 */
export function observedElementOf(node: Node): Element | null {
  let el = node.parentElement;
  while (el && isInlineElement(el) && el.parentElement) el = el.parentElement;
  return el;
}
