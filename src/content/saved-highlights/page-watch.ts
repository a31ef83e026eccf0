/**
 * Watches the page for changes that may bring back a lost highlight (late
 * content, a re-rendered article). The observer callback only notes that
 * something changed; the work runs later, once the page is quiet, so a busy
 * page is never slowed inside its own mutations.
 */
import { UI_ATTRIBUTE } from '../dom/element-kinds';

/** A watcher; `ignoreOwn` drops the records of our own DOM work. */
export interface PageWatch {
  /** Call right after changing the DOM ourselves, so our changes do not trigger a flush. */
  ignoreOwn(): void;
}

function isOurs(node: Node): boolean {
  if (node.nodeType !== Node.ELEMENT_NODE) return false;
  const el = node as Element;
  return el.tagName === 'BS-HIGHLIGHT' || el.tagName === 'BS-MARK' || el.hasAttribute(UI_ATTRIBUTE);
}

/** True when a record is about the page's content rather than our wrappers or UI. */
function isPageChange(record: MutationRecord): boolean {
  const target = record.target.nodeType === Node.ELEMENT_NODE ? (record.target as Element) : record.target.parentElement;
  if (target?.closest(`[${UI_ATTRIBUTE}]`)) return false;
  if (record.type === 'characterData') return true;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  // Records of only our elements are not a page change. Text-node splits by
  // the entity highlighter do count, but the flush they cause finds nothing
  // lost and does nothing.
  return nodes.some((n) => !isOurs(n));
}

/** Calls `flush` once the page has been quiet for `quietMs` after a change, until `signal` aborts. */
export function watchPage(root: Node, flush: () => void, signal: AbortSignal, quietMs = 400): PageWatch {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((records) => {
    if (!records.some(isPageChange)) return;
    clearTimeout(timer);
    timer = setTimeout(flush, quietMs);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(timer);
    },
    { once: true },
  );
  return { ignoreOwn: () => void observer.takeRecords() };
}
