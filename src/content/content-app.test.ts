// @vitest-environment happy-dom
/**
 * The content app whose extension was updated or reloaded under it: every
 * call fails for good, so it gives the page back and stops walking it on each
 * change instead of asking a background that is gone. And the app the first
 * stage loads: it starts from the first stage's `page.match` rather than
 * sending the same text again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { MatcherEntry } from '../shared/matcher';
import type { Envelope } from '../shared/protocol';
import { DEFAULT_SETTINGS } from '../shared/settings';
import { backgroundMatch } from '../../tests/unit/background-match';
import { ContentApp } from './content-app';
import { isMark } from './dom/entity-marks';
import { collectPageText, pageChunks } from './dom/page-text';
import type { FirstMatch, FirstStage } from './first-stage-handoff';
import type { TabHandlers } from './tab-listener';

(globalThis as { __DEV__?: boolean }).__DEV__ = false;

const ENTRIES: MatcherEntry[] = [{ id: 'vladimir-putin', type: 'person', aliases: [{ text: 'Putin' }] }];
const HTML = '<main><p>Putin spoke in Moscow.</p></main>';

/** A stand-in extension API: answers our calls until `orphan()`, then fails them as Chromium does. */
function fakeExtension() {
  const match = backgroundMatch(ENTRIES);
  const state = { alive: true, matchCalls: 0, calls: [] as string[] };
  const runtime = {
    get id() {
      return state.alive ? 'backstory-test' : undefined;
    },
    getURL: (path: string) => `chrome-extension://backstory-test/${path}`,
    onMessage: { addListener() {}, removeListener() {} },
    async sendMessage(message: Envelope) {
      state.calls.push(message.call);
      if (message.call === 'page.match') state.matchCalls++;
      if (!state.alive) throw new Error('Extension context invalidated.');
      const params = message.params as { text: string; bounds: number[]; exclude: string[] };
      switch (message.call) {
        case 'settings.get':
          return { ok: true, value: { ...DEFAULT_SETTINGS, density: 'all' } };
        case 'page.match':
          return { ok: true, value: await match(params.text, params.bounds, params.exclude) };
        case 'highlights.forPage':
          return { ok: true, value: [] };
        default:
          return { ok: true, value: null };
      }
    },
  };
  (globalThis as { chrome?: unknown }).chrome = { runtime };
  return {
    state,
    orphan: () => {
      state.alive = false;
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

let app: ContentApp | undefined;
afterEach(() => {
  app?.destroy();
  document.body.innerHTML = '';
  delete (globalThis as { chrome?: unknown }).chrome;
});

describe('an orphaned content script', () => {
  it('gives the page its text back and stops asking once the extension is gone', async () => {
    const extension = fakeExtension();
    document.body.innerHTML = HTML;
    app = new ContentApp();
    await app.start();
    await expect.poll(() => document.querySelectorAll('bs-mark').length).toBe(1);

    extension.orphan();
    document.querySelector('main')!.insertAdjacentHTML('beforeend', '<p>Putin again.</p>');
    await expect.poll(() => document.querySelectorAll('bs-mark').length).toBe(0);
    expect(document.body.textContent).toBe('Putin spoke in Moscow.Putin again.');

    // Nothing walks the page or sends anything after that.
    const calls = extension.state.matchCalls;
    document.querySelector('main')!.insertAdjacentHTML('beforeend', '<p>Putin a third time.</p>');
    await settle();
    expect(extension.state.matchCalls).toBe(calls);
    expect(document.querySelectorAll('bs-mark').length).toBe(0);
  });
});

/** The first stage's request for the page as it is now, and the background's answer to it (as `first-stage.ts` makes them). */
async function firstStageMatch(): Promise<FirstMatch> {
  const page = collectPageText([document.body], { exclude: isMark });
  const bounds: number[] = [];
  for (const chunk of pageChunks(page)) bounds.push(chunk.start, chunk.end);
  const base = bounds[0]!;
  const text = page.text.slice(base, bounds[bounds.length - 1]);
  const relative = bounds.map((b) => b - base);
  return { text, bounds: relative, answer: await backgroundMatch(ENTRIES)(text, relative, []) };
}

describe('the app the first stage loads', () => {
  it("takes the first stage's answer for the text it walked, instead of asking again, and takes its tab calls", async () => {
    const extension = fakeExtension();
    document.body.innerHTML = HTML;
    const handed: TabHandlers[] = [];
    const firstStage: FirstStage = {
      firstMatch: await firstStageMatch(),
      settings: { ...DEFAULT_SETTINGS, density: 'all' },
      highlights: [],
      matchAsked: false,
      selection: false,
      tabCalls: (handlers) => handed.push(handlers),
    };
    app = new ContentApp(firstStage);
    const started = app.start();
    // Its handlers as its features start; the popup's question waits for the first pass and gets the page's state.
    expect(handed).toHaveLength(1);
    const state = await handed[0]!['tab.state']({});
    expect(state).toMatchObject({ active: true, marks: 1, counts: { 'vladimir-putin': 1 } });
    await started;
    expect([...document.querySelectorAll('bs-mark')].map((m) => m.textContent)).toEqual(['Putin']);
    expect(extension.state.matchCalls).toBe(0);
    expect(firstStage.firstMatch).toBeUndefined();
    // Nor the settings or the page's highlights, which the first stage read a moment ago.
    expect(extension.state.calls).not.toContain('settings.get');
    expect(extension.state.calls).not.toContain('highlights.forPage');
  });

  it('asks the background when the page changed since the first stage walked it', async () => {
    const extension = fakeExtension();
    document.body.innerHTML = HTML;
    const firstMatch = await firstStageMatch();
    document.querySelector('main')!.insertAdjacentHTML('beforeend', '<p>Putin again.</p>');
    app = new ContentApp({ firstMatch, matchAsked: false, selection: false, tabCalls: () => undefined });
    await app.start();
    expect(document.querySelectorAll('bs-mark').length).toBe(2);
    expect(extension.state.matchCalls).toBe(1);
  });
});
