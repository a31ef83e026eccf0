/**
 * Starts the page-side background card with the extension's real calls: the
 * edge between the testable controller and the browser API.
 */
import { callBackground } from '../../shared/messaging';
import { extensionPageUrl } from '../../shared/platform';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { HoverCardController } from './hover-card-controller';

export { HoverCardController } from './hover-card-controller';

/** Starts the card controller until `signal` aborts; `hoverDelayMs` reads the current setting. */
export function startHoverCard(signal: AbortSignal, hoverDelayMs: () => number | undefined): HoverCardController {
  return new HoverCardController({
    signal,
    fetchCards: (ids, context) => callBackground('corpus.cards', { ids, context }),
    readerHref: (documentId, passageId) => extensionPageUrl('options.html', `reader/${encodeURIComponent(documentId)}/${encodeURIComponent(passageId)}`),
    addCorrection: (entryId) => callBackground('corrections.add', { entryId }),
    hoverDelayMs: () => hoverDelayMs() ?? DEFAULT_SETTINGS.hoverDelayMs,
  });
}
