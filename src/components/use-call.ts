/**
 * A hook for extension pages: runs a background call and tracks loading,
 * error and value, so every view has its empty, loading and error states.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CallResult } from '../shared/protocol';

/** The state of one call. */
export type CallState<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; value: T };

/** Runs `run` when `deps` change; stale answers are dropped. */
export function useCall<T>(run: () => Promise<CallResult<T>>, deps: unknown[]): CallState<T> {
  const [state, setState] = useState<CallState<T>>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    run().then(
      (result) => current && setState(result.ok ? { status: 'ready', value: result.value } : { status: 'error', message: result.error.message }),
      (error: unknown) => current && setState({ status: 'error', message: String(error) }),
    );
    return () => {
      current = false;
    };
  }, deps);
  return state;
}
