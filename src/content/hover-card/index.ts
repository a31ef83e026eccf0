/**
 * Starts the page-side background card with the extension's real calls: the
 * edge between the testable controller and the browser API.
 */
import { readerRoute } from '../../shared/options-routes';
import { callBackground } from '../../shared/messaging';
import { extensionPageUrl } from '../../shared/extension-api';
import { PRIVATE_FRAME_PAGE, privateFrameHash } from '../../shared/private-frame';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { HoverCardController } from './hover-card-controller';

export { HoverCardController } from './hover-card-controller';

/**
 * Starts the card controller until `signal` aborts; `hoverDelayMs` reads the
 * current setting; `onExcluded` hears "not this one" (the highlighter's
 * `excludeEntry`), so the page's marks can follow the reader's correction.
 */
export function startHoverCard(signal: AbortSignal, hoverDelayMs: () => number | undefined, onExcluded?: (entryId: string) => void): HoverCardController {
  return new HoverCardController({
    signal,
    onExcluded,
    fetchCards: (ids, context) => callBackground('corpus.cards', { ids, context }),
    readerHref: (documentId, passageId) => extensionPageUrl('options.html', readerRoute(documentId, passageId)),
    addCorrection: (entryId) => callBackground('corrections.add', { entryId }),
    privateFrameHref: (entryId, dark) => extensionPageUrl(PRIVATE_FRAME_PAGE, privateFrameHash({ kind: 'entry', id: entryId, dark })),
    hoverDelayMs: () => hoverDelayMs() ?? DEFAULT_SETTINGS.hoverDelayMs,
  });
}
