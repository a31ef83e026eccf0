/**
 * Who is calling. Authorisation rests on what the browser says about the
 * sender, never on what the message claims.
 */
import type { SenderKind } from '../shared/protocol';
import { normalizePageUrl, siteOf } from '../shared/page-url';

/** The browser's description of a message's sender (the fields we use). */
export interface RawSender {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

/** A classified, trusted sender. */
export interface Sender {
  kind: SenderKind;
  /** For content scripts: the normalised page URL and its site. */
  page?: string;
  site?: string;
  tabId?: number;
}

/**
 * Classifies a sender, or returns null for one we do not talk to (another
 * extension, a page we do not run on).
 */
export function classifySender(raw: RawSender, ownId: string, ownOrigin: string): Sender | null {
  if (raw.id !== ownId || !raw.url) return null;
  if (raw.url.startsWith(ownOrigin)) {
    const sender: Sender = { kind: 'extension' };
    if (raw.tab?.id !== undefined) sender.tabId = raw.tab.id;
    return sender;
  }
  if (!/^https?:/.test(raw.url) || raw.tab?.id === undefined) return null;
  const page = normalizePageUrl(raw.url);
  return { kind: 'content', page, site: siteOf(page), tabId: raw.tab.id };
}
