/**
 * Answers the tab calls (`TabCallMap`) sent by the popup and the background.
 * Only our own extension's messages reach this listener (the browser
 * guarantees it for runtime messages), and only envelopes are answered.
 * Answers go through `sendResponse` (see `extension-api.ts`), which both
 * browsers honour without the polyfill.
 */
import { onRuntimeMessage } from '../shared/extension-api';
import { isEnvelope, type CallResult, type TabCallMap, type TabCallName } from '../shared/protocol';

/** Handlers for every tab call. */
export type TabHandlers = { [K in TabCallName]: (params: TabCallMap[K]['params']) => Promise<TabCallMap[K]['result']> };

/** Starts answering tab calls until `signal` aborts. */
export function listenForTabCalls(handlers: TabHandlers, signal: AbortSignal): void {
  onRuntimeMessage((message, _sender, sendResponse) => {
    if (!isEnvelope(message) || !Object.hasOwn(handlers, message.call)) return undefined;
    const handler = handlers[message.call as TabCallName] as (params: unknown) => Promise<unknown>;
    // A handler that throws synchronously must answer too, not leave the caller waiting.
    Promise.resolve()
      .then(() => handler(message.params ?? {}))
      .then(
        (value): CallResult<unknown> => ({ ok: true, value }),
        (error: unknown): CallResult<unknown> => ({ ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } }),
      )
      .then(sendResponse);
    return true;
  }, signal);
}
