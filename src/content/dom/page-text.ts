/**
 * The page-text model: the visible prose of a subtree as one string, with a map
 * from string offsets back to DOM text nodes.
 *
 * Inline boundaries join ("Bashar <b>al-Assad</b>" is "Bashar al-Assad") and
 * block boundaries separate (a separator character, U+0000 by default, which
 * the matcher treats as a hard boundary no name spans). Text inside skipped
 * elements (scripts, form fields, editable regions, code, SVG, hidden content,
 * our own UI) is left out; see `element-kinds.ts`.
 *
 * Our own wrappers (`<bs-mark>`, `<bs-highlight>`) are inline, so wrapping never
 * changes the text: offsets computed before a wrap are still valid in a model
 * collected after it. The saved-highlights feature relies on that to anchor
 * passages that contain highlighted names.
 */
import { isInlineElement, kindOf } from './element-kinds';

/** The default block separator: U+0000, a hard boundary for the matcher. */
export const BLOCK_SEPARATOR = '\u0000';

/** A run of text nodes with no separator between them (one paragraph, one list item). */
export interface TextBlock {
  /** Index of the block's first node in {@link PageText.nodes}. */
  firstNode: number;
  /** Index one past its last node. */
  endNode: number;
  /** Offset of the block in {@link PageText.text}. */
  start: number;
  /** End offset (exclusive). */
  end: number;
}

/** A DOM position: a text node and a UTF-16 offset inside it. */
export interface TextPosition {
  node: Text;
  offset: number;
}

/** The text of a subtree with its offset map. Immutable once collected. */
export interface PageText {
  /** The joined text: node texts, with the separator between blocks. */
  readonly text: string;
  /** Every collected text node, in document order (empty nodes are left out). */
  readonly nodes: readonly Text[];
  /** Offset of each node's first character in {@link text}. */
  readonly starts: readonly number[];
  /** The blocks, in order; every node belongs to exactly one. */
  readonly blocks: readonly TextBlock[];
  /**
   * The DOM position of a text offset. An offset inside a separator maps to the
   * start of the next node (`bias: 'forward'`, for range starts) or the end of
   * the previous one (`'backward'`, for range ends). Null when out of range.
   */
  locate(offset: number, bias?: 'forward' | 'backward'): TextPosition | null;
  /** A live DOM Range over `[start, end)`, or null when it maps to nothing. */
  toRange(start: number, end: number): Range | null;
  /** The offset of a DOM position (a collected text node and an offset in it), or -1. */
  offsetOf(node: Node, offset: number): number;
  /** True when every node is still in the document with the text it had when collected. */
  isCurrent(): boolean;
}

/**
 * Text joined at a time while walking: joining a huge page's thousands of
 * node texts in one call would be one long task at the end of the walk.
 */
const JOIN_CHARS = 65_536;

/** Options of {@link collectPageText}. */
export interface CollectOptions {
  /** Put between blocks. Default {@link BLOCK_SEPARATOR}; `'\n'` reads better in quotes. */
  separator?: string;
  /**
   * Elements whose text is left out and that act as a block boundary (the
   * annotator passes "already marked" here so a second pass skips old marks).
   */
  exclude?: (el: Element) => boolean;
}

/**
 * Collects the page text of `roots` (usually `[document.body]`), joined by the
 * separator. Synchronous; for big pages the annotator uses
 * {@link PageTextCollector} to spread the walk over several tasks.
 *
 * ```ts
 * const page = collectPageText([document.body], { separator: '\n' });
 * const at = page.text.indexOf(quote);
 * const range = page.toRange(at, at + quote.length);
 * ```
 */
export function collectPageText(roots: readonly Node[], options: CollectOptions = {}): PageText {
  const collector = new PageTextCollector(roots, options);
  collector.run(() => false);
  return collector.result();
}

/**
 * A resumable walk: `run(shouldPause)` walks until done or until
 * `shouldPause()` says the time slice is used up, and can be called again in a
 * later task. If the DOM changes between slices so that the walk cannot
 * continue where it stopped, {@link stale} becomes true and the caller starts
 * over.
 */
export class PageTextCollector {
  private readonly separator: string;
  private readonly exclude: ((el: Element) => boolean) | undefined;
  private readonly roots: Node[];
  private rootIndex = 0;
  /** The root being walked: the climb back up stops there. */
  private currentRoot: Node | null = null;
  /** The node to visit next (null: move to the next root). */
  private current: Node | null = null;
  /** Node texts and separators not joined yet. */
  private parts: string[] = [];
  /** Joined runs of {@link parts}: joining as the walk goes keeps `result()` short on a huge page (see {@link JOIN_CHARS}). */
  private readonly joined: string[] = [];
  /** Where the unjoined {@link parts} start in the text. */
  private partsStart = 0;
  private length = 0;
  private readonly nodes: Text[] = [];
  private readonly starts: number[] = [];
  /** Each node's length as read: reading it again from the DOM is a binding call per node. */
  private readonly lengths: number[] = [];
  private readonly blocks: TextBlock[] = [];
  private blockFirstNode = 0;
  private blockStart = 0;
  /** A block boundary was passed since the last text. */
  private pendingBreak = false;
  /** True when the DOM changed under a paused walk. */
  stale = false;
  /** True when the walk has finished. */
  done = false;

  constructor(roots: readonly Node[], options: CollectOptions = {}) {
    this.roots = [...roots];
    this.separator = options.separator ?? BLOCK_SEPARATOR;
    this.exclude = options.exclude;
  }

  /** Characters collected so far. */
  get textLength(): number {
    return this.length;
  }

  /** Walks until done (returns true) or until `shouldPause()` (returns false). */
  run(shouldPause: () => boolean): boolean {
    if (this.done) return true;
    if (this.current && !this.current.isConnected) {
      this.stale = true;
      this.done = true;
      return true;
    }
    let steps = 0;
    while (!this.done) {
      if (this.current === null) {
        if (!this.startRoot()) break;
        continue;
      }
      this.visit();
      // Reading the clock costs more than a step: ask every 256 steps.
      if ((++steps & 255) === 0 && shouldPause()) return false;
    }
    this.closeBlock();
    this.done = true;
    return true;
  }

  /** The collected model (call after `run` returned true). */
  result(): PageText {
    this.joinParts();
    return makePageText(this.joined.length === 1 ? this.joined[0]! : this.joined.join(''), this.nodes, this.starts, this.lengths, this.blocks);
  }

  /** Joins the parts so far into one string, so a walk's slices share the work of building the text. */
  private joinParts(): void {
    if (this.parts.length > 0) this.joined.push(this.parts.join(''));
    this.parts = [];
    this.partsStart = this.length;
  }

  /** Moves to the next root; false when there is none. */
  private startRoot(): boolean {
    const root = this.roots[this.rootIndex++];
    if (root === undefined) return false;
    this.breakBlock();
    if (root.nodeType === Node.TEXT_NODE) {
      this.addText(root as Text);
      return true;
    }
    if (root.nodeType !== Node.ELEMENT_NODE && root.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return true;
    if (root.nodeType === Node.ELEMENT_NODE && !this.enterable(root as Element)) return true;
    this.current = root.firstChild;
    this.currentRoot = root;
    return true;
  }

  /** True when the walk descends into `el`; records block boundaries. */
  private enterable(el: Element): boolean {
    if (this.exclude?.(el)) {
      this.breakBlock();
      return false;
    }
    const kind = kindOf(el);
    if (kind === 'skip') {
      this.breakBlock();
      return false;
    }
    if (kind === 'block') this.breakBlock();
    return true;
  }

  /** Visits `current` and moves to the next node in document order. */
  private visit(): void {
    const node = this.current!;
    if (node.nodeType === Node.TEXT_NODE) {
      this.addText(node as Text);
    } else if (node.nodeType === Node.ELEMENT_NODE && this.enterable(node as Element) && node.firstChild) {
      this.current = node.firstChild;
      return;
    }
    this.advanceFrom(node);
  }

  /**
   * Moves to the next node in document order, climbing out of finished
   * elements. Leaving a block is a boundary too. An element being left was
   * entered, so it is not skipped, and inline versus block is then a matter of
   * its tag alone (no second visibility check).
   */
  private advanceFrom(node: Node): void {
    let at: Node | null = node;
    while (at && at !== this.currentRoot) {
      if (at !== node && at.nodeType === Node.ELEMENT_NODE && !isInlineElement(at as Element)) this.breakBlock();
      if (at.nextSibling) {
        this.current = at.nextSibling;
        return;
      }
      at = at.parentNode;
    }
    this.current = null;
  }

  private addText(node: Text): void {
    const data = node.data;
    if (data.length === 0) return;
    if (this.pendingBreak) {
      this.closeBlock();
      if (this.length > 0) {
        this.parts.push(this.separator);
        this.length += this.separator.length;
      }
      this.blockFirstNode = this.nodes.length;
      this.blockStart = this.length;
      this.pendingBreak = false;
    }
    this.nodes.push(node);
    this.starts.push(this.length);
    this.lengths.push(data.length);
    this.parts.push(data);
    this.length += data.length;
    if (this.length - this.partsStart >= JOIN_CHARS) this.joinParts();
  }

  private breakBlock(): void {
    this.pendingBreak = true;
  }

  private closeBlock(): void {
    if (this.nodes.length > this.blockFirstNode) {
      const last = this.blocks[this.blocks.length - 1];
      if (!last || last.endNode !== this.nodes.length) {
        this.blocks.push({ firstNode: this.blockFirstNode, endNode: this.nodes.length, start: this.blockStart, end: this.length });
      }
    }
    this.blockFirstNode = this.nodes.length;
    this.blockStart = this.length;
  }
}

/**
 * Index of the last node starting at or before `offset` among `[from, to)` of
 * `starts` (binary search), or `from - 1` when none does.
 */
export function nodeIndexAt(starts: readonly number[], offset: number, from = 0, to = starts.length): number {
  let lo = from;
  let hi = to - 1;
  let found = from - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** `lengths`: as collected; the live nodes may change later, the model does not. */
function makePageText(text: string, nodes: readonly Text[], starts: readonly number[], lengths: readonly number[], blocks: readonly TextBlock[]): PageText {
  const locate = (offset: number, bias: 'forward' | 'backward' = 'forward'): TextPosition | null => {
    if (offset < 0 || offset > text.length || nodes.length === 0) return null;
    if (bias === 'backward') {
      // An end offset belongs to the last node that starts strictly before it.
      const i = offset === 0 ? -1 : nodeIndexAt(starts, offset - 1);
      if (i < 0) return { node: nodes[0]!, offset: 0 };
      return { node: nodes[i]!, offset: Math.min(offset - starts[i]!, lengths[i]!) };
    }
    const i = Math.max(0, nodeIndexAt(starts, offset));
    if (offset < starts[i]! + lengths[i]!) return { node: nodes[i]!, offset: Math.max(0, offset - starts[i]!) };
    // At a node's end or in a separator: the start of the next node, if any.
    if (i + 1 < nodes.length) return { node: nodes[i + 1]!, offset: 0 };
    return { node: nodes[i]!, offset: lengths[i]! };
  };
  return {
    text,
    nodes,
    starts,
    blocks,
    locate,
    toRange(start, end) {
      if (end <= start) return null;
      const from = locate(start, 'forward');
      const to = locate(end, 'backward');
      if (!from || !to || !from.node.isConnected || !to.node.isConnected) return null;
      const range = from.node.ownerDocument.createRange();
      range.setStart(from.node, Math.min(from.offset, from.node.length));
      range.setEnd(to.node, Math.min(to.offset, to.node.length));
      return range.collapsed ? null : range;
    },
    offsetOf(node, offset) {
      const i = nodes.indexOf(node as Text);
      return i < 0 ? -1 : starts[i]! + Math.min(offset, lengths[i]!);
    },
    isCurrent() {
      return nodes.every((n, i) => n.isConnected && n.length === lengths[i] && text.startsWith(n.data, starts[i]!));
    },
  };
}

/**
 * Text the background matches per matcher call (`matchChunks`). A typical
 * article is one chunk; a 1 MB page is cut at block boundaries into chunks,
 * so the resolver's work per call stays bounded. The matcher resolves
 * ambiguous and weak names from the context of its input, so on huge pages
 * that context is the chunk (about the length of a long article), not the page.
 */
const CHUNK_CHARS = 32_768;

/** Consecutive runs of whole blocks of `page` of about {@link CHUNK_CHARS}: what one matcher call reads. */
export function* pageChunks(page: PageText): Generator<{ start: number; end: number }> {
  const { blocks } = page;
  let i = 0;
  while (i < blocks.length) {
    const start = blocks[i]!.start;
    let end = blocks[i]!.end;
    i++;
    while (i < blocks.length && blocks[i]!.end - start <= CHUNK_CHARS) end = blocks[i++]!.end;
    yield { start, end };
  }
}

/**
 * Chunk bounds (start, end pairs) grouped into the bounds of each message:
 * whole chunks, up to `maxChars` of text a message; a longer chunk goes alone
 * (the annotator's messages, and the first stage's one).
 */
export function messagesOf(bounds: readonly number[], maxChars: number): number[][] {
  const messages: number[][] = [];
  let current: number[] = [];
  for (let k = 0; k < bounds.length; k += 2) {
    if (current.length > 0 && bounds[k + 1]! - current[0]! > maxChars) {
      messages.push(current);
      current = [];
    }
    current.push(bounds[k]!, bounds[k + 1]!);
  }
  if (current.length > 0) messages.push(current);
  return messages;
}

/**
 * One message's request for `page.match`: the text of the chunks `piece`
 * (bounds from {@link messagesOf}), their bounds relative to it, and where
 * it starts in the page's text. The annotator and the first stage build it
 * here, so the first stage's answer is for exactly the text the app sends.
 */
export function messageOf(page: PageText, piece: readonly number[]): { text: string; bounds: number[]; at: number } {
  const at = piece[0]!;
  return { text: page.text.slice(at, piece[piece.length - 1]), bounds: piece.map((b) => b - at), at };
}
