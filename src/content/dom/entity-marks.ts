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
 */
import { typeGroupOf, type EntryType, type TypeGroup } from '../../shared/catalog';

/** The entity mark's tag name. */
export const MARK_TAG = 'bs-mark';
/** Selector of every entity mark. */
export const MARK_SELECTOR = 'bs-mark';

/** What one mark piece says about its mention. */
export interface MentionMark {
  entryId: string;
  type: EntryType;
  candidates: readonly string[];
  /** Index of the mention on this page; pieces of one mention share it. */
  mention: number;
}

/** The contract's classes of a mark piece. */
export function markClassName(mark: MentionMark): string {
  return `bs-mark bs-mark--${typeGroupOf(mark.type)}`;
}

/** Sets the contract's attributes on a fresh mark piece (its classes are {@link markClassName}). */
export function decorateMark(el: HTMLElement, mark: MentionMark): void {
  const group: TypeGroup = typeGroupOf(mark.type);
  el.setAttribute('data-entry-id', mark.entryId);
  el.setAttribute('data-entry-type', mark.type);
  el.setAttribute('data-group', group);
  el.setAttribute('data-mention', String(mark.mention));
  if (mark.candidates.length > 1) el.setAttribute('data-candidates', mark.candidates.join(' '));
}

/** The first piece of each mention under `root`, in document order. */
export function mentionHeads(root: ParentNode): HTMLElement[] {
  const heads: HTMLElement[] = [];
  let last: string | null = null;
  for (const el of root.querySelectorAll<HTMLElement>(MARK_SELECTOR)) {
    const mention = el.getAttribute('data-mention');
    if (mention !== last) heads.push(el);
    last = mention;
  }
  return heads;
}
