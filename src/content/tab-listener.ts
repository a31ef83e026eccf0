/**
 * Answers the tab calls (`TabCallMap`) sent by the popup and the background.
 * Only our own extension's messages reach this listener (the browser
 * guarantees it for runtime messages), and only envelopes are answered.
 */
import { browser } from '../shared/platform';
import { isEnvelope, type CallResult, type TabCallMap, type TabCallName } from '../shared/protocol';

/** Handlers for every tab call. */
export type TabHandlers = { [K in TabCallName]: (params: TabCallMap[K]['params']) => Promise<TabCallMap[K]['result']> };

/** Starts answering tab calls until `signal` aborts. */
export function listenForTabCalls(handlers: TabHandlers, signal: AbortSignal): void {
  const listener = (message: unknown): Promise<CallResult<unknown>> | undefined => {
    if (!isEnvelope(message) || !Object.hasOwn(handlers, message.call)) return undefined;
    const handler = handlers[message.call as TabCallName] as (params: unknown) => Promise<unknown>;
    return handler(message.params ?? {}).then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error: { code: 'internal' as const, message: error instanceof Error ? error.message : String(error) } }),
    );
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
