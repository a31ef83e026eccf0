/**
 * The extension point of the content script: a page feature (the hover card,
 * saved highlights) is a function started once per page with a context, which
 * returns the hooks it wants. Adding a feature is one line in `content-app.ts`.
 */
import type { Highlight } from '../shared/highlight';
import type { TabCallMap } from '../shared/protocol';
import type { Settings } from '../shared/settings';
import type { AnnotationState } from './highlighter/annotator';
import type { TabHandlers } from './tab-listener';

/** What `tab.state` answers. */
export type TabState = TabCallMap['tab.state']['result'];

/** What a feature gets when it starts. */
export interface PageFeatureContext {
  /** Aborts when the content script shuts down: remove listeners and UI then. */
  signal: AbortSignal;
  /** The current settings (undefined until the background answered). */
  settings(): Settings | undefined;
  /** Entity highlighting's current state (counts, marks, capped, active). */
  marks(): AnnotationState & { active: boolean };
  /**
   * Removes the marks of an entry the reader said is "not this one" on this
   * site, and stops marking it for the rest of the page's life (the
   * background stores the correction; the next page load reads it).
   */
  excludeEntry(entryId: string): void;
  /** The reader selected text before the features started (see `first-stage.ts`): show what a selection shows. */
  selectionWaiting: boolean;
  /** The page's saved highlights, when the first stage read them already (otherwise the feature asks). */
  pageHighlights?: readonly Highlight[];
}

/** The hooks a feature returns; all optional. */
export interface PageFeature {
  /** Tab calls this feature answers (for example `tab.saveSelection`). */
  handlers?: Partial<TabHandlers>;
  /** Fields this feature adds to `tab.state` (for example `highlights`, `orphans`). */
  state?(): Partial<TabState>;
  /** After every annotation pass and every clear (marks were added or removed). */
  marksChanged?(state: AnnotationState & { active: boolean }): void;
  /** After the reader's settings changed. */
  settingsChanged?(settings: Settings): void;
}

/** Starts a feature; returns its hooks (or nothing). Must not throw. */
export type PageFeatureStarter = (context: PageFeatureContext) => PageFeature | void;
