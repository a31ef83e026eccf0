/**
 * Memoises an asynchronous start-up step while it is pending or has succeeded,
 * and forgets it when it rejects, so the next caller starts it again: a worker
 * whose first start failed (a blocked database open, a corpus fetch during an
 * update) must not answer every later message with that first error.
 */
export function memoUntilRejected<T>(start: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    if (pending) return pending;
    const attempt = start();
    pending = attempt;
    attempt.catch(() => {
      if (pending === attempt) pending = undefined;
    });
    return attempt;
  };
}
