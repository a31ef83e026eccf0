/**
 * When the page being read was published, from the cheap, common signals
 * only: the Open Graph article date, a `<time datetime>`, JSON-LD
 * `datePublished`. Read when a card opens, never on page load.
 */

const ISO_DAY = /^(\d{4}-\d{2}-\d{2})/;

function findDatePublished(value: unknown, depth = 0): string | undefined {
  if (depth > 4 || value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findDatePublished(item, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.datePublished === 'string') return record.datePublished;
  return findDatePublished(record['@graph'], depth + 1);
}

/** The page's publication day (`YYYY-MM-DD`), or undefined when it does not say. */
export function readPageDate(doc: Document): string | undefined {
  const candidates: (string | null | undefined)[] = [
    doc.querySelector('meta[property="article:published_time"]')?.getAttribute('content'),
    doc.querySelector('time[datetime]')?.getAttribute('datetime'),
  ];
  for (const candidate of candidates) {
    const day = candidate && ISO_DAY.exec(candidate.trim())?.[1];
    if (day) return day;
  }
  // JSON-LD last: it needs parsing. A page's broken JSON is not our error.
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const day = ISO_DAY.exec(findDatePublished(JSON.parse(script.textContent ?? '')) ?? '')?.[1];
      if (day) return day;
    } catch {
      // ignore
    }
  }
  return undefined;
}
