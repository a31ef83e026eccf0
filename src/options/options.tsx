/**
 * The options page: explorer, reader, timeline, highlights, settings and data.
 */
import { useCall } from '../components/use-call';
import { callBackground } from '../shared/messaging';

/** The options page's root. */
export function Options() {
  const status = useCall(() => callBackground('app.status', {}), []);
  return (
    <main>
      <h1>Backstory</h1>
      {status.status === 'loading' && <p class="muted">Loading…</p>}
      {status.status === 'error' && <p class="error">{status.message}</p>}
      {status.status === 'ready' && (
        <p data-testid="status">
          {status.value.entries} entries in the corpus, {status.value.highlights} saved highlights.
        </p>
      )}
    </main>
  );
}
