/**
 * Churn bench: what Backstory costs a page that never stops changing (issue
 * 14, item 7): a live ticker that replaces its oldest paragraph with a new one
 * every {@link INTERVAL_MS} ms, in headless Chromium with the built extension.
 *
 * The figure is the content script's extra main-thread time as a share of the
 * page's own work over the same run: Chromium's `ThreadTime` metric (CDP
 * `Performance.getMetrics`: CPU time of the page's main thread, so the
 * content script, style, layout and GC included, and unlike the tasks' wall
 * time not stretched when other processes take the CPU on a shared machine)
 * over the churn, with Backstory on minus with Backstory off, divided by the
 * figure with it off. The JS heap after a forced GC, halfway and at the end,
 * shows whether memory stays flat: the second half of the run should add
 * about nothing (the first fills caches of the names seen, such as cards). Runs alternate
 * on and off; the figures are medians. The annotator's own User Timing
 * measures in the window are printed beside it (its work without the
 * browser's style and layout of the marks).
 *
 * Why {@link DURATION_MS} (20 s) and not a minute: the content script's work
 * on such a page is periodic (the page observer flushes at most every 400 ms,
 * then a pass over what was added), so 20 s hold about 40 cycles, and the
 * share comes out the same over a minute (`BENCH_CHURN_MS=60000` to check);
 * three on/off pairs of a minute would take six minutes of a shared machine.
 *
 * Run: `npm run build && npx tsx scripts/bench/churn.ts` (or `npm run bench churn`).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { launchExtension, type ExtensionSession } from '../../tests/e2e/harness';
import { formatMs, printMachine, printTable, type BenchRow } from './format';
import { generatePage } from './page';

/** How long the page churns per run. */
const DURATION_MS = Number(process.env.BENCH_CHURN_MS ?? 20_000);
/** On/off pairs; the figures are medians. */
const PAIRS = Number(process.env.BENCH_CHURN_PAIRS ?? 3);
/** The page replaces one paragraph this often. */
const INTERVAL_MS = 20;
/** Paragraphs on the page at any time (about 36 KB of text, a long live blog). */
const SHOWN = 60;
/**
 * Budget for the extra main-thread time, as a share of the page's own work:
 * at most as much again. The page's own work here is small (it inserts one
 * paragraph every 20 ms and lays it out), while the content script has to
 * read, send and wrap every name of each paragraph, and the browser then
 * styles and lays out the marks; costing the page no more than its own
 * updates keeps such a page within twice its own load, which on this page is
 * a few percent of one core (the absolute figure is printed beside it).
 * Measured on a shared 2-core machine, the share moves by about ±30 points
 * between runs: compare it with today's build in the same hour.
 */
const BUDGET_SHARE = 1;

/** One run's figures, ms. */
interface ChurnRun {
  /** The page's main-thread CPU time over the churn. */
  cpuMs: number;
  /** JS heap growth (after GC) over the first and the second half of the run, bytes. */
  heapGrowth: [number, number];
  /** Our User Timing measures in the window (annotate and held-mark wraps). */
  ourMeasuresMs: number;
  /** Of which sending the text and choosing the mentions (the background matches), and wrapping. */
  matchMs: number;
  wrapMs: number;
  /** Annotation passes in the window. */
  passes: number;
  /** Marks in the page at the end. */
  marksAtEnd: number;
}

/** The ticker page: `churn(ms)` replaces the oldest paragraph with the next of a pool every `INTERVAL_MS` ms. */
function tickerPage(pool: readonly string[]): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Live</title></head><body><main id="live"></main><script>
  const pool = ${JSON.stringify(pool)};
  const live = document.getElementById('live');
  let next = 0;
  const add = () => live.insertAdjacentHTML('beforeend', pool[next++ % pool.length]);
  for (let i = 0; i < ${SHOWN}; i++) add();
  window.churn = (ms) => new Promise((resolve) => {
    const until = performance.now() + ms;
    const timer = setInterval(() => {
      live.firstElementChild.remove();
      add();
      if (performance.now() >= until) { clearInterval(timer); resolve(); }
    }, ${INTERVAL_MS});
  });
</script></body></html>`;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The page's main-thread CPU time so far (ms) and its JS heap after a full GC (bytes). */
async function sample(cdp: CDPSession): Promise<{ cpuMs: number; heap: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string): number => metrics.find((m) => m.name === name)?.value ?? 0;
  return { cpuMs: metric('ThreadTime') * 1000, heap: metric('JSHeapUsedSize') };
}

async function run(session: ExtensionSession, url: string, on: boolean): Promise<ChurnRun> {
  const page = await session.open(url);
  if (on) await page.waitForFunction(() => performance.getEntriesByName('backstory:annotate').length > 0, undefined, { timeout: 60_000 });
  await page.waitForTimeout(500);
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const from = await page.evaluate(() => performance.now());
  const before = await sample(cdp);
  const churned = page.evaluate((ms) => (window as unknown as { churn(ms: number): Promise<void> }).churn(ms), DURATION_MS);
  await page.waitForTimeout(DURATION_MS / 2);
  const halfway = await sample(cdp);
  await churned;
  // The last flush and pass after the churn stops are the churn's too.
  await page.waitForTimeout(1500);
  const after = await sample(cdp);
  // No named helper functions in here: tsx would wrap them in a `__name` call the page lacks.
  const ours = await page.evaluate((start) => {
    const passes = performance.getEntriesByName('backstory:annotate').filter((m) => m.startTime >= start);
    const wraps = performance.getEntriesByName('backstory:wrap').filter((m) => m.startTime >= start);
    const matches = performance.getEntriesByName('backstory:match').filter((m) => m.startTime >= start);
    let ms = 0;
    for (const m of passes) ms += m.duration;
    let wrapMs = 0;
    for (const m of wraps) {
      wrapMs += m.duration;
      if ((m as PerformanceMeasure).detail?.deferred) ms += m.duration;
    }
    let matchMs = 0;
    for (const m of matches) matchMs += m.duration;
    return { ms, matchMs, wrapMs, passes: passes.length, marks: document.querySelectorAll('bs-mark').length };
  }, from);
  await cdp.detach();
  await page.close();
  return { cpuMs: after.cpuMs - before.cpuMs, heapGrowth: [halfway.heap - before.heap, after.heap - halfway.heap], ourMeasuresMs: ours.ms, matchMs: ours.matchMs, wrapMs: ours.wrapMs, passes: ours.passes, marksAtEnd: ours.marks };
}

async function setEnabled(control: Page, enabled: boolean): Promise<void> {
  await control.evaluate((value) => chrome.runtime.sendMessage({ backstory: 1, call: 'settings.update', params: { patch: { enabled: value } } }), enabled);
}

/** The bench; prints one table. */
export async function benchChurn(): Promise<void> {
  const session = await launchExtension();
  try {
    const control = await session.openExtensionPage('options.html');
    const input = (await control.evaluate(() => chrome.runtime.sendMessage({ backstory: 1, call: 'corpus.matcherEntries', params: {} }))) as {
      value: { entries: { aliases: { text: string; weak?: boolean }[] }[] };
    };
    const names = [...new Set(input.value.entries.flatMap((e) => e.aliases.filter((a) => !a.weak).map((a) => a.text)))];
    // News-like paragraphs of about 600 characters with a name every ~150, as the page bench makes them.
    const pool = generatePage(300_000, names, 150, 7).match(/<p>[\s\S]*?<\/p>/g)!;
    session.server.route('/bench/ticker.html', tickerPage(pool));
    const url = session.server.url('/bench/ticker.html');

    const onRuns: ChurnRun[] = [];
    const offRuns: ChurnRun[] = [];
    for (let k = 0; k < PAIRS; k++) {
      await setEnabled(control, false);
      offRuns.push(await run(session, url, false));
      await setEnabled(control, true);
      onRuns.push(await run(session, url, true));
    }
    const pageOwn = median(offRuns.map((r) => r.cpuMs));
    const withUs = median(onRuns.map((r) => r.cpuMs));
    const extra = withUs - pageOwn;
    const share = extra / pageOwn;
    const seconds = (DURATION_MS + 1500) / 1000;
    const rows: BenchRow[] = [
      { figure: `page's own main-thread CPU time (Backstory off), ${seconds} s`, value: formatMs(pageOwn), baseline: `${formatMs(pageOwn / seconds)} per s` },
      { figure: 'with Backstory on', value: formatMs(withUs), baseline: `${formatMs(withUs / seconds)} per s` },
      {
        figure: "content script's extra main-thread time, share of the page's own",
        value: `${Math.round(share * 100)} %`,
        baseline: `${formatMs(extra)} (${formatMs(extra / seconds)} per s)`,
        budget: `≤ ${BUDGET_SHARE * 100} %`,
        pass: share <= BUDGET_SHARE,
      },
      { figure: '  of which the annotator measures (passes, held wraps)', value: formatMs(median(onRuns.map((r) => r.ourMeasuresMs))), baseline: `${median(onRuns.map((r) => r.passes))} passes` },
      { figure: '    match (sending the text) / wrap', value: `${formatMs(median(onRuns.map((r) => r.matchMs)))} / ${formatMs(median(onRuns.map((r) => r.wrapMs)))}` },
      ...([0, 1] as const).map((half) => ({
        figure: `JS heap growth after GC, ${half === 0 ? 'first' : 'second'} half of the run (Backstory on)`,
        value: `${Math.round(median(onRuns.map((r) => r.heapGrowth[half])) / 1024)} KB`,
        baseline: `off ${Math.round(median(offRuns.map((r) => r.heapGrowth[half])) / 1024)} KB`,
      })),
      { figure: '  marks in the page at the end (all shown paragraphs marked)', value: String(median(onRuns.map((r) => r.marksAtEnd))) },
    ];
    printMachine();
    console.log(`Chromium headless, built extension (dist/chrome); a ticker replacing 1 of ${SHOWN} paragraphs every ${INTERVAL_MS} ms for ${DURATION_MS / 1000} s; ${PAIRS} off/on pairs, medians`);
    printTable('A page that never stops changing', rows);
  } finally {
    await session.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchChurn().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
