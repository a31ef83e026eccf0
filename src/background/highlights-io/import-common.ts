/**
 * What the importers of each format share: the outcome of reading a list of
 * items, the reasons an item is skipped, and reading addresses and dates.
 */
import type { Highlight } from '../../shared/highlight';
import { normalizePageUrl } from '../../shared/page-url';

/** A JSON object. */
export type Json = Record<string, unknown>;

/** Why an item was skipped, in words the Data view shows beside the count. */
export const SKIP = {
  addressOnly: 'about a whole page or address, not a passage',
  media: 'about an image or other media, not text',
  notWebPage: 'not on a web page (http or https)',
  pageNote: 'page notes (no passage)',
  orphanReply: 'replies whose annotation is not in the file',
  duplicate: 'already saved',
} as const;

/** Highlights read from a list of items, with what was skipped by reason; or why the file is refused. */
export type ItemsOutcome = { ok: true; highlights: Highlight[]; skipped: Record<string, number> } | { ok: false; message: string };

/** A plain object (not null, not a list). */
export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON-LD value as a list: absent is empty, one value is a list of one. */
export function listOf(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** An http(s) address, the only pages Backstory can show a highlight on. */
export function isPageAddress(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * `normalizePageUrl`, skipping its query rewriting for the common address
 * with no query and no fragment (where it changes nothing): a 10,000-record
 * import spends most of its URL time there.
 */
export function normalizeQuickly(raw: string): string {
  return /[?#]/.test(raw) ? normalizePageUrl(raw) : new URL(raw).toString();
}

/** Epoch ms of an ISO date, never in the future; `fallback` when absent or unreadable. */
export function timeOf(iso: string | undefined, fallback: number, now: number): number {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(t) && t >= 0 ? Math.min(t, now) : fallback;
}

/** Adds `more` skip counts into `into`. */
export function addSkips(into: Record<string, number>, more: Record<string, number>): Record<string, number> {
  for (const [reason, count] of Object.entries(more)) into[reason] = (into[reason] ?? 0) + count;
  return into;
}
