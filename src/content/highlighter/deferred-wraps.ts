/**
 * Wrap groups held back until their text comes near the viewport.
 *
 * On a page with many mentions (a 1 MB page has thousands), most marks lie
 * screens away from where the reader is, and wrapping them is most of the
 * first pass's cost: about 16 µs of DOM work per mark, plus the style and
 * layout the browser then redoes for every block that changed. The annotator
 * wraps the first marks of a pass at once (the top of the page, or of what
 * was added) and hands the rest here; they are wrapped when an
 * IntersectionObserver reports their element within a viewport's height of
 * the visible area, in the annotator's usual slices. Matching is not
 * deferred: counts, the popup and the report cover every mention at once.
 *
 * An IntersectionObserver, not scroll events and `getBoundingClientRect`:
 * the browser computes intersections with the layout it makes for painting
 * anyway, so holding and releasing groups forces no layout of its own.
 */
import { isInlineElement } from '../dom/element-kinds';
import type { WrapGroup } from '../dom/wrap-ranges';

/** How {@link DeferredWraps} learns what is near the viewport. */
export interface DeferredWrapsOptions {
  /** Told when held groups became due; once until {@link DeferredWraps.takeDue} empties the due list. */
  onDue(): void;
  /** The observer's constructor (tests pass a fake); the global one when absent. */
  Observer?: typeof IntersectionObserver;
}

/**
 * How far outside the visible area text counts as near: one viewport height
 * above and below, so marks are drawn before the reader scrolls to them.
 */
const ROOT_MARGIN = '100% 0px 100% 0px';

/** Groups waiting for their element to come near the viewport. */
export class DeferredWraps<T> {
  /** Held groups by the element observed for them (see {@link observedElementOf}). */
  private readonly held = new Map<Element, WrapGroup<T>[]>();
  private due: WrapGroup<T>[] = [];
  private readonly observer: IntersectionObserver;

  constructor(private readonly options: DeferredWrapsOptions) {
    const Observer = options.Observer ?? IntersectionObserver;
    this.observer = new Observer((entries) => this.onIntersect(entries), { rootMargin: ROOT_MARGIN });
  }

  /** True where the browser has IntersectionObserver (every supported browser; not every test DOM). */
  static supported(): boolean {
    return typeof IntersectionObserver === 'function';
  }

  /** Holds `groups` until their element comes near the viewport. */
  hold(groups: readonly WrapGroup<T>[]): void {
    for (const group of groups) {
      const el = observedElementOf(group.nodes[0]!);
      if (!el) continue;
      const list = this.held.get(el);
      if (list) list.push(group);
      else {
        this.held.set(el, [group]);
        this.observer.observe(el);
      }
    }
  }

  /** The groups that came near the viewport since the last call, in the order they did. */
  takeDue(): WrapGroup<T>[] {
    const due = this.due;
    this.due = [];
    return due;
  }

  /** Every group, due or held (for a jump to a mention, which must find it marked); holds nothing after. */
  takeAll(): WrapGroup<T>[] {
    const all = this.takeDue();
    for (const [el, groups] of this.held) {
      this.observer.unobserve(el);
      all.push(...groups);
    }
    this.held.clear();
    return all;
  }

  /**
   * Removes and returns the groups with text in one of `roots`, even partly
   * (a pass over them plans them again; see {@link widenRoots} for the rest
   * of their text).
   */
  dropInside(roots: readonly Node[]): WrapGroup<T>[] {
    return this.dropWhere((group) => group.nodes.some((node) => roots.some((root) => root.contains(node))));
  }

  /**
   * Removes and returns the groups whose text the page removed (every node
   * out of the document), and stops observing their elements: a page that
   * replaces its content all the time must not leave them all held here.
   */
  dropDetached(): WrapGroup<T>[] {
    return this.dropWhere((group) => !group.nodes.some((node) => node.isConnected));
  }

  /** Removes and returns the groups, held or due, for which `drop` is true. */
  private dropWhere(drop: (group: WrapGroup<T>) => boolean): WrapGroup<T>[] {
    const dropped: WrapGroup<T>[] = [];
    for (const [el, groups] of this.held) {
      const keep = groups.filter((group) => !drop(group));
      if (keep.length === groups.length) continue;
      dropped.push(...groups.filter((group) => !keep.includes(group)));
      if (keep.length > 0) this.held.set(el, keep);
      else {
        this.observer.unobserve(el);
        this.held.delete(el);
      }
    }
    const due: WrapGroup<T>[] = [];
    for (const group of this.due) (drop(group) ? dropped : due).push(group);
    this.due = due;
    return dropped;
  }

  /** Drops everything and stops observing. */
  clear(): void {
    this.observer.disconnect();
    this.held.clear();
    this.due = [];
  }

  private onIntersect(entries: readonly IntersectionObserverEntry[]): void {
    const wasEmpty = this.due.length === 0;
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const groups = this.held.get(entry.target);
      if (!groups) continue;
      this.held.delete(entry.target);
      this.observer.unobserve(entry.target);
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
