import type { Handlers } from '../router';
import type { Services } from '../services';

/** `page.*`: the content script's reports, the badge, the popup's read-back. */
export function pageHandlers(s: Services): Pick<Handlers, 'page.report' | 'page.summary'> {
  return {
    async 'page.report'(report, sender) {
      await s.pages.record(sender.page!, sender.tabId, report);
      if (sender.tabId !== undefined) {
        const entries = Object.keys(report.counts).length;
        await s.setBadge(sender.tabId, entries ? String(entries) : '');
      }
      return null;
    },
    async 'page.summary'({ tabId, url }) {
      if (tabId !== undefined) return s.pages.forTab(tabId);
      if (url) return s.pages.forUrl(url);
      return null;
    },
  };
}
