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

/** Whether `message` is a tab call: an envelope naming one of `handlers`. */
export function isTabCall(handlers: TabHandlers, message: unknown): message is { call: TabCallName; params?: unknown } {
  return isEnvelope(message) && Object.hasOwn(handlers, message.call);
}

/** Runs the handler of the tab call `message`; a handler that throws, even synchronously, answers with its error. */
export function answerTabCall(handlers: TabHandlers, message: { call: TabCallName; params?: unknown }): Promise<CallResult<unknown>> {
  const handler = handlers[message.call] as (params: unknown) => Promise<unknown>;
  return Promise.resolve()
    .then(() => handler(message.params ?? {}))
    .then(
      (value): CallResult<unknown> => ({ ok: true, value }),
      (error: unknown): CallResult<unknown> => ({ ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } }),
    );
}

/** Starts answering tab calls until `signal` aborts. */
export function listenForTabCalls(handlers: TabHandlers, signal: AbortSignal): void {
  onRuntimeMessage((message, _sender, sendResponse) => {
    if (!isTabCall(handlers, message)) return undefined;
    void answerTabCall(handlers, message).then(sendResponse);
    return true;
  }, signal);
}
