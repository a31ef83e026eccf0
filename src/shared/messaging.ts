/**
 * Typed callers for the protocol in `protocol.ts`. A failed delivery (no
 * background, no content script in the tab) becomes an error value like any
 * other, so callers have one path to handle.
 *
 * Through `extension-api.ts`, not the polyfill: the content script sends
 * through here, and must not carry the polyfill on every page.
 */
import { sendRuntimeMessage, sendTabMessage } from './extension-api';
import { envelope, type CallName, type CallResult, type ParamsOf, type ResultOf, type TabCallMap, type TabCallName } from './protocol';

function deliveryError(error: unknown): CallResult<never> {
  return { ok: false, error: { code: 'unavailable', message: error instanceof Error ? error.message : String(error) } };
}

/** Calls the background. */
export async function callBackground<K extends CallName>(call: K, params: ParamsOf<K>): Promise<CallResult<ResultOf<K>>> {
  try {
    const reply = (await sendRuntimeMessage(envelope(call, params))) as CallResult<ResultOf<K>> | undefined;
    return reply ?? { ok: false, error: { code: 'unavailable', message: 'No answer from the background.' } };
  } catch (error) {
    return deliveryError(error);
  }
}

/** Calls the content script of a tab. */
export async function callTab<K extends TabCallName>(tabId: number, call: K, params: TabCallMap[K]['params']): Promise<CallResult<TabCallMap[K]['result']>> {
  try {
    const reply = (await sendTabMessage(tabId, envelope(call, params))) as CallResult<TabCallMap[K]['result']> | undefined;
    return reply ?? { ok: false, error: { code: 'unavailable', message: 'Backstory is not running on this page.' } };
  } catch (error) {
    return deliveryError(error);
  }
}
