import type { TypeGroup } from './catalog';
import { DEFAULT_DENSITY, type Density } from './density';

/** The reader's settings, stored as one record. */
export interface Settings {
  /** Global on/off. */
  enabled: boolean;
  /** Host names where highlighting is off. */
  disabledSites: string[];
  /** Which colour groups are highlighted. */
  types: Record<TypeGroup, boolean>;
  /** Hover intent delay before a card opens. */
  hoverDelayMs: number;
  /** How many mentions of a name are marked (see `density.ts`). */
  density: Density;
  /** Stop marking past this many marks on one page. */
  markCap: number;
  /**
   * Whether Tab reaches the names marked on pages (each mention's first piece
   * gets `tabindex="0"`; Enter or Space opens its card). Off by default: a
   * page full of extra Tab stops slows down every keyboard reader who did not
   * ask for them.
   */
  tabToMarks: boolean;
}

/** Most sites highlighting may be off on: far above any reader's list, so a bad caller cannot grow the record without end. */
export const MAX_DISABLED_SITES = 10_000;
/** Most "not this one" corrections one site may hold: what one `page.match` call may exclude. */
export const MAX_CORRECTIONS_PER_SITE = 10_000;

/** Defaults for a new install; stored settings are merged over them. */
export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  disabledSites: [],
  types: { person: true, group: true, state: true, place: true, event: true },
  hoverDelayMs: 400,
  density: DEFAULT_DENSITY,
  markCap: 5000,
  tabToMarks: false,
};

/** True when highlighting should run on `site` under `settings`. */
export function isActiveOn(settings: Settings, site: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(site);
}

/** A change to settings; `types` may name only the groups that change. */
export type SettingsPatch = Partial<Omit<Settings, 'types'>> & { types?: Partial<Settings['types']> };
