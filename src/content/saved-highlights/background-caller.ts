/** How saved highlights reach the background (injected, so tests need no browser). */
import type { CallName, CallResult, ParamsOf, ResultOf } from '../../shared/protocol';

/** Calls the background with `call` and its params; resolves with its result or error. */
export type BackgroundCaller = <K extends CallName>(call: K, params: ParamsOf<K>) => Promise<CallResult<ResultOf<K>>>;
