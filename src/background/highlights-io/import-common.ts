/**
 * What the importers of each format share: the outcome of reading a list of
 * items, the reasons an item is skipped, and reading addresses and dates.
 */
import type { Highlight } from '../../shared/highlight';
import { normalizePageUrl } from '../../shared/page-url';
import type { ImportSkipReason } from '../../shared/protocol';

/** A JSON object. */
export type Json = Record<string, unknown>;

/** Why an item was skipped (the Data view words each reason in the interface language). */
export const SKIP = {
  addressOnly: 'address-only',
  media: 'media',
  notWebPage: 'not-web-page',
  pageNote: 'page-note',
  orphanReply: 'orphan-reply',
  duplicate: 'duplicate',
} as const satisfies Record<string, ImportSkipReason>;

/** How many items were skipped, by reason. */
export type SkipCounts = Partial<Record<ImportSkipReason, number>>;

/** Highlights read from a list of items, with what was skipped by reason; or why the file is refused. */
export type ItemsOutcome = { ok: true; highlights: Highlight[]; skipped: SkipCounts } | { ok: false; message: string };

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

