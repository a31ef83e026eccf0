/**
 * Page identity for highlights: the same article reached through a tracking
 * link or an in-page anchor is the same page.
 */

const TRACKING_PARAMS = /^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_ga|_hsenc|_hsmi|ref_src|yclid)$/i;

/** Drops the fragment and tracking parameters, keeps everything else in order. */
export function normalizePageUrl(raw: string): string {
  const url = new URL(raw);
  url.hash = '';
  const kept = [...url.searchParams].filter(([key]) => !TRACKING_PARAMS.test(key));
  url.search = '';
  for (const [key, value] of kept) url.searchParams.append(key, value);
  return url.toString();
}

/** The host name used to group a page's highlights and per-site settings. */
export function siteOf(raw: string): string {
  try {
    return new URL(raw).hostname;
  } catch {
    return '';
  }
}
