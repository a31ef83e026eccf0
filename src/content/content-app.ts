/**
 * The content script's lifecycle on one page: read settings, highlight the
 * catalog's names (see `highlighter/entity-highlighting.ts`), report to the
 * background, answer the popup's tab calls, and start the page features.
 *
 * Everything page-side hangs off one AbortController (`lifetime`): features
 * get its signal, and `destroy()` tears it all down. Turning highlighting off
 * for the site does not stop the content script: it removes the marks, so
 * turning it on again works without reload.
 *
 * A new page feature is one entry in {@link FEATURES} (see `page-feature.ts`).
 */
import { callBackground } from '../shared/messaging';
import { extensionAlive } from '../shared/extension-api';
import { isActiveOn, type Settings } from '../shared/settings';
import { MarkTabStops } from './dom/mark-tab-stops';
import { EntityHighlighting } from './highlighter/entity-highlighting';
import { startHoverCard } from './hover-card';
import { startSavedHighlights } from './saved-highlights/feature';
import type { PageFeature, PageFeatureContext, PageFeatureStarter, TabState } from './page-feature';
import type { PageMatches } from '../shared/protocol';
import type { FirstStage } from './first-stage-handoff';
import { listenForTabCalls, type TabHandlers } from './tab-listener';

/** The page features, started once per page in this order. */
const FEATURES: PageFeatureStarter[] = [
  // The background card on hover/focus of a mark; prefetches card data whenever marks change.
  // "Not this one" in the card removes that entry's marks at once (the card also stores the site's correction).
  // With "Tab reaches marks" on, each mention is a Tab stop, and Enter or Space on it opens its card.
  (context) => {
    const card = startHoverCard(context.signal, () => context.settings()?.hoverDelayMs, (entryId) => context.excludeEntry(entryId));
    const tabStops = new MarkTabStops(document);
    const applyTabStops = () => tabStops.apply(context.settings()?.tabToMarks === true);
    return {
      marksChanged: () => {
        void card.prefetchFromPage();
        applyTabStops();
      },
      settingsChanged: applyTabStops,
      handlers: { 'tab.closeCard': async () => card.closeCard() },
    };
  },
  // Saved highlights: drawn on load, the selection toolbar, re-anchoring on page changes.
  startSavedHighlights,
];

/** Runs Backstory on the current page. */
export class ContentApp {
  private readonly lifetime = new AbortController();
  private settings: Settings | undefined;
  /** Settings a tab call gave before the start's own read answered: that read is older. */
  private settingsGiven = false;
  private settle!: () => void;
  /** Settles when the start has read the settings and made its first pass (or could not). */
  private readonly firstPass = new Promise<void>((resolve) => (this.settle = resolve));
  private readonly features: PageFeature[] = [];
  private readonly highlighting = new EntityHighlighting({
    document,
    // The background matches every page (see `highlighter/page-matching.ts`).
    matchRemote: async (text, bounds, exclude, part) => {
      const first = this.takeFirstMatch(text, bounds, exclude, part);
      if (first) return first;
      const found = await callBackground('page.match', part ? { text, bounds, exclude, part } : { text, bounds, exclude });
      // Orphaned by an update of the extension: nothing will ever answer, so
      // stop and give the page back rather than walk it again on every change.
      if (!found.ok && !extensionAlive()) queueMicrotask(() => this.destroy());
      return found.ok ? found.value : null;
    },
    report: (report) => void callBackground('page.report', report),
    onChange: (state) => this.each((f) => f.marksChanged?.(state)),
  });

  /** `firstStage`: what the content script's first stage hands over (none in unit tests, which listen for tab calls themselves). */
  constructor(private readonly firstStage?: FirstStage) {}

  /** Starts; never throws (a content script must not break the page). */
  async start(): Promise<void> {
    const context: PageFeatureContext = {
      signal: this.lifetime.signal,
      settings: () => this.settings,
      marks: () => this.highlighting.state(),
      excludeEntry: (entryId) => void this.highlighting.excludeEntry(entryId),
      selectionWaiting: this.firstStage?.selection ?? false,
      pageHighlights: this.firstStage?.highlights,
    };
    for (const start of FEATURES) {
      try {
        const feature = start(context);
        if (feature) this.features.push(feature);
      } catch (error) {
        if (__DEV__) console.warn('Backstory: a page feature failed to start', error);
      }
    }
    if (this.firstStage) this.firstStage.tabCalls(this.tabHandlers());
    else listenForTabCalls(this.tabHandlers(), this.lifetime.signal);
    this.lifetime.signal.addEventListener('abort', () => this.highlighting.destroy(), { once: true });

    try {
      // The first stage's settings, read a moment ago, or the background's.
      const given = this.firstStage?.settings;
      const settings = given ? { ok: true as const, value: given } : await callBackground('settings.get', {});
      if (!settings.ok || this.lifetime.signal.aborted || this.settingsGiven) return;
      await this.applySettings(settings.value);
    } finally {
      this.settle();
    }
  }

  /**
   * The first stage's answer, for the app's first request only, when that is
   * the one it sent: the same text in the same chunks, whole, with nothing excluded yet.
   * Anything else (the page changed since, the reader excluded a name) is
   * asked of the background.
   */
  private takeFirstMatch(text: string, bounds: number[], exclude: string[], part: unknown): PageMatches | undefined {
    if (!this.firstStage || this.firstStage.matchAsked) return undefined;
    this.firstStage.matchAsked = true;
    const first = this.firstStage.firstMatch;
    if (!first) return undefined;
    this.firstStage.firstMatch = undefined;
    const same = part === undefined && exclude.length === 0 && text === first.text && bounds.length === first.bounds.length && bounds.every((b, i) => b === first.bounds[i]);
    return same ? first.answer : undefined;
  }

  /** Removes everything Backstory added to the page. */
  destroy(): void {
    this.lifetime.abort();
  }

  private async applySettings(settings: Settings): Promise<void> {
    this.settings = settings;
    this.each((f) => f.settingsChanged?.(settings));
    await this.highlighting.apply(settings, isActiveOn(settings, location.hostname));
  }

  /** Our tab calls, overridden by the features that answer some of them. */
  private tabHandlers(): TabHandlers {
    const own: TabHandlers = {
      'tab.state': async () => {
        // The popup's question on a page just loaded gets the page's state, not the empty one of an app that has not read its settings.
        await this.firstPass;
        let state: TabState = { ...this.highlighting.state(), orphans: [], highlights: [], changed: [] };
        this.each((f) => {
          if (f.state) state = { ...state, ...f.state() };
        });
        return state;
      },
      'tab.revealEntry': async ({ entryId }) => this.highlighting.revealEntry(entryId),
      'tab.revealHighlight': async () => false,
      'tab.settingsChanged': async ({ settings }) => {
        this.settingsGiven = true;
        await this.applySettings(settings);
        return null;
      },
      'tab.saveSelection': async () => false,
      'tab.focusNextMention': async () => this.highlighting.focusNextMention(),
      'tab.closeCard': async () => false,
      'tab.closeNote': async () => false,
      'tab.highlightChanged': async () => false,
    };
    for (const feature of this.features) Object.assign(own, feature.handlers);
    return own;
  }

  /** Calls every feature's hook; one feature's failure never stops the others. */
  private each(call: (feature: PageFeature) => void): void {
    for (const feature of this.features) {
      try {
        call(feature);
      } catch (error) {
        if (__DEV__) console.warn('Backstory: a page feature failed', error);
      }
    }
  }
}
