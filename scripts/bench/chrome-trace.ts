/**
 * Chrome traces for the page bench: what a load cost the renderer's main
 * thread, in wall time and in the thread's own CPU time.
 *
 * Why CPU time: a shared machine preempts the renderer. A trace of one of our
 * slices there read 44 ms of wall time and 8 ms of the thread's CPU time; the
 * Long Tasks API and `performance.now()` only see the wall. A reader's machine
 * that is not running other tenants' work gives a task about its CPU time,
 * so that is what the bench holds against the issue's absolute budgets.
 */
import type { Page } from 'playwright-core';
import type { ExtensionSession } from '../../tests/e2e/harness';

/** The fields of a Chrome trace event the benches read. */
export interface TraceEvent {
  name: string;
  /** Phase: `X` a complete event, `b`/`e` an async begin and end (User Timing measures). */
  ph: string;
  /** Start, µs. */
  ts: number;
  /** Wall duration of an `X` event, µs. */
  dur?: number;
  /** The thread's CPU time during an `X` event, µs (absent when the platform has no thread clock). */
  tdur?: number;
  pid: number;
  tid: number;
  args?: unknown;
}

/** Categories with the renderer's tasks, V8's compile and run, and User Timing. */
const CATEGORIES = ['toplevel', 'devtools.timeline', 'v8', 'blink.user_timing'];

/** Loads `url` in a new page of `session` while tracing; `settle` waits for what the caller reads. */
export async function traceLoad(session: ExtensionSession, url: string, settle: (page: Page) => Promise<void>): Promise<{ page: Page; events: TraceEvent[] }> {
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  await page.goto(url);
  await settle(page);
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return { page, events };
}

/** A main-thread task: its wall time and the thread's CPU time, ms. */
export interface TaskCost {
  wallMs: number;
  cpuMs: number;
}

/** The outermost complete events on the thread of `on` (its tasks), in order. */
function tasksOn(events: readonly TraceEvent[], on: Pick<TraceEvent, 'pid' | 'tid'>): TraceEvent[] {
  const onThread = events.filter((e) => e.ph === 'X' && e.pid === on.pid && e.tid === on.tid && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const outermost: TraceEvent[] = [];
  for (const e of onThread) {
    const outer = outermost[outermost.length - 1];
    if (outer && e.ts + e.dur! <= outer.ts + outer.dur!) continue;
    outermost.push(e);
  }
  return outermost;
}

/** The task of `tasks` holding each span's midpoint (see {@link tasksRunning}). */
function holding(tasks: readonly TraceEvent[], spans: readonly (readonly [number, number])[]): Set<TraceEvent> {
  const ran = new Set<TraceEvent>();
  for (const [from, to] of spans) {
    const middle = (from + to) / 2;
    const task = tasks.find((t) => t.ts <= middle && middle <= t.ts + t.dur!);
    if (task) ran.add(task);
  }
  return ran;
}

function costOf(task: TraceEvent): TaskCost {
  if (task.tdur === undefined) throw new Error(`no thread CPU time in the trace (${task.name})`);
  return { wallMs: task.dur! / 1000, cpuMs: task.tdur / 1000 };
}

/**
 * The tasks that ran `spans` (start and end, µs) on the thread of `on`: for
 * each span, the outermost complete event holding its midpoint, each task
 * once. The midpoint, not any overlap: a span's ends come from
 * `performance.now()`, which the browser coarsens, and a page task just before
 * or after one of ours must not count. A task counts whole, so work of ours
 * in the same task before a span (the features starting before the first
 * slice of a pass) is in it, and so is anything the page ran in it after us
 * (its MutationObserver callbacks for our wraps). Throws when the platform
 * gave no thread CPU time.
 */
export function tasksRunning(events: readonly TraceEvent[], on: Pick<TraceEvent, 'pid' | 'tid'>, spans: readonly (readonly [number, number])[]): TaskCost[] {
  return [...holding(tasksOn(events, on), spans)].map(costOf);
}

/**
 * The tasks of {@link tasksRunning}, and with them every task on the same
 * thread holding an event that `ours` recognises (the evaluation of our
 * script, a call into it), each task once: all the main-thread tasks of a
 * load that ran our code, as far as the trace names it. A promise's
 * continuation has no event of its own; it is found only through the spans.
 */
export function tasksOf(events: readonly TraceEvent[], on: Pick<TraceEvent, 'pid' | 'tid'>, spans: readonly (readonly [number, number])[], ours: (e: TraceEvent) => boolean): TaskCost[] {
  const tasks = tasksOn(events, on);
  const found = holding(tasks, spans);
  const marked = events.filter((e) => e.pid === on.pid && e.tid === on.tid && ours(e));
  for (const e of marked) {
    const task = tasks.find((t) => t.ts <= e.ts && e.ts <= t.ts + t.dur!);
    if (task) found.add(task);
  }
  return [...found].map(costOf);
}

/** The begin event of the User Timing measure `name` (its `ts` is the measure's start), or undefined. */
export function measureBegin(events: readonly TraceEvent[], name: string): TraceEvent | undefined {
  return events.find((e) => e.name === name && e.ph === 'b');
}
