/**
 * Page bench: annotating real pages in headless Chromium with the built
 * extension (the production build, as a reader installs it), beside mark.js doing the same job on the same page in the same
 * run.
 *
 * Why the built extension rather than injecting the content bundle: the
 * figures then include everything a reader pays for (the real content script
 * in its isolated world, its messages to the background, the real settings),
 * and the User Timing measures the annotator leaves (`backstory:annotate`,
 * `backstory:match`, `backstory:wrap`) are visible to the page, so the bench
 * reads them without any hook in the product.
 *
 * For each page: (1) Backstory on: read the first pass's measures and the
 * longest main-thread task while it ran (PerformanceObserver `longtask`, plus
 * the annotator's own longest slice); where the pass held marks back until
 * they come near the viewport (`pending-wraps.ts`), scroll the page through
 * and add up the work of wrapping them, printed beside the pass; (2) Backstory off, page reloaded, mark.js
 * `markRegExp` with one combined RegExp of every alias; (3) reloaded again,
 * mark.js `mark(aliases)`, the naive one-pass-per-name approach; (4) Backstory
 * on, more loads, traced: the main thread's CPU time in the tasks the pass ran
 * in (`chrome-trace.ts` says why CPU time beside the wall).
 *
 * For the page with nothing to mark it also sums the CPU time of every
 * main-thread task that ran our code and sets it beside a floor measured the
 * same way: a content script that only walks the text and asks
 * (`first-stage-floor.ts`), installed in a copy of the production build.
 *
 * Run: `npm run build && npx tsx scripts/bench/page.ts` (or `npm run bench page`).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { CHROME_DIST, launchExtension, type ExtensionSession } from '../../tests/e2e/harness';
import { buildAll } from '../build';
import { REALPAGES_DIR } from '../../tests/e2e/server';
import { measureBegin, tasksOf, tasksRunning, traceLoad, type TraceEvent } from './chrome-trace';
import { formatMs, printMachine, printTable, ratio, type BenchRow } from './format';
import { prng } from './prng';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MARK_JS = path.join(ROOT, 'node_modules', 'mark.js', 'dist', 'mark.min.js');
const REAL_PAGES = ['wikipedia.html', 'yahoo-2.html', 'nytimes-5.html', 'wikia.html', 'medium-1.html'];
const DEMO_ARTICLE = '2025-10-sharaa-overture-to-putin.html';
const GENERATED_BYTES = 1_000_000;
const NAIVE_LIMIT_MS = 120_000;
/** Fresh loads per page and method; the figures are medians. */
const LOADS = Number(process.env.BENCH_PAGE_LOADS ?? 5);
/** `BENCH_PAGE_QUICK=1`: skip the naive `mark(aliases)` baseline (minutes per run) while iterating. */
const QUICK = process.env.BENCH_PAGE_QUICK === '1';

/** What one annotated page measured. */
interface OurRun {
  annotateMs: number;
  matchMs: number;
  wrapMs: number;
  /** Wall time waiting for the background's matches (another thread's work, not the page's). */
  remoteMs: number;
  marks: number;
  textLength: number;
  longestSliceMs: number;
  /** Longest long task (> 50 ms by definition) overlapping the pass; 0 when none. */
  longestTaskMs: number;
  /** Mentions the pass wrapped; the rest of `marks` were held until near the viewport. */
  added: number;
  /** Work of wrapping every held mark, the page scrolled through top to bottom; 0 when none were held. */
  heldWrapMs: number;
  /** Longest slice of that work. */
  heldLongestSliceMs: number;
}


const FILLER = (
  'the of and to in a said on for that with was as by it at from his has have are be an this were which ' +
  'government officials talks week meeting border forces city region support country report agreement ' +
  'minister according statement political security military economic after before during while ' +
  'people new year first last would could also more than other their about into over'
).split(' ');

/** News-like paragraphs with a mention about every `every` characters; empty names give a page with nothing to mark. */
export function generatePage(bytes: number, names: readonly string[], every: number, seed: number): string {
  const random = prng(seed);
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    let p = '';
    let sinceName = 0;
    while (p.length < 600) {
      if (names.length > 0 && sinceName >= every) {
        const name = names[Math.floor(random() * names.length)]!;
        // Some names sit in markup, as on real pages.
        const r = random();
        p += r < 0.1 ? `<a href="#">${name}</a> ` : r < 0.15 ? `<b>${name}</b> ` : `${name} `;
        sinceName = 0;
      } else {
        const word = FILLER[Math.floor(random() * FILLER.length)]!;
        p += `${word}${random() < 0.08 ? '.' : ''} `;
        sinceName += word.length + 1;
      }
    }
    paragraphs.push(`<p>${p.trim()}</p>`);
    size += p.length;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Generated</title></head><body><main><article>${paragraphs.join('\n')}</article></main></body></html>`;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Each figure's median over the loads; the longest task is the worst load's (a budget is a maximum). */
function medianRun(runs: readonly OurRun[]): OurRun {
  const pick = (key: keyof OurRun): number => median(runs.map((r) => r[key]));
  return {
    annotateMs: pick('annotateMs'),
    matchMs: pick('matchMs'),
    wrapMs: pick('wrapMs'),
    remoteMs: pick('remoteMs'),
    marks: pick('marks'),
    textLength: pick('textLength'),
    longestSliceMs: Math.max(...runs.map((r) => r.longestSliceMs)),
    longestTaskMs: Math.max(...runs.map((r) => r.longestTaskMs)),
    added: pick('added'),
    heldWrapMs: pick('heldWrapMs'),
    heldLongestSliceMs: Math.max(...runs.map((r) => r.heldLongestSliceMs)),
  };
}

/** Installs a long-task observer in every page before its scripts run. */
async function observeLongTasks(session: ExtensionSession): Promise<void> {
  await session.context.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // No long-task API: the annotator's own slice timings still tell.
    }
  });
}

async function setEnabled(control: Page, enabled: boolean): Promise<void> {
  await control.evaluate((on) => chrome.runtime.sendMessage({ backstory: 1, call: 'settings.update', params: { patch: { enabled: on } } }), enabled);
}

/** Waits for the first annotation pass of `page`, and a little longer for the long-task observer to report. */
async function waitForPass(page: Page): Promise<void> {
  const deadline = Date.now() + 60_000;
  while ((await page.evaluate(() => performance.getEntriesByName('backstory:annotate').length)) === 0) {
    if (Date.now() > deadline) throw new Error(`no annotation pass on ${page.url()}`);
    await page.waitForTimeout(50);
  }
  await page.waitForTimeout(300);
}

async function runOurs(session: ExtensionSession, url: string): Promise<OurRun> {
  const page = await session.open(url);
  await waitForPass(page);
  const run = await page.evaluate(() => {
    const annotate = performance.getEntriesByName('backstory:annotate')[0] as PerformanceMeasure;
    const detail = annotate.detail as { marks: number; added: number; textLength: number; longestSliceMs: number; wallMs: number; remoteMs: number };
    // No named helper functions in here: tsx would wrap them in a `__name` call the page lacks.
    const matchMs = performance.getEntriesByName('backstory:match')[0]?.duration ?? 0;
    const wrapMs = performance.getEntriesByName('backstory:wrap')[0]?.duration ?? 0;
    const from = annotate.startTime;
    const to = from + detail.wallMs;
    const tasks = (window as unknown as { __longTasks?: { start: number; duration: number }[] }).__longTasks ?? [];
    const overlapping = tasks.filter((t) => t.start < to && t.start + t.duration > from);
    return {
      annotateMs: annotate.duration,
      matchMs,
      wrapMs,
      remoteMs: detail.remoteMs,
      marks: detail.marks,
      textLength: detail.textLength,
      longestSliceMs: detail.longestSliceMs,
      longestTaskMs: Math.max(0, ...overlapping.map((t) => t.duration)),
      added: detail.added,
    };
  });
  const held = run.added < run.marks ? await scrollThrough(page) : { wrapMs: 0, longestSliceMs: 0 };
  await page.close();
  return { ...run, heldWrapMs: held.wrapMs, heldLongestSliceMs: held.longestSliceMs };
}

/**
 * Scrolls the page top to bottom, three viewport heights at a time (held marks
 * are wrapped within one height above and below the visible area), and sums
 * the work of the wraps that released (`backstory:wrap` with `detail.deferred`).
 */
async function scrollThrough(page: Page): Promise<{ wrapMs: number; longestSliceMs: number }> {
  // No named helper functions in here: tsx would wrap them in a `__name` call the page lacks.
  await page.evaluate(async () => {
    for (let y = 0; ; y += 3 * innerHeight) {
      scrollTo(0, Math.min(y, document.documentElement.scrollHeight));
      await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
      if (y >= document.documentElement.scrollHeight) break;
    }
  });
  // The last releases run in slices after the scroll: wait until no new wrap for a while.
  let count = -1;
  for (;;) {
    const now = await page.evaluate(() => performance.getEntriesByName('backstory:wrap').length);
    if (now === count) break;
    count = now;
    await page.waitForTimeout(400);
  }
  return page.evaluate(() => {
    const held = (performance.getEntriesByName('backstory:wrap') as PerformanceMeasure[]).filter((m) => (m.detail as { deferred?: boolean } | null)?.deferred);
    return {
      wrapMs: held.reduce((sum, m) => sum + m.duration, 0),
      longestSliceMs: Math.max(0, ...held.map((m) => (m.detail as { longestSliceMs: number }).longestSliceMs)),
    };
  });
}

/**
 * Times a mark.js call on a fresh load of `url` (Backstory off); null when it
 * did not finish in time or threw (mark.js's one-RegExp-per-name `mark()`
 * overflows the RegExp stack on some pages: a failed baseline, not a failed bench).
 */
async function runMarkJs(session: ExtensionSession, url: string, aliases: readonly string[], kind: 'regexp' | 'naive'): Promise<number | null> {
  const page = await session.open(url);
  await page.addScriptTag({ content: readFileSync(MARK_JS, 'utf8') });
  const timed = page.evaluate(
    ([names, how]) => {
      const escaped = [...names].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      const MarkCtor = (window as unknown as { Mark: new (ctx: Element) => { markRegExp(r: RegExp, o: object): void; mark(k: string[], o: object): void } }).Mark;
      const started = performance.now();
      const instance = new MarkCtor(document.body);
      if (how === 'regexp') instance.markRegExp(new RegExp(`\\b(?:${escaped.join('|')})\\b`, 'gi'), { element: 'bs-bench' });
      else instance.mark([...names], { element: 'bs-bench', separateWordSearch: false, accuracy: 'exactly', diacritics: false });
      return performance.now() - started;
    },
    [aliases, kind] as const,
  ).catch((error: unknown) => {
    process.stderr.write(`  mark.js ${kind} failed on ${url}: ${String(error).split('\n')[0]}\n`);
    return null;
  });
  const limit = new Promise<null>((resolve) => setTimeout(() => resolve(null), NAIVE_LIMIT_MS));
  const ms = await Promise.race([timed, limit]);
  await page.close().catch(() => undefined);
  return ms;
}

/** What loading our content scripts into a page cost, from the browser's trace (milliseconds). */
interface StartupCost {
  compileMs: number;
  runMs: number;
  /** The thread's CPU time of both. */
  cpuMs: number;
  /** CPU time of parsing off the main thread (the browser streams a module's parse, not a content script's). */
  backgroundParseMs: number;
}

/** The two stages of the content script: `content.js` on every page, `content-app.js` where it loads it. */
const SCRIPT_FILES = ['/content.js', '/content-app.js'] as const;

/**
 * Whether trace event `e` belongs to one of `files`: its compile and run, a
 * call into it. The app's module evaluation names no file, only our world.
 */
function ofScripts(e: TraceEvent, files: readonly string[] = SCRIPT_FILES): boolean {
  const args = JSON.stringify(e.args ?? {});
  if (e.name === 'v8.evaluateModule') return files.includes('/content-app.js') && args.includes('"worldName":"Backstory"');
  return files.some((file) => args.includes(file));
}

/**
 * The parse-and-compile and the top-level run of `files` on a fresh load of
 * `url`, read from a Chrome trace (`v8.compile` and `v8.run` events, and
 * `v8.compileModule` and `v8.evaluateModule` for the app's module, whose
 * parse is `v8.parseOnBackground` off the main thread), medians
 * of {@link LOADS} loads after one warm-up load (the first load of a
 * profile also fills the code cache).
 */
async function startupCost(session: ExtensionSession, url: string, files: readonly string[]): Promise<StartupCost> {
  const runs: StartupCost[] = [];
  for (let k = 0; k <= LOADS; k++) {
    const { page, events } = await traceLoad(session, url, waitForPass);
    await page.close();
    const ours = events.filter((e) => ofScripts(e, files));
    const sum = (names: string[], clock: 'dur' | 'tdur'): number => ours.filter((e) => names.includes(e.name)).reduce((total, e) => total + (e[clock] ?? e.dur ?? 0) / 1000, 0);
    const compile = ['v8.compile', 'v8.compileModule'];
    const run = ['v8.run', 'v8.evaluateModule'];
    if (k > 0) runs.push({ compileMs: sum(compile, 'dur'), runMs: sum(run, 'dur'), cpuMs: sum(compile, 'tdur') + sum(run, 'tdur'), backgroundParseMs: sum(['v8.parseOnBackground'], 'tdur') });
  }
  const pick = (key: keyof StartupCost): number => median(runs.map((r) => r[key]));
  return { compileMs: pick('compileMs'), runMs: pick('runMs'), cpuMs: pick('cpuMs'), backgroundParseMs: pick('backgroundParseMs') };
}

/** What the main-thread tasks of a first pass cost (ms), from Chrome traces. */
interface PassCost {
  /** All the tasks the pass ran in: the thread's CPU time, and wall time. */
  cpuMs: number;
  wallMs: number;
  /** The longest of them, by CPU time, and its wall time. */
  longestCpuMs: number;
  longestWallMs: number;
}

/**
 * The main-thread tasks that ran the first pass of a fresh load of `url` (the
 * tasks its slices ran in, from `detail.slices` of `backstory:annotate`), in
 * {@link LOADS} traced loads: medians of the sums, the longest task of any
 * load. A task counts whole, so the features' start-up in the task where the
 * pass began is in it.
 */
async function passCost(session: ExtensionSession, url: string): Promise<PassCost> {
  const runs: PassCost[] = [];
  for (let k = 0; k < LOADS; k++) {
    const { page, events } = await traceLoad(session, url, waitForPass);
    const measured = await page.evaluate(() => {
      const annotate = performance.getEntriesByName('backstory:annotate')[0] as PerformanceMeasure;
      return { start: annotate.startTime, slices: (annotate.detail as { slices: number[] }).slices };
    });
    await page.close();
    const begin = measureBegin(events, 'backstory:annotate');
    if (!begin) throw new Error(`no backstory:annotate in the trace of ${url}`);
    // The measure's begin event is its start: that maps the page's clock (ms) onto the trace's (µs).
    const at = (ms: number): number => begin.ts + (ms - measured.start) * 1000;
    const spans: [number, number][] = [];
    for (let i = 0; i + 1 < measured.slices.length; i += 2) spans.push([at(measured.slices[i]!), at(measured.slices[i]! + measured.slices[i + 1]!)]);
    const tasks = tasksRunning(events, begin, spans);
    const longest = tasks.reduce((a, b) => (b.cpuMs > a.cpuMs ? b : a), { cpuMs: 0, wallMs: 0 });
    runs.push({
      cpuMs: tasks.reduce((sum, t) => sum + t.cpuMs, 0),
      wallMs: tasks.reduce((sum, t) => sum + t.wallMs, 0),
      longestCpuMs: longest.cpuMs,
      longestWallMs: longest.wallMs,
    });
  }
  const worst = runs.reduce((a, b) => (b.longestCpuMs > a.longestCpuMs ? b : a));
  return { cpuMs: median(runs.map((r) => r.cpuMs)), wallMs: median(runs.map((r) => r.wallMs)), longestCpuMs: worst.longestCpuMs, longestWallMs: worst.longestWallMs };
}

/** CPU time of our main-thread work on one load (milliseconds). */
interface WholeCost {
  /** Every task that ran our code (see `tasksOf`). */
  tasksCpuMs: number;
  /** Of which the evaluation of our scripts: their compile and top-level run. */
  scriptCpuMs: number;
}

/**
 * One traced load of `url`: the CPU time of every main-thread task that ran
 * our code, the tasks holding the pass's slices and those holding an event of
 * `content.js` or `content-app.js` (`tasksOf`). Throws when the pass says it failed.
 */
async function wholeCostOnce(session: ExtensionSession, url: string): Promise<WholeCost> {
  const { page, events } = await traceLoad(session, url, waitForPass);
  const measured = await page.evaluate(() => {
    const annotate = performance.getEntriesByName('backstory:annotate')[0] as PerformanceMeasure;
    return { start: annotate.startTime, detail: annotate.detail as { slices: number[]; ok?: boolean; error?: string } };
  });
  await page.close();
  if (measured.detail.ok === false) throw new Error(`the pass on ${url} failed: ${measured.detail.error ?? 'no answer'}`);
  const begin = measureBegin(events, 'backstory:annotate');
  if (!begin) throw new Error(`no backstory:annotate in the trace of ${url}`);
  const at = (ms: number): number => begin.ts + (ms - measured.start) * 1000;
  const { slices } = measured.detail;
  const spans: [number, number][] = [];
  for (let i = 0; i + 1 < slices.length; i += 2) spans.push([at(slices[i]!), at(slices[i]! + slices[i + 1]!)]);
  const script = events.filter((e) => ['v8.compile', 'v8.run', 'v8.compileModule', 'v8.evaluateModule'].includes(e.name) && ofScripts(e));
  return {
    tasksCpuMs: tasksOf(events, begin, spans, (e) => ofScripts(e)).reduce((sum, t) => sum + t.cpuMs, 0),
    scriptCpuMs: script.reduce((sum, e) => {
      if (e.tdur === undefined) throw new Error(`no thread CPU time in the trace (${e.name})`);
      return sum + e.tdur / 1000;
    }, 0),
  };
}

/** A copy of the production build at `productionChrome`, in `outDir`, whose content script is `first-stage-floor.ts`. */
async function floorBuild(productionChrome: string, outDir: string): Promise<string> {
  cpSync(productionChrome, outDir, { recursive: true });
  await build({
    entryPoints: [path.join(ROOT, 'scripts', 'bench', 'first-stage-floor.ts')],
    outfile: path.join(outDir, 'content.js'),
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    define: { __BROWSER__: '"chrome"', __DEV__: 'false', __TEST_HOOKS__: 'false' },
  });
  return outDir;
}

/**
 * Rows for our work on the page with nothing to mark, the production build's
 * against the floor's (`first-stage-floor.ts`): a session each, loads
 * alternating between them as the main table's do, one warm-up load each,
 * medians of {@link LOADS}.
 */
async function floorRows(productionChrome: string, floorChrome: string): Promise<BenchRow[]> {
  const sessions: ExtensionSession[] = [];
  try {
    for (const dir of [productionChrome, floorChrome]) {
      const session = await launchExtension({ extensionDir: dir });
      sessions.push(session);
      session.server.route('/bench/nothing-to-mark.html', generatePage(30_000, [], 0, 2));
    }
    const runs: WholeCost[][] = [[], []];
    for (let k = 0; k <= LOADS; k++) {
      for (const [i, session] of sessions.entries()) {
        const cost = await wholeCostOnce(session, session.server.url('/bench/nothing-to-mark.html'));
        if (k > 0) runs[i]!.push(cost);
      }
    }
    const [ours, floor] = runs.map((r) => ({ tasks: median(r.map((c) => c.tasksCpuMs)), script: median(r.map((c) => c.scriptCpuMs)) })) as [{ tasks: number; script: number }, { tasks: number; script: number }];
    const floorKb = (readFileSync(path.join(floorChrome, 'content.js')).length / 1024).toFixed(1);
    return [
      { figure: 'every main-thread task that ran our code, CPU (production build)', value: formatMs(ours.tasks), baseline: `floor ${formatMs(floor.tasks)}`, ratio: ratio(ours.tasks, floor.tasks) },
      { figure: "  of which our scripts' compile + top-level run", value: formatMs(ours.script), baseline: `floor ${formatMs(floor.script)}` },
      { figure: `  the floor: a ${floorKb} KB content script (settings, highlights, walk, one page.match)`, value: formatMs(floor.tasks) },
    ];
  } finally {
    for (const session of sessions) await session.close();
  }
}

/**
 * Rows for the content script's two stages in the build at `extensionDir` (a
 * session of its own): their sizes, the first stage's start-up on a page with
 * nothing to mark (all that runs there), and both stages' on a typical article.
 */
async function startupRows(label: string, extensionDir: string): Promise<BenchRow[]> {
  const size = (file: string): string => {
    const code = readFileSync(path.join(extensionDir, file));
    return `${(code.length / 1024).toFixed(1)} KB, gzip ${(gzipSync(code).length / 1024).toFixed(1)} KB`;
  };
  const session = await launchExtension({ extensionDir });
  try {
    session.server.route('/bench/nothing-to-mark.html', generatePage(30_000, [], 0, 2));
    const nothing = await startupCost(session, session.server.url('/bench/nothing-to-mark.html'), ['/content.js']);
    const article = await startupCost(session, session.server.url(`/demo/${DEMO_ARTICLE}`), SCRIPT_FILES);
    const row = (figure: string, cost: StartupCost): BenchRow => ({ figure, value: formatMs(cost.compileMs + cost.runMs), baseline: `compile ${formatMs(cost.compileMs)}, run ${formatMs(cost.runMs)}; CPU ${formatMs(cost.cpuMs)}${cost.backgroundParseMs > 0 ? `; off the main thread: parse ${formatMs(cost.backgroundParseMs)} CPU` : ''}` });
    return [
      { figure: `${label}: content.js (every page) / content-app.js (pages with something to show)`, value: size('content.js'), baseline: size('content-app.js') },
      row('  a page with nothing to mark: compile + run of content.js', nothing),
      row(`  demo article ${DEMO_ARTICLE}: compile + run of content.js and content-app.js`, article),
    ];
  } finally {
    await session.close();
  }
}

/** The bench; prints one table. */
export async function benchPage(): Promise<void> {
  // What a reader installs (minified, no test hooks), built apart so that dist/ stays as it is:
  // the pages are annotated by it, since the first pass pays for compiling the code it runs.
  const productionRoot = mkdtempSync(path.join(os.tmpdir(), 'backstory-bench-'));
  try {
    await benchWith(productionRoot);
  } finally {
    rmSync(productionRoot, { recursive: true, force: true });
  }
}

/** The bench, with the production build written to `productionRoot`. */
async function benchWith(productionRoot: string): Promise<void> {
  await buildAll({ production: true, outRoot: productionRoot });
  const productionChrome = path.join(productionRoot, 'chrome');
  const startup = [...(await startupRows('development build (dist/chrome)', CHROME_DIST)), ...(await startupRows('production build, the one this bench runs', productionChrome))];
  const floor = await floorRows(productionChrome, await floorBuild(productionChrome, path.join(productionRoot, 'floor')));

  const session = await launchExtension({ extensionDir: productionChrome });
  try {
    await observeLongTasks(session);
    const control = await session.openExtensionPage('options.html');
    const input = (await control.evaluate(() => chrome.runtime.sendMessage({ backstory: 1, call: 'corpus.matcherEntries', params: {} }))) as {
      value: { entries: { aliases: { text: string; weak?: boolean }[] }[] };
    };
    const entries = input.value.entries;
    const aliases = [...new Set(entries.flatMap((e) => e.aliases.map((a) => a.text)))];
    const strongNames = [...new Set(entries.flatMap((e) => e.aliases.filter((a) => !a.weak).map((a) => a.text)))];
    session.server.route('/bench/generated-1mb.html', generatePage(GENERATED_BYTES, strongNames, 300, 1));
    session.server.route('/bench/nothing-to-mark.html', generatePage(30_000, [], 0, 2));

    const pages: { label: string; url: string; typical?: boolean; empty?: boolean }[] = [
      ...REAL_PAGES.map((name) => ({ label: `${name} (${Math.round(statSync(path.join(REALPAGES_DIR, name)).size / 1024)} KB html)`, url: session.server.url(`/realpages/${name}`) })),
      { label: `demo article ${DEMO_ARTICLE}`, url: session.server.url(`/demo/${DEMO_ARTICLE}`), typical: true },
      { label: 'generated, 1 MB text, a name every ~300 chars', url: session.server.url('/bench/generated-1mb.html') },
      { label: 'generated article, 30 KB, nothing to mark', url: session.server.url('/bench/nothing-to-mark.html'), empty: true },
    ];

    const rows: BenchRow[] = [];
    for (const p of pages) {
      // Fresh loads, ours and markRegExp alternately, medians: one load is noisy on a shared machine.
      const oursRuns: OurRun[] = [];
      const regexpRuns: (number | null)[] = [];
      for (let k = 0; k < LOADS; k++) {
        await setEnabled(control, true);
        oursRuns.push(await runOurs(session, p.url));
        await setEnabled(control, false);
        regexpRuns.push(await runMarkJs(session, p.url, aliases, 'regexp'));
      }
      const ours = medianRun(oursRuns);
      const regexp = regexpRuns.includes(null) ? null : median(regexpRuns as number[]);
      const naive = QUICK ? null : await runMarkJs(session, p.url, aliases, 'naive');
      const kb = `${Math.round(ours.textLength / 1024)} KB text, ${ours.marks} marks`;
      rows.push({
        figure: `${p.label}: annotate (${kb})`,
        value: formatMs(ours.annotateMs),
        baseline: regexp === null ? 'markRegExp > limit' : `markRegExp ${formatMs(regexp)}`,
        ratio: regexp === null ? '' : ratio(ours.annotateMs, regexp),
        budget: '< markRegExp',
        pass: regexp === null || ours.annotateMs < regexp,
      });
      rows.push({
        figure: '  vs naive mark(aliases)',
        value: formatMs(ours.annotateMs),
        baseline: QUICK ? 'skipped (BENCH_PAGE_QUICK)' : naive === null ? `mark() failed or > ${NAIVE_LIMIT_MS / 1000} s` : `mark() ${formatMs(naive)}`,
        ratio: naive === null ? '' : ratio(ours.annotateMs, naive),
      });
      rows.push({ figure: '  of which match / wrap', value: `${formatMs(ours.matchMs)} / ${formatMs(ours.wrapMs)}` });
      if (ours.added > 0) rows.push({ figure: '  wrap per mark', value: `${Math.round((ours.wrapMs * 1000) / ours.added)} µs` });
      if (ours.added < ours.marks) {
        rows.push({ figure: '  marks wrapped by the pass / held until near the viewport', value: `${ours.added} / ${ours.marks - ours.added}` });
        rows.push({
          figure: '  wrapping every held mark, scrolling top to bottom',
          value: formatMs(ours.heldWrapMs),
          baseline: `longest slice ${formatMs(ours.heldLongestSliceMs)}`,
          budget: 'slices ≤ 50 ms',
          pass: ours.heldLongestSliceMs <= 50,
        });
        rows.push({
          figure: '  the pass plus every held mark (if the reader scrolls through)',
          value: formatMs(ours.annotateMs + ours.heldWrapMs),
          baseline: regexp === null ? '' : `markRegExp ${formatMs(regexp)}`,
          ratio: regexp === null ? '' : ratio(ours.annotateMs + ours.heldWrapMs, regexp),
          budget: '≤ markRegExp',
          pass: regexp === null || ours.annotateMs + ours.heldWrapMs <= regexp,
        });
      }
      rows.push({ figure: '  waiting for the background to match (not main-thread work)', value: formatMs(ours.remoteMs) });
      const longest = Math.max(ours.longestTaskMs, ours.longestSliceMs);
      rows.push({
        figure: '  longest main-thread task while annotating',
        value: formatMs(longest),
        baseline: ours.longestTaskMs > 0 ? `long task ${formatMs(ours.longestTaskMs)}` : `slice ${formatMs(ours.longestSliceMs)}, no long task`,
        budget: '≤ 50 ms',
        pass: longest <= 50,
      });
      if (p.typical) rows.push({ figure: '  typical article', value: formatMs(ours.annotateMs), budget: '≤ 3 ms', pass: ours.annotateMs <= 3 });
      if (p.empty) rows.push({ figure: '  nothing to mark', value: formatMs(ours.annotateMs), budget: '≤ 1.5 ms', pass: ours.annotateMs <= 1.5 });
      await setEnabled(control, true);
      const cost = await passCost(session, p.url);
      const cpuBudget = p.typical ? 3 : p.empty ? 1.5 : undefined;
      rows.push({
        figure: '  CPU time of the tasks the pass ran in, whole (trace)',
        value: formatMs(cost.cpuMs),
        baseline: `wall ${formatMs(cost.wallMs)}`,
        budget: cpuBudget === undefined ? '' : `≤ ${cpuBudget} ms`,
        pass: cpuBudget === undefined ? undefined : cost.cpuMs <= cpuBudget,
      });
      rows.push({ figure: '  longest of those tasks, CPU time (trace)', value: formatMs(cost.longestCpuMs), baseline: `wall ${formatMs(cost.longestWallMs)}`, budget: '≤ 50 ms', pass: cost.longestCpuMs <= 50 });
    }
    await setEnabled(control, true);
    printMachine();
    console.log(`catalog: ${entries.length} entries, ${aliases.length} aliases; Chromium headless, the production build`);
    printTable(`Annotating pages (first pass of a fresh load; work time, yields excluded; medians of ${LOADS} loads each, ours and markRegExp alternately)`, rows);
    printTable(`The content script's start-up (Chrome trace of content.js and content-app.js: parse and compile, top-level run, and the thread's CPU time of both; medians of ${LOADS} loads after a warm-up load)`, startup);
    printTable(`A page with nothing to mark: all our main-thread work against a floor (Chrome traces; every task holding the pass's slices or an event of our scripts, whole; medians of ${LOADS} loads after a warm-up load, the two builds alternately)`, floor);
  } finally {
    await session.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchPage().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
