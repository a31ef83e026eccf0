import type { Handlers } from '../router';
import type { Services } from '../services';
import { appHandlers } from './app';
import { cardHandlers } from './cards';
import { corpusHandlers } from './corpus';
import { highlightHandlers } from './highlights';
import { libraryHandlers } from './library';
import { ownEntryHandlers } from './own-entries';
import { explorerHandlers } from './explorer';
import { pageHandlers } from './pages';
import { privateFrameHandlers } from './private-frame';
import { searchHandlers } from './search';
import { settingsHandlers } from './settings';
import { uploadHandlers } from './uploads';

/** Every call's handler. The type makes a missing one a compile error. */
export function createHandlers(s: Services): Handlers {
  return {
    ...appHandlers(s),
    ...cardHandlers(s),
    ...corpusHandlers(s),
    ...explorerHandlers(s),
    ...pageHandlers(s),
    ...privateFrameHandlers(s),
    ...highlightHandlers(s),
    ...libraryHandlers(s),
    ...ownEntryHandlers(s),
    ...searchHandlers(s),
    ...settingsHandlers(s),
    ...uploadHandlers(s),
  };
}
