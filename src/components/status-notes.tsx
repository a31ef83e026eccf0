/**
 * The loading, empty and error states every view shows, worded for people.
 * Loading reserves the space of a few lines so the view does not jump when
 * the answer arrives.
 */
import type { ComponentChildren } from 'preact';
import type { CallState } from './use-call';
import { t } from '../shared/i18n';

/** A placeholder while a call runs; `lines` reserves roughly that much height. */
export function Loading({ label = t('loading'), lines = 3 }: { label?: string; lines?: number }) {
  return (
    <div class="loading" role="status" aria-live="polite" style={{ minHeight: `${lines * 1.5}em` }}>
      <span class="muted">{label}</span>
    </div>
  );
}

/** An error sentence; `message` is the background's own, already written for people. */
export function ErrorNote({ message, children }: { message: string; children?: ComponentChildren }) {
  return (
    <div class="error-note" role="alert">
      <p class="error">{message}</p>
      {children}
    </div>
  );
}

/** What an empty list says. */
export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="empty muted">{children}</p>;
}

/**
 * Renders a call's state: loading, error, or `ready(value)`.
 * `unavailable` rewrites "not available yet" for a capability still being built.
 */
export function CallView<T>({ state, ready, loading }: { state: CallState<T>; ready: (value: T) => ComponentChildren; loading?: ComponentChildren }) {
  if (state.status === 'loading') return <>{loading ?? <Loading />}</>;
  if (state.status === 'error') return <ErrorNote message={friendlyError(state.message)} />;
  return <>{ready(state.value)}</>;
}

/** Turns a few technical messages into sentences; keeps the rest. */
export function friendlyError(message: string): string {
  if (/is not available yet/.test(message)) return t('error_not_available', message.replace(/ is not available yet\.?$/, ''));
  if (/Could not establish connection|Receiving end does not exist/i.test(message)) return t('error_no_background');
  // A file sent in pieces (an import's upload, the library export) that the background no longer holds.
  if (/did not reach Backstory in full|export was interrupted/.test(message)) return t('error_transfer_interrupted');
  return message;
}
