/**
 * How many mentions of a name a page shows marked. A reader's first view of
 * an article should not repeat the same colour on every "Syria": the default
 * marks the first mention of each name in each section of the article (a
 * heading starts a section), so a long article with headings reminds the
 * reader again under each heading, and a short one marks each name once.
 */

/** Every mention, the first of each name per section (the default), or the first on the page. */
export type Density = 'all' | 'sections' | 'first';

/** Every density, the default first. */
export const DENSITIES: readonly Density[] = ['sections', 'all', 'first'];

/** The density a new install uses. */
export const DEFAULT_DENSITY: Density = 'sections';

/**
 * The key under which one mark per key is kept: the entry itself for
 * `'first'`, the entry in its section for `'sections'`; null for `'all'`
 * (every mention is marked).
 */
export function densitySlot(density: Density, entryId: string, section: () => number): string | null {
  if (density === 'all') return null;
  if (density === 'first') return entryId;
  return `${entryId}\u0000${section()}`;
}
