/**
 * Runs the extraction bundle (`extract.js`) in a tab and reads its answer.
 * Only on the reader's request (popup button, context menu, shortcut), each
 * of which grants `activeTab` for that tab: no host permission is needed, and
 * no page parses the extractor unless the reader asks.
 */
import { browser } from '../shared/platform';

/** The tab's extracted article, unchecked (the library handler validates it). */
export async function extractArticleFromTab(tabId: number): Promise<unknown> {
  await browser.scripting.executeScript({ target: { tabId }, files: ['extract.js'] });
  const [result] = await browser.scripting.executeScript({
    target: { tabId },
    func: () => {
      const g = globalThis as { backstoryExtractedArticle?: unknown };
      const article = g.backstoryExtractedArticle;
      delete g.backstoryExtractedArticle;
      return article;
    },
  });
  return result?.result;
}
