/**
 * Finds a page's article and its facts (title, site, author, publication
 * date) for the reader's library. Runs only when the reader asks to add a
 * page (injected on demand, never with the content script every page loads).
 * Reads the DOM's text; never writes to the page.
 */
import { MAX_LIBRARY_PARAGRAPHS, MAX_LIBRARY_TEXT_CHARS, type ExtractedArticle } from '../shared/library';
import { normalizePageUrl } from '../shared/page-url';

/** Elements whose text is never article text. */
const SKIP = 'script, style, noscript, template, nav, aside, footer, header, form, button, figure, figcaption, [hidden], [aria-hidden="true"], [role="navigation"], [role="complementary"]';
/** Block elements that hold the article's paragraphs. */
const BLOCKS = 'p, h2, h3, h4, blockquote, li';

function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function meta(doc: Document, ...names: string[]): string | undefined {
  for (const name of names) {
    const content = doc.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`)?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return undefined;
}

/** `YYYY-MM-DD` of a date string, or undefined when it is none. */
function isoDay(value: string | undefined): string | undefined {
  const match = value?.match(/^(\d{4})-(\d{2})-(\d{2})/);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

interface JsonLdArticle {
  headline?: string;
  datePublished?: string;
  author?: { name?: string } | { name?: string }[] | string;
  publisher?: { name?: string };
}

/** The first JSON-LD object of an article type (`NewsArticle`, `Article`, `ReportageNewsArticle`…). */
function jsonLdArticle(doc: Document): JsonLdArticle | undefined {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length > 0) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') {
        const record = item as Record<string, unknown>;
        const type = record['@type'];
        const types = Array.isArray(type) ? type : [type];
        if (types.some((t) => typeof t === 'string' && /Article$/.test(t))) return record as JsonLdArticle;
        if (record['@graph']) queue.push(record['@graph']);
      }
    }
  }
  return undefined;
}

function authorName(author: JsonLdArticle['author']): string | undefined {
  if (typeof author === 'string') return author;
  const first = Array.isArray(author) ? author[0] : author;
  return typeof first?.name === 'string' ? first.name : undefined;
}

/** The element holding most paragraph text: an `<article>`, `<main>`, or the parent of the most paragraph text. */
function articleRoot(doc: Document): Element | undefined {
  const scores = new Map<Element, number>();
  for (const p of doc.body?.querySelectorAll('p') ?? []) {
    if (p.closest(SKIP)) continue;
    const length = text(p).length;
    if (length < 40) continue;
    const parent = p.parentElement;
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + length);
  }
  let best: Element | undefined;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  // Paragraphs split across sibling wrappers: climb to the article or main element holding the best.
  return best?.closest('article, main, [itemprop="articleBody"]') ?? best;
}

/** The page's article, or paragraphs `[]` when it has none. Text is bounded a little over the library's cap. */
export function extractArticle(doc: Document, url: string): ExtractedArticle {
  const ld = jsonLdArticle(doc);
  const host = (() => {
    try {
      return new URL(url).hostname.replace(/^www\./, '');
    } catch {
      return '';
    }
  })();
  const title = (ld?.headline ?? meta(doc, 'og:title', 'twitter:title') ?? text(doc.querySelector('h1')) ?? doc.title).trim() || doc.title.trim();
  const site = (ld?.publisher?.name ?? meta(doc, 'og:site_name', 'application-name') ?? host).trim();
  const author = (authorName(ld?.author) ?? meta(doc, 'author', 'article:author'))?.trim();
  const published = isoDay(ld?.datePublished) ?? isoDay(meta(doc, 'article:published_time', 'datePublished', 'date', 'DC.date.issued')) ?? isoDay(doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined);

  const paragraphs: string[] = [];
  const root = articleRoot(doc);
  let chars = 0;
  if (root) {
    for (const block of root.querySelectorAll(BLOCKS)) {
      if (block.closest(SKIP) || block.querySelector(BLOCKS)) continue;
      const line = text(block);
      if (!line) continue;
      paragraphs.push(line);
      chars += line.length;
      // Enough for the library to say it capped the text, no more through the message.
      if (chars > MAX_LIBRARY_TEXT_CHARS || paragraphs.length > MAX_LIBRARY_PARAGRAPHS) break;
    }
  }
  const article: ExtractedArticle = { url: normalizePageUrl(url), title: title.slice(0, 500), site: site.slice(0, 200), paragraphs };
  if (author) article.author = author.slice(0, 200);
  if (published) article.published = published;
  return article;
}
