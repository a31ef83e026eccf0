/**
 * Work cut into stages: a generator that `yield`s wherever it may pause. The
 * same code runs at once (`runAtOnce`, for tests and benches) or in stages
 * (`runInStages`), giving the event loop back whenever a slice of work has
 * taken its time budget, so a background busy with a 100,000-highlight import
 * still answers the pages' calls in between (one uninterrupted parse of such a
 * file held Firefox's event page for about 11 s).
 */

/** Work that may pause wherever it yields; it returns a `T`. */
export type Stages<T> = Generator<void, T, void>;

/** Runs `work` to the end without pausing. */
export function runAtOnce<T>(work: Stages<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/** A macrotask's turn: lets queued messages and timers run before the work goes on. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Runs `work`, pausing at its first yield after each `budgetMs` of work (0:
 * at every yield) until the event loop has had a turn.
 */
export async function runInStages<T>(work: Stages<T>, budgetMs = 20): Promise<T> {
  let sliceStarted = performance.now();
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStarted >= budgetMs) {
      await nextTask();
      sliceStarted = performance.now();
    }
  }
}
