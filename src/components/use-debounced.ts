/**
 * A value that follows another after a pause, so typing in a search box sends
 * one query per pause rather than one per keystroke.
 */
import { useEffect, useState } from 'preact/hooks';

/** `value`, `delayMs` after it last changed. */
export function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
