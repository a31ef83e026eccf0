/**
 * The content script's lifecycle on one page: read settings, learn the
 * catalog's names from the background, annotate, report, and answer the popup.
 * Everything page-side hangs off one AbortController, so turning Backstory off
 * tears it all down.
 */
import { callBackground } from '../shared/messaging';
import { compileMatcher } from '../shared/matcher';
import type { Matcher } from '../shared/matcher';
import { isActiveOn, type Settings } from '../shared/settings';
import { listenForTabCalls } from './tab-listener';
import { startHoverCard, type HoverCardController } from './hover-card';

/** Runs Backstory on the current page. */
export class ContentApp {
  private readonly lifetime = new AbortController();
  private settings: Settings | undefined;
  private matcher: Matcher | undefined;
  private counts: Record<string, number> = {};
  private hoverCard: HoverCardController | undefined;

  /** Starts; never throws (a content script must not break the page). */
  async start(): Promise<void> {
    listenForTabCalls(
      {
        'tab.state': async () => ({ active: this.isActive(), counts: this.counts, marks: 0, capped: false, orphans: [], highlights: [] }),
        'tab.revealEntry': async () => false,
        'tab.revealHighlight': async () => false,
        'tab.settingsChanged': async ({ settings }) => {
          this.settings = settings;
          await this.refresh();
          return null;
        },
        'tab.saveSelection': async () => false,
        'tab.focusNextMention': async () => false,
      },
      this.lifetime.signal,
    );
    this.hoverCard = startHoverCard(this.lifetime.signal, () => this.settings?.hoverDelayMs);
    const settings = await callBackground('settings.get', {});
    if (!settings.ok) return;
    this.settings = settings.value;
    await this.refresh();
  }

  private isActive(): boolean {
    return !!this.settings && isActiveOn(this.settings, location.hostname);
  }

  private async refresh(): Promise<void> {
    if (!this.isActive()) {
      this.counts = {};
      return;
    }
    if (!this.matcher) {
      const data = await callBackground('corpus.matcherEntries', {});
      if (!data.ok) return;
      this.matcher = compileMatcher(data.value.entries);
    }
    const counts: Record<string, number> = {};
    for (const match of this.matcher.match(document.body.innerText)) counts[match.entryId] = (counts[match.entryId] ?? 0) + 1;
    this.counts = counts;
    const marks = Object.values(counts).reduce((a, b) => a + b, 0);
    // One batch of card data for every name now marked, so cards open without a wait.
    void this.hoverCard?.prefetchFromPage();
    await callBackground('page.report', { title: document.title, counts, marks, capped: false });
  }

  /** Removes everything Backstory added to the page. */
  destroy(): void {
    this.lifetime.abort();
  }
}
