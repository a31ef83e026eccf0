/**
 * The options page's hash routes: `#explorer`, `#entry/<id>`,
 * `#reader/<documentId>[/<passageId>]`, `#timeline`, `#relations`,
 * `#highlights[?entity=<id>]`, `#library`, `#settings`, `#data`, `#search?q=`. Hash routes keep every
 * view linkable (cards link to `options.html#reader/…`) without a server.
 */
import { t } from '../shared/i18n';
import { entryHighlightsRoute, entryRoute, readerRoute } from '../shared/options-routes';

/** A parsed route. */
export type Route =
  | { view: 'explorer' }
  | { view: 'entry'; id: string }
  | { view: 'reader'; documentId?: string; passageId?: string }
  | { view: 'timeline' }
  | { view: 'relations' }
  | { view: 'highlights'; entity?: string }
  | { view: 'settings' }
  | { view: 'data' }
  | { view: 'library' }
  | { view: 'search'; q: string };

/** Views reachable from the navigation, in order (their labels: {@link viewLabel}). */
export const NAV: readonly { view: Route['view'] }[] = [
  { view: 'explorer' },
  { view: 'reader' },
  { view: 'timeline' },
  { view: 'relations' },
  { view: 'search' },
  { view: 'highlights' },
  { view: 'library' },
  { view: 'settings' },
  { view: 'data' },
];

function decode(part: string | undefined): string | undefined {
  if (!part) return undefined;
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** Parses `location.hash`; anything unknown opens the explorer. */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [path = '', query = ''] = raw.split('?', 2);
  const [head, ...rest] = path.split('/');
  switch (head) {
    case 'entry': {
      const id = decode(rest[0]);
      return id ? { view: 'entry', id } : { view: 'explorer' };
    }
    case 'reader': {
      // A passage id contains `#` (`doc#p3.s1`) and is written encoded; accept it raw too.
      const documentId = decode(rest[0]);
      const passageId = decode(rest.slice(1).join('/'));
      return { view: 'reader', documentId, passageId };
    }
    case 'search':
      return { view: 'search', q: new URLSearchParams(query).get('q') ?? '' };
    case 'highlights': {
      const entity = new URLSearchParams(query).get('entity');
      return entity ? { view: 'highlights', entity } : { view: 'highlights' };
    }
    case 'timeline':
    case 'relations':
    case 'settings':
    case 'data':
    case 'library':
      return { view: head };
    default:
      return { view: 'explorer' };
  }
}

/** The hash of a route (without `#`). */
export function routeHash(route: Route): string {
  switch (route.view) {
    case 'entry':
      return entryRoute(route.id);
    case 'reader':
      return readerRoute(route.documentId, route.passageId);
    case 'search':
      return route.q ? `search?q=${encodeURIComponent(route.q)}` : 'search';
    case 'highlights':
      return route.entity ? entryHighlightsRoute(route.entity) : 'highlights';
    default:
      return route.view;
  }
}

/** `#entry/<id>` as an href. */
export const entryHref = (id: string): string => `#${routeHash({ view: 'entry', id })}`;
/** `#highlights?entity=<id>` as an href: the manager showing the highlights that mention an entry. */
export const entryHighlightsHref = (id: string): string => `#${routeHash({ view: 'highlights', entity: id })}`;
/** `#reader/<doc>/<passage>` as an href. */
export const readerHref = (documentId: string, passageId?: string): string => `#${routeHash({ view: 'reader', documentId, passageId })}`;

/** A view's name in the navigation and the page title, in the reader's language. */
export function viewLabel(view: Route['view']): string {
  return t(`view_${view}` as const);
}
