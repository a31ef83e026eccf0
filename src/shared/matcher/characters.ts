/**
 * A place's one-word name used as a person's name ("said Turkey", "Turkey
 * displayed his": a clerk named Turkey in a story). Judged over the whole
 * text: a long story names him in every chunk but twice in none, and one use
 * as a place ("in Turkey") anywhere vetoes it. The evidence of each mention is
 * local (see `usedAsPerson` and `usedAsPlace` in `context.ts`), so a text sent
 * in several parts is judged by reading each part as it comes and deciding
 * once all are read.
 */
import { usedAsPerson, usedAsPlace } from './context';
import type { EntityMatch } from './types';

/** Gathers the evidence of a text's parts, then drops the marks of places used as characters. */
export class CharacterJudge {
  /** Person uses per place entry; -Infinity once the text uses it as a place. */
  private readonly uses = new Map<string, number>();
  /** The one-word marks of places read so far: the only marks a verdict can drop. */
  private readonly oneWordPlaces = new Set<EntityMatch>();

  constructor(private readonly isPlace: (entryId: string) => boolean) {}

  /** Reads the evidence of `matches` (offsets in `text`, the part they were found in). */
  read(text: string, matches: readonly EntityMatch[]): void {
    for (const m of matches) {
      const uses = this.uses.get(m.entryId);
      // Once used as a place, no person use can change the verdict: its other mentions need no reading.
      if (uses === -Infinity || !this.isPlace(m.entryId) || !oneWord(text, m)) continue;
      this.oneWordPlaces.add(m);
      if (usedAsPlace(text, m.start)) this.uses.set(m.entryId, -Infinity);
      else if (usedAsPerson(text, m.start, m.end)) this.uses.set(m.entryId, (uses ?? 0) + 1);
    }
  }

  /** `matches` (every part's, read before) without the one-word marks of places used as a person's name twice and never as a place. */
  drop(matches: EntityMatch[]): EntityMatch[] {
    const characters = new Set<string>();
    for (const [id, n] of this.uses) if (n >= 2) characters.add(id);
    return characters.size === 0 ? matches : matches.filter((m) => !characters.has(m.entryId) || !this.oneWordPlaces.has(m));
  }
}

/** {@link CharacterJudge} over one whole text. */
export function dropCharacters(text: string, matches: EntityMatch[], isPlace: (entryId: string) => boolean): EntityMatch[] {
  const judge = new CharacterJudge(isPlace);
  judge.read(text, matches);
  return judge.drop(matches);
}

/** Whether a mark is one word: no space or hyphen inside it ("Turkey", not "Republic of Turkey"). */
function oneWord(text: string, m: EntityMatch): boolean {
  for (let i = m.start; i < m.end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0x2d || code === 0xa0 || (code >= 0x2010 && code <= 0x2013) || code === 0x0a || code === 0x09) return false;
  }
  return true;
}
