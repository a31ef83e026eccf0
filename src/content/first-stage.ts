/**
 * Content script entry: the first of two stages. It runs in every http(s)
 * page's isolated world, and on most pages a reader opens it is all that runs.
 *
 * Why two stages: compiling a content script is not streamed or cached by the
 * browser, so every page pays to parse the whole bundle, and running it sets
 * up every feature. A page with no name of the corpus and no highlight needs
 * none of that. This stage does only what any page needs to know whether it
 * has something to show, with the product's own walk and message:
 *
 * 1. asks for the settings and the page's saved highlights;
 * 2. once the page has loaded (see {@link pageLoaded}), walks the text and
 *    sends it in one `page.match`, as the annotator would.
 *
 * It loads the content app (`index.ts`, the `content-app.js` module, by
 * `import()`) as soon as the page has something to show: a highlight, a
 * name, a page too long for one message, a background that could not answer.
 * It also loads it when the reader or the page asks for something only the
 * app can do: a selection the reader ends, a save from the menu or the
 * keyboard, a site turned on, text the page adds. What it learnt goes to the
 * app (`first-stage-handoff.ts`), so a page with names is walked and matched
 * by the app from the same answer, not sent twice.
 *
 * A page it leaves alone gets nothing in its DOM from us, as before, and the
 * other tab calls are answered here as the app would answer them on a page
 * with nothing on it: the popup's question, a change of settings and the
 * commands load nothing. So a page cannot tell from the app's work on it
 * that the reader opened the popup or changed a setting somewhere, and a
 * change of settings does not load the app into every open tab.
 */
import { callBackground } from '../shared/messaging';
import { MESSAGE_TEXT_CHARS, importContentApp, onRuntimeMessage } from '../shared/extension-api';
import { isEnvelope, type CallResult } from '../shared/protocol';
import { isActiveOn, type Settings } from '../shared/settings';
import { isEditableDocument, isInsideSkipped } from './dom/element-kinds';
import { isMark } from './dom/entity-marks';
import { PageObserver } from './dom/page-observer';
import { PageTextCollector, messageOf, messagesOf, pageChunks } from './dom/page-text';
import type { ContentAppModule, FirstStage } from './first-stage-handoff';
import type { TabState } from './page-feature';
import { PassTimer } from './highlighter/pass-timer';
import { TimeSlicer } from './highlighter/time-slicer';
import { answerTabCall, isTabCall, type TabHandlers } from './tab-listener';
import { isTrusted } from './trusted-input';

/** Whether `node`, which the page added, holds text the walk would read: only that can bring a name. */
function holdsText(node: Node, body: Node): boolean {
  return !isInsideSkipped(node, body) && /\S/.test(node.textContent ?? '');
}

/** The two stages of this page: the first one's watchers and answers, and the app once loaded. */
class TwoStages {
  /** Aborts when the app takes over: the first stage's watchers stop, the app's are there. */
  private readonly watching = new AbortController();
  private app: Promise<TabHandlers> | undefined;
  private giveHandlers: ((handlers: TabHandlers) => void) | undefined;
  private settle!: () => void;
  /** Settles when the first stage has decided: the app was asked for, or the page is left alone. */
  private readonly decided = new Promise<void>((resolve) => (this.settle = resolve));
  /** Whether the page can be marked at all: it has a body and is no editor. */
  markable = false;
  /** Whether Backstory is on for this site under the settings the first stage holds. */
  siteOn = false;
  readonly handoff: FirstStage = {
    selection: false,
    matchAsked: false,
    tabCalls: (handlers) => {
      this.giveHandlers?.(handlers);
      this.watching.abort();
    },
  };

  /** Whether the app was asked for (it then decides everything). */
  get loading(): boolean {
    return this.app !== undefined;
  }

  /** The first stage has decided (call once, on every path). */
  decide(): void {
    this.settle();
  }

  /** Loads and starts the app, once; its tab handlers once its features have started. */
  load(): Promise<TabHandlers> {
    this.app ??= new Promise<TabHandlers>((resolve, reject) => {
      this.giveHandlers = resolve;
      // A failed import and an app that fails to start both reject: no tab call waits forever.
      importContentApp()
        .then((module) => (module as ContentAppModule).startContentApp(this.handoff))
        .catch(reject);
    });
    this.settle();
    return this.app;
  }

  /** Answers every tab call for the page's life: here while the page is left alone, by the app's handlers once it is loaded. */
  listenForTabCalls(): void {
    onRuntimeMessage((message, _sender, sendResponse) => {
      if (!isEnvelope(message) || !message.call.startsWith('tab.')) return undefined;
      void this.answer(message).then(sendResponse);
      return true;
    }, new AbortController().signal);
  }

  private async answer(message: { call: string; params?: unknown }): Promise<CallResult<unknown>> {
    // A call that needs the app does not wait for the decision; the others get the page's answer once there is one.
    if (!this.app && message.call !== 'tab.saveSelection') await this.decided;
    if (!this.app) {
      const own = this.answerAlone(message);
      if (own !== undefined) return { ok: true, value: own };
    }
    try {
      const handlers = await this.load();
      return isTabCall(handlers, message) ? await answerTabCall(handlers, message) : { ok: false, error: { code: 'invalid-message', message: `No tab call ${message.call}.` } };
    } catch (error) {
      return { ok: false, error: { code: 'unavailable', message: error instanceof Error ? error.message : String(error) } };
    }
  }

  /**
   * The answer of a page left alone, as the app would give it on a page with
   * no mark, no highlight and nothing open; undefined when the call needs
   * the app (a save, a site turned on).
   */
  private answerAlone(message: { call: string; params?: unknown }): unknown {
    switch (message.call) {
      case 'tab.state': {
        const state: TabState = { active: this.markable && this.siteOn, counts: {}, marks: 0, capped: false, orphans: [], highlights: [], changed: [] };
        return state;
      }
      case 'tab.settingsChanged': {
        const { settings } = (message.params ?? {}) as { settings?: Settings };
        // Turned on here: the page is looked at again, by the app. Anything else changes nothing on a page with nothing marked.
        if (!settings) return undefined;
        this.handoff.settings = settings;
        const on = isActiveOn(settings, location.hostname);
        if (this.markable && on && !this.siteOn) return undefined;
        this.siteOn = on;
        return null;
      }
      case 'tab.saveSelection':
        return undefined;
      default:
        // Reveal, next mention, close, a highlight changed: there is none on this page.
        return false;
    }
  }

  /** Until the app takes over: a selection the reader ends (mouseup, or a key with Shift) loads it, and its toolbar shows. */
  watchSelection(doc: Document): void {
    const { signal } = this.watching;
    const selectionEnded = (event: Event): void => {
      if (!isTrusted(event)) return;
      if (event instanceof KeyboardEvent && !event.shiftKey && event.key !== 'Shift') return;
      // The selection is final only after the browser handled the mouseup.
      setTimeout(() => {
        const selection = doc.getSelection();
        if (!selection || selection.isCollapsed || signal.aborted) return;
        this.handoff.selection = true;
        void this.load().catch(() => undefined);
      }, 0);
    };
    doc.addEventListener('mouseup', selectionEnded, { capture: true, signal });
    doc.addEventListener('keyup', selectionEnded, { capture: true, signal });
  }

  /**
   * Until the app takes over, on a page being marked: text the page adds
   * loads it, and its observer and passes take over. Through the document's
   * page observer, as the app's features follow the page: it watches the
   * whole tree, so a body the page swaps in (a client-side navigation) is
   * followed too, whether it brings its text or gets it afterwards.
   */
  watchText(doc: Document): void {
    PageObserver.of(doc).subscribe({
      root: () => doc.body,
      onFlush: (nodes) => {
        const body = doc.body;
        if (body && this.siteOn && nodes.some((node) => holdsText(node, body))) void this.load().catch(() => undefined);
      },
      signal: this.watching.signal,
    });
  }
}

/** How long the walk waits for the page's own resources at most: a page whose load never ends is still read. */
const LOAD_WAIT_MS = 1000;

/**
 * Settles once the page has loaded (its images, frames and styles), or after
 * {@link LOAD_WAIT_MS}. The content script starts at `document_idle`, often
 * before that: a walk then competes with the page's own loading, its image
 * decoding and layout, for the reader's cores, and runs several times slower
 * in wall time than the same walk after the load (wikia.html: three to five
 * times, in the page bench on two cores).
 */
function pageLoaded(doc: Document): Promise<void> {
  if (doc.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => resolve();
    doc.defaultView?.addEventListener('load', done, { once: true });
    setTimeout(done, loadWaitMs(doc));
  });
}

/**
 * {@link LOAD_WAIT_MS}, or in a test build the page's `backstory-test-load-wait`
 * (ms): a test that holds a page's load longer than the wait must not race it.
 */
function loadWaitMs(doc: Document): number {
  if (typeof __TEST_HOOKS__ !== 'undefined' && __TEST_HOOKS__) {
    const ms = Number(doc.querySelector('meta[name="backstory-test-load-wait"]')?.getAttribute('content'));
    if (ms > 0) return ms;
  }
  return LOAD_WAIT_MS;
}

/** Decides whether this page needs the app; leaves it alone when it has nothing to show. */
async function decide(doc: Document, stages: TwoStages): Promise<void> {
  const load = (): void => void stages.load().catch(() => undefined);

  const settings = await callBackground('settings.get', {});
  // A background that cannot answer: the app asks again as it always has.
  if (!settings.ok) return load();
  stages.handoff.settings = settings.value;
  const highlights = await callBackground('highlights.forPage', {});
  if (!highlights.ok) return load();
  stages.handoff.highlights = highlights.value;
  // Before the highlights decide anything: the app then starts on a page with one at the moment a page without
  // one is walked, so a page that compares the pass's start with its load cannot tell the reader saved one there.
  await pageLoaded(doc);
  if (stages.loading) return;
  if (highlights.value.length > 0) return load();
  // Read after the wait: the page may have swapped its body meanwhile.
  const body = doc.body;
  stages.markable = body !== null && !isEditableDocument(doc);
  stages.siteOn = isActiveOn(settings.value, location.hostname);
  // Off here (or nothing to mark): no walk, no measure, no report, as the app does on a site turned off.
  if (!stages.markable || !stages.siteOn || !body || stages.loading) return;
  stages.watchText(doc);

  // The walk and the request as the annotator's pass makes them, timed by its slicer and timer, so a page
  // left alone has the measures of a pass that marked nothing (what the page bench reads).
  const slicer = new TimeSlicer(new AbortController().signal);
  const timer = new PassTimer(slicer);
  const collector = new PageTextCollector([body], { exclude: isMark });
  // A page longer than one message goes in parts, which the annotator sends: the walk stops as soon as it knows.
  const tooLong = (): boolean => collector.textLength > MESSAGE_TEXT_CHARS;
  while (!collector.run(() => tooLong() || slicer.overBudget())) {
    if (tooLong()) return load();
    await slicer.yield();
    if (stages.loading) return;
  }
  // The page changed under the walk: the app walks it again.
  if (collector.stale) return load();
  const page = collector.result();
  const bounds: number[] = [];
  for (const chunk of pageChunks(page)) bounds.push(chunk.start, chunk.end);
  const messages = messagesOf(bounds, MESSAGE_TEXT_CHARS);
  if (messages.length > 1) return load();
  if (messages.length === 1) {
    const { text, bounds: relative } = messageOf(page, messages[0]!);
    const found = await timer.remote(timer.matching(() => callBackground('page.match', { text, bounds: relative, exclude: [] })));
    if (!found.ok) return load();
    if (found.value.matches.length > 0) {
      // Handed over even when something else loaded the app meanwhile, unless the app has asked already:
      // it takes the answer for its first request only, and only for the same text.
      if (!stages.handoff.matchAsked) stages.handoff.firstMatch = { text, bounds: relative, answer: found.value };
      return load();
    }
    if (stages.loading) return;
  }
  // Nothing to show: the page's report, and the pass's measures.
  void callBackground('page.report', { title: doc.title, counts: {}, marks: 0, capped: false });
  timer.finish({ roots: 1, stale: false, textLength: page.text.length, marks: 0, capped: false });
}

/** Starts the first stage on `doc`. */
function firstStage(doc: Document): void {
  const stages = new TwoStages();
  stages.listenForTabCalls();
  stages.watchSelection(doc);
  decide(doc, stages)
    .catch((error: unknown) => {
      // Never let our failure become the page's uncaught error.
      if (__DEV__) console.warn('Backstory could not start on this page', error);
    })
    .finally(() => stages.decide());
}

firstStage(document);
