/**
 * The options page's addresses that other contexts link to: the entry page,
 * the reader at a passage, and the highlights manager filtered by an entry.
 * One place builds them, so the options page's router (`options/route.ts`,
 * which parses them) and the popup, the card and the private frame that link
 * to them cannot drift apart. Each is a hash without its `#`.
 */

/** `entry/<id>`: an entry's page. */
export function entryRoute(id: string): string {
  return `entry/${encodeURIComponent(id)}`;
}

/** `reader[/<document>[/<passage>]]`: the reader, at a document and a passage when given. */
export function readerRoute(documentId?: string, passageId?: string): string {
  if (documentId === undefined) return 'reader';
  const document = `reader/${encodeURIComponent(documentId)}`;
  return passageId === undefined ? document : `${document}/${encodeURIComponent(passageId)}`;
}

/** `highlights?entity=<id>`: the manager showing the highlights that mention an entry. */
export function entryHighlightsRoute(id: string): string {
  return `highlights?entity=${encodeURIComponent(id)}`;
}
