/**
 * The `<bs-mark>` contract: how an entity mention looks in the DOM. Read by
 * the hover card, the popup's "reveal" and the keyboard navigation.
 *
 * ```html
 * <bs-mark class="bs-mark bs-mark--person" data-entry-id="vladimir-putin"
 *          data-entry-type="person" data-group="person" data-mention="3">Putin</bs-mark>
 * ```
 * A custom element rather than `<mark>`/`<span>`: page styles rarely target
 * it, so they rarely hide or restyle it. A name split across inline elements
 * becomes several pieces sharing one `data-mention`. `data-candidates` lists
 * every entry the surface form could mean, only when there is more than one.
 *
 * {@link writeMark} and {@link readMark} are the only writer and reader of
 * these attributes: features ask this module, never parse them themselves.
 */
import { typeGroupOf, type EntryType, type TypeGroup } from '../../shared/catalog';

/** The entity mark's tag name. */
export const MARK_TAG = 'bs-mark';
/** Selector of every entity mark. */
export const MARK_SELECTOR = 'bs-mark';

/** Whether `el` is an entity mark (what a walk of the page's text leaves out: its text is the page's, inside). */
export function isMark(el: Element): boolean {
  return el.localName === MARK_TAG;
}

/** What one mark piece says about its mention. */
export interface MentionMark {
  entryId: string;
  type: EntryType;
  /** Every entry the name could mean (the mark's own first); only the mark's own when it is not ambiguous. */
  candidates: readonly string[];
  /** Index of the mention on this page; pieces of one mention share it. */
  mention: number;
}

// The contract's attributes, written and read only here.
const ENTRY_ID = 'data-entry-id';
const ENTRY_TYPE = 'data-entry-type';
const GROUP = 'data-group';
const MENTION = 'data-mention';
const CANDIDATES = 'data-candidates';

/** The contract's classes of a mark piece. */
export function markClassName(mark: MentionMark): string {
  return `bs-mark bs-mark--${typeGroupOf(mark.type)}`;
}

/** Sets the contract's attributes on a fresh mark piece (its classes are {@link markClassName}). */
export function writeMark(el: HTMLElement, mark: MentionMark): void {
  const group: TypeGroup = typeGroupOf(mark.type);
  el.setAttribute(ENTRY_ID, mark.entryId);
  el.setAttribute(ENTRY_TYPE, mark.type);
  el.setAttribute(GROUP, group);
  el.setAttribute(MENTION, String(mark.mention));
  if (mark.candidates.length > 1) el.setAttribute(CANDIDATES, mark.candidates.join(' '));
}

/**
 * What a mark piece says about its mention; null for an element that is no
 * mark, or a mark without its entry (a page script may strip attributes). A
 * missing type reads as `event`, a missing mention as -1 (a mention of its own).
 */
export function readMark(el: Element): MentionMark | null {
  const entryId = isMark(el) ? el.getAttribute(ENTRY_ID) : null;
  if (!entryId) return null;
  const listed = el.getAttribute(CANDIDATES)?.split(/\s+/).filter(Boolean) ?? [];
  const mention = Number(el.getAttribute(MENTION) ?? NaN);
  return {
    entryId,
    type: (el.getAttribute(ENTRY_TYPE) as EntryType | null) ?? 'event',
    candidates: [...new Set([entryId, ...listed])],
    mention: Number.isInteger(mention) ? mention : -1,
  };
}

/** The mark piece `target` is in (or is), if any. */
export function markAt(target: EventTarget | null): Element | null {
  return target instanceof Element ? target.closest(MARK_SELECTOR) : null;
}

/** True when two mark pieces belong to one mention (a name split across inline elements). */
export function sameMention(a: Element, b: Element): boolean {
  if (a === b) return true;
  const ma = readMark(a);
  const mb = readMark(b);
  return ma !== null && mb !== null && ma.mention >= 0 && ma.mention === mb.mention;
}

/** The first mark of `entryId` under `root`, if any. */
export function firstMarkOf(root: ParentNode, entryId: string): HTMLElement | null {
  return root.querySelector<HTMLElement>(`${MARK_SELECTOR}[${ENTRY_ID}="${CSS.escape(entryId)}"]`);
}

/** Every piece of the mention `piece` belongs to, under `root`. */
export function piecesOfMention(root: ParentNode, piece: Element): Element[] {
  const mark = readMark(piece);
  return !mark || mark.mention < 0 ? [piece] : [...root.querySelectorAll(`${MARK_SELECTOR}[${MENTION}="${mark.mention}"]`)];
}

/** The first piece of each mention under `root`, in document order. */
export function mentionHeads(root: ParentNode): HTMLElement[] {
  const heads: HTMLElement[] = [];
  let last: string | null = null;
  for (const el of root.querySelectorAll<HTMLElement>(MARK_SELECTOR)) {
    // The raw attribute, not readMark: this runs over every mark of the page.
    const mention = el.getAttribute(MENTION);
    if (mention !== last) heads.push(el);
    last = mention;
  }
  return heads;
}
