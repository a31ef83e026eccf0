/**
 * How the page-text walk treats each element: skip its subtree, join it to the
 * text around it (inline), or separate it from the text around it (block).
 *
 * Deciding by tag name rather than by computed style keeps the walk free of
 * style reads (one `getComputedStyle` per element costs more than the whole
 * match on a big page). The price is that a `<span style="display:block">`
 * joins its neighbours; names rarely straddle such a boundary, and whitespace
 * in the page's source usually separates them anyway.
 */

/** Our own page-side UI hosts carry this attribute; the walk and the observer skip them. */
export const UI_ATTRIBUTE = 'data-backstory-ui';

/** Tags whose text is never a reader's prose, or is the reader's own input. */
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'VAR',
  'TITLE',
  'HEAD',
  'svg',
  'SVG',
  'math',
  'MATH',
]);

/**
 * Tags laid out inline by default: text on either side of them joins, so
 * "Bashar <b>al-Assad</b>" reads as one name. Our own wrappers are inline too,
 * so text already marked still reads as page text.
 */
const INLINE_TAGS = new Set([
  'A',
  'ABBR',
  'ACRONYM',
  'B',
  'BDI',
  'BDO',
  'BIG',
  'CITE',
  'DATA',
  'DEL',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'LABEL',
  'MARK',
  'NOBR',
  'Q',
  'RUBY',
  'RB',
  'RP',
  'RT',
  'S',
  'SMALL',
  'SPAN',
  'STRIKE',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'TT',
  'U',
  'WBR',
  'BS-MARK',
  'BS-HIGHLIGHT',
]);

/** What the walk does with an element. */
export type ElementKind = 'skip' | 'inline' | 'block';

/**
 * Classifies `el`. Hidden content is skipped: the `hidden` attribute,
 * `aria-hidden="true"`, an inline `display:none`, and, for block elements only
 * (one check per block, not per text node), anything the browser reports as
 * not rendered (`checkVisibility`, which reads the style the browser already
 * computed for layout).
 */
export function kindOf(el: Element): ElementKind {
  const tag = el.tagName;
  if (SKIPPED_TAGS.has(tag)) return 'skip';
  // Most elements of a page's prose have no attribute at all: one call instead of five.
  if (!el.hasAttributes()) return INLINE_TAGS.has(tag) ? 'inline' : blockKind(el, tag);
  if (el.hasAttribute(UI_ATTRIBUTE) || el.hasAttribute('hidden')) return 'skip';
  if (el.getAttribute('aria-hidden') === 'true') return 'skip';
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return 'skip';
  // Reading `el.style` builds a declaration object per element: only when a style attribute could hide it.
  const inlineStyle = el.getAttribute('style');
  if (inlineStyle !== null && inlineStyle.includes('none') && (el as HTMLElement).style?.display === 'none') return 'skip';
  if (INLINE_TAGS.has(tag)) return 'inline';
  return blockKind(el, tag);
}

/** A block element's kind: skipped when the browser does not render it (one check per block, not per text node). */
function blockKind(el: Element, tag: string): ElementKind {
  if (tag === 'BR' || tag === 'HR' || tag === 'IMG') return 'block';
  if (typeof (el as HTMLElement).checkVisibility === 'function' && !(el as HTMLElement).checkVisibility()) return 'skip';
  return 'block';
}

/**
 * True when nothing in `doc` should be touched: the whole document is being
 * edited (`designMode`, or a `contenteditable` body, as in rich-text editors'
 * iframes).
 */
export function isEditableDocument(doc: Document): boolean {
  if (doc.designMode === 'on') return true;
  const body = doc.body;
  return !!body && body.isContentEditable === true;
}

/**
 * True when `node` lies inside content the walk skips (our UI, an editable
 * region, a skipped tag, hidden content). Used for nodes added after the first
 * pass, whose ancestors the walk has not seen. Walks up the ancestors: cost is
 * the node's depth, paid once per added subtree.
 */
export function isInsideSkipped(node: Node, root: Node): boolean {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el && el !== root; el = el.parentElement) {
    const kind = kindOf(el);
    if (kind === 'skip') return true;
  }
  return false;
}

/** True for elements laid out inline by default (text around them joins). */
export function isInlineElement(el: Element): boolean {
  return INLINE_TAGS.has(el.tagName);
}
