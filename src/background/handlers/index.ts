import type { Handlers } from '../router';
import type { Services } from '../services';
import { appHandlers } from './app';
import { corpusHandlers } from './corpus';
import { pageHandlers } from './pages';
import { pendingHandlers } from './pending';
import { settingsHandlers } from './settings';

/** Every call's handler. The type makes a missing one a compile error. */
export function createHandlers(s: Services): Handlers {
  return {
    ...pendingHandlers(),
    ...appHandlers(s),
    ...corpusHandlers(s),
    ...pageHandlers(s),
    ...settingsHandlers(s),
  };
}
