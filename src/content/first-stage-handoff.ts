/**
 * What the content script's first stage (`first-stage.ts`) hands the content
 * app (`index.ts`) when it loads it: the app then starts where the first
 * stage left off instead of asking the background again.
 */
import type { Highlight } from '../shared/highlight';
import type { PageMatches } from '../shared/protocol';
import type { Settings } from '../shared/settings';
import type { TabHandlers } from './tab-listener';

/** The first stage's `page.match`: the request it sent and the answer it got. */
export interface FirstMatch {
  text: string;
  bounds: number[];
  answer: PageMatches;
}

/** The first stage, as the app it loads sees it. */
export interface FirstStage {
  /**
   * The first stage's match of the page as it walked it. The app's first
   * request takes this answer instead of a message when it is the same
   * request (same text, same chunks, nothing excluded yet), so a page with
   * names is sent once.
   */
  firstMatch?: FirstMatch;
  /** The app has sent its first request: a first match that arrives later is not for it. */
  matchAsked: boolean;
  /** The settings as the first stage last had them (read at its start, or given by a change since). */
  settings?: Settings;
  /** The page's saved highlights as the first stage read them. */
  highlights?: readonly Highlight[];
  /** The reader selected text while the app was not there: its toolbar is due. */
  selection: boolean;
  /**
   * Takes the app's tab handlers. The first stage's listener answers every
   * tab call, before and after the app is loaded, so no call is ever
   * answered twice or by no one.
   */
  tabCalls(handlers: TabHandlers): void;
}

/** What the app's module (`content-app.js`) exports. */
export interface ContentAppModule {
  startContentApp(firstStage: FirstStage): void;
}
