/**
 * The content app: every page feature, loaded by the content script's first
 * stage (`first-stage.ts`) only on a page with something to show. It runs in
 * the page's isolated world, as the first stage does; it never opens
 * IndexedDB (that would be the page's origin) and asks the background for
 * everything.
 */
import { ContentApp } from './content-app';
import type { FirstStage } from './first-stage-handoff';

/** Starts the app where `firstStage` left off. Never throws. */
export function startContentApp(firstStage: FirstStage): void {
  const app = new ContentApp(firstStage);
  app.start().catch((error: unknown) => {
    // Never let our failure become the page's uncaught error.
    if (__DEV__) console.warn('Backstory could not start on this page', error);
  });
}
