import type { PageReport, PageSummary } from '../../shared/protocol';
import type { Database } from './open';

/** The latest report of each annotated page, for the popup and the badge. */
export class PageStore {
  constructor(private readonly db: Database) {}

  /** Records what the content script found on `url` in `tabId`. */
  async record(url: string, tabId: number | undefined, report: PageReport): Promise<PageSummary> {
    const summary: PageSummary = { ...report, url, updatedAt: Date.now() };
    if (tabId !== undefined) summary.tabId = tabId;
    await this.db.put('pages', summary);
    return summary;
  }

  /** The newest report for a tab. */
  async forTab(tabId: number): Promise<PageSummary | null> {
    const all = await this.db.getAllFromIndex('pages', 'by-tab', tabId);
    return all.sort((a, b) => b.updatedAt - a.updatedAt)[0] ?? null;
  }

  /** The report for a page. */
  async forUrl(url: string): Promise<PageSummary | null> {
    return (await this.db.get('pages', url)) ?? null;
  }
}
