/**
 * Runs `run` and swallows what it throws: a content script must never throw
 * into the page's event dispatch, where the error would reach the page's own
 * `onerror` and its error reporting. The development build says what failed.
 */
export function neverThrow(what: string, run: () => void): void {
  try {
    run();
  } catch (error) {
    if (typeof __DEV__ !== 'undefined' && __DEV__) console.warn(`Backstory ${what}:`, error);
  }
}
