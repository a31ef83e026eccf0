import { afterEach, describe, expect, it, vi } from 'vitest';
import { callBackground } from '../shared/messaging';
import { listenForTabCalls } from './tab-listener';
import type { MessageListener } from '../shared/extension-api';

/** A Chrome-like `chrome` global (promise-returning sendMessage, sendResponse-style onMessage), without the polyfill. */
function fakeChrome(sendMessage: (message: unknown) => Promise<unknown>) {
  const listeners: MessageListener[] = [];
  const chrome = {
    runtime: {
      sendMessage,
      getURL: (path: string) => `chrome-extension://id/${path}`,
      onMessage: { addListener: (l: MessageListener) => listeners.push(l), removeListener: (l: MessageListener) => listeners.splice(listeners.indexOf(l), 1) },
    },
  };
  vi.stubGlobal('chrome', chrome);
  return listeners;
}

afterEach(() => vi.unstubAllGlobals());

describe('messaging without the polyfill', () => {
  it('returns the background answer, and a failed delivery as an error value', async () => {
    fakeChrome(async () => ({ ok: true, value: 42 }));
    expect(await callBackground('settings.get', {})).toEqual({ ok: true, value: 42 });
    fakeChrome(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    expect(await callBackground('settings.get', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    fakeChrome(async () => undefined);
    expect(await callBackground('settings.get', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('answers tab calls through sendResponse and returns true; leaves other messages alone; stops on abort', async () => {
    const listeners = fakeChrome(async () => undefined);
    const lifetime = new AbortController();
    const handlers = { 'tab.focusNextMention': async () => true, 'tab.closeCard': async () => { throw new Error('boom'); } };
    listenForTabCalls(handlers as never, lifetime.signal);
    expect(listeners).toHaveLength(1);
    const answer = (call: string) =>
      new Promise((resolve) => expect(listeners[0]!({ backstory: 1, call, params: {} }, {}, resolve)).toBe(true));
    const envelopeOk = await answer('tab.focusNextMention');
    expect(envelopeOk).toEqual({ ok: true, value: true });
    expect(await answer('tab.closeCard')).toMatchObject({ ok: false, error: { code: 'internal', message: 'boom' } });
    expect(listeners[0]!('not an envelope', {}, () => {})).toBeUndefined();
    lifetime.abort();
    expect(listeners).toHaveLength(0);
  });
});
