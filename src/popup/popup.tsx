/**
 * The toolbar popup: what Backstory found on the current page.
 */
import { useCall } from '../components/use-call';
import { callBackground } from '../shared/messaging';
import { currentTabId } from './current-tab';

/** The popup's root. */
export function Popup() {
  const summary = useCall(async () => {
    const tabId = await currentTabId();
    if (tabId === undefined) return { ok: true as const, value: null };
    return callBackground('page.summary', { tabId });
  }, []);
  return (
    <main>
      <h1>
        <img src="icons/icon-32.png" width="20" height="20" alt="" /> Backstory
      </h1>
      {summary.status === 'loading' && <p class="muted">Loading…</p>}
      {summary.status === 'error' && <p class="error">{summary.message}</p>}
      {summary.status === 'ready' && !summary.value && <p class="muted">Backstory has not read this page. It runs on web pages (http and https) only.</p>}
      {summary.status === 'ready' && summary.value && (
        <section aria-label="On this page">
          <p>
            {Object.keys(summary.value.counts).length} names on <span class="muted">{summary.value.title}</span>
          </p>
          <ul class="entries" data-testid="page-entries">
            {Object.entries(summary.value.counts).map(([id, count]) => (
              <li key={id} data-entry-id={id}>
                <span>{id}</span>
                <span class="muted">{count}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
