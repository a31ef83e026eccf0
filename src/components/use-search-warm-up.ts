/**
 * Warms the background's search index when a search box appears: building it
 * reads every highlight (hundreds of milliseconds with thousands of them after
 * the background was asleep), which a reader would otherwise wait for on the
 * first query. Typing and the debounce take longer than the build.
 */
import { useEffect } from 'preact/hooks';
import { callBackground } from '../shared/messaging';

/** Asks the background to build its search index now (once per mount; failures are the first query's to report). */
export function useSearchWarmUp(): void {
  useEffect(() => {
    void callBackground('search.prepare', {});
  }, []);
}
