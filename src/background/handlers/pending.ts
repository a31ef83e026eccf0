import { CallFailure, type Handlers } from '../router';

/**
 * Calls whose capability is still being built. Each answers with a clear error
 * value; when a capability lands, its handler file takes its names out of here.
 */
const PENDING = [
] as const;

/** Stubs for the calls in {@link PENDING}. */
export function pendingHandlers(): Pick<Handlers, (typeof PENDING)[number]> {
  return Object.fromEntries(
    PENDING.map((call) => [call, () => Promise.reject(new CallFailure('unavailable', `${call} is not available yet.`))]),
  ) as unknown as Pick<Handlers, (typeof PENDING)[number]>;
}
