/**
 * Content script entry. It runs in every http(s) page's isolated world; it
 * never opens IndexedDB (that would be the page's origin) and asks the
 * background for everything.
 */
import { ContentApp } from './content-app';

const app = new ContentApp();
app.start().catch((error: unknown) => {
  // Never let our failure become the page's uncaught error.
  if (__DEV__) console.warn('Backstory could not start on this page', error);
});
