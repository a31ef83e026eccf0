import { describe, expect, it } from 'vitest';
import { compileMatcher, type MatcherEntry } from './index';

const entries: MatcherEntry[] = [
  { id: 'bashar', type: 'person', aliases: [{ text: 'Bashar al-Assad' }, { text: 'Assad', shared: true, default: true, years: '2000-2030' }] },
  { id: 'hafez', type: 'person', aliases: [{ text: 'Hafez al-Assad' }, { text: 'Assad', shared: true, weak: true, years: '1970-2000' }] },
  { id: 'maher', type: 'person', aliases: [{ text: 'Maher al-Assad' }, { text: 'Assad', shared: true, weak: true }] },
  { id: 'russia', type: 'state', aliases: [{ text: 'Russia' }] },
  { id: 'aleppo', type: 'place', aliases: [{ text: 'Aleppo' }] },
  { id: 'intervention', type: 'offensive', aliases: [{ text: "Russia's {year} intervention", years: '2015' }] },
  { id: 'battle', type: 'offensive', aliases: [{ text: 'fall of Aleppo', shared: true, default: true, years: '2012-2016' }] },
  { id: 'offensive', type: 'offensive', aliases: [{ text: 'fall of Aleppo', shared: true, years: '2024' }] },
];
const matcher = compileMatcher(entries);
const found = (text: string, pageDate?: string): string[] => matcher.match(text, { pageDate }).map((m) => `${text.slice(m.start, m.end)}=${m.entryId}`);

describe('families and namesakes', () => {
  it('lets a year nearby or the page date choose among namesakes', () => {
    expect(found("In 1982 Assad's troops took Aleppo.")).toEqual(['Assad=hafez', 'Aleppo=aleppo']);
    expect(found('Assad spoke.', '1982-03-01')).toEqual(['Assad=hafez']);
    expect(found('Assad spoke.', '2013-09-10')).toEqual(['Assad=bashar']);
  });

  it('leaves the name ambiguous, as before, when nothing dates it', () => {
    const [m] = matcher.match('Assad spoke.');
    expect(m).toMatchObject({ entryId: 'bashar', candidates: ['bashar', 'hafez', 'maher'] });
  });

  it('prefers a strong mention nearby to the date', () => {
    expect(found('Maher al-Assad commanded. Assad guarded Damascus.', '1982-01-01')).toEqual(['Maher al-Assad=maher', 'Assad=maher']);
  });
});

describe('events by description', () => {
  it('links an actor, a kind of event and a year that agree', () => {
    expect(found("Russia's 2015 intervention saved the regime.")).toEqual(["Russia's 2015 intervention=intervention"]);
  });

  it('gives the words of a phrase whose year fits none of its claims back to the names inside it', () => {
    // Not the 2015 intervention in Syria: Russia and Libya are marked as if the phrase were not an alias.
    expect(found("Russia's 2019 intervention in Libya was smaller.")).toEqual(['Russia=russia']);
    expect(found("Russia's 2019 intervention failed.")).toEqual(['Russia=russia']);
    expect(found("Russia's 2019 intervention near Aleppo.")).toEqual(['Russia=russia', 'Aleppo=aleppo']);
  });

  it('lets the year decide between two events of the same place, and joins it to the mark', () => {
    expect(found('After the 2016 fall of Aleppo, talks began.')).toEqual(['2016 fall of Aleppo=battle']);
    expect(found('The 2024 fall of Aleppo surprised Damascus.')).toEqual(['2024 fall of Aleppo=offensive']);
    const [m] = matcher.match('The fall of Aleppo changed the war.');
    expect(m).toMatchObject({ entryId: 'battle', candidates: ['battle', 'offensive'] });
  });
});
