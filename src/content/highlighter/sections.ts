/**
 * The article section a text node is in, for density "sections" (see
 * `shared/density.ts`): a heading (`h1`–`h6`, or `role="heading"`) starts a
 * section that runs to the next heading in document order. Built once per
 * annotation pass from the headings in the document then; a node is placed
 * by binary search over them (`compareDocumentPosition`), so the cost per
 * mention is logarithmic in the headings, not a walk of the page.
 */

const HEADINGS = 'h1,h2,h3,h4,h5,h6,[role="heading"]';

/** Stable numbers for heading elements across passes (content added later keeps its section's key). */
const headingIds = new WeakMap<Element, number>();
let nextHeadingId = 1;

function idOf(heading: Element): number {
  let id = headingIds.get(heading);
  if (id === undefined) {
    id = nextHeadingId++;
    headingIds.set(heading, id);
  }
  return id;
}

/** Finds the section of nodes of one document, as its headings stand now. */
export class SectionFinder {
  private readonly headings: Element[];

  constructor(doc: Document) {
    this.headings = [...doc.querySelectorAll(HEADINGS)];
  }

  /** The section `node` is in: 0 before the first heading, otherwise its heading's stable number. */
  sectionOf(node: Node): number {
    const { headings } = this;
    let lo = 0;
    let hi = headings.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const heading = headings[mid]!;
      const position = heading.compareDocumentPosition(node);
      // The heading precedes the node, or holds it (its own text belongs to its section).
      if (heading === node || position & Node.DOCUMENT_POSITION_FOLLOWING || position & Node.DOCUMENT_POSITION_CONTAINED_BY) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? 0 : idOf(headings[found]!);
  }
}
