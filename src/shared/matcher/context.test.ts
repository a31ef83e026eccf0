import { describe, expect, it } from 'vitest';
import { compileMatcher, type MatcherEntry } from './index';
import { matchChunks } from './match-chunks';

const entries: MatcherEntry[] = [
  { id: 'washington', type: 'place', aliases: [{ text: 'Washington' }] },
  { id: 'france', type: 'state', aliases: [{ text: 'France' }] },
  { id: 'turkey', type: 'state', aliases: [{ text: 'Turkey' }] },
  { id: 'united-states', type: 'state', aliases: [{ text: 'US', caseSensitive: true }, { text: 'U.S.', caseSensitive: true }, { text: 'USA', caseSensitive: true }] },
  { id: 'russia', type: 'state', aliases: [{ text: 'Russia' }] },
  { id: 'islamic-state', type: 'organisation', aliases: [{ text: 'ISIS' }, { text: 'IS', caseSensitive: true, weak: true }] },
  { id: 'boris-johnson', type: 'person', aliases: [{ text: 'Boris Johnson' }, { text: 'Johnson', weak: true }] },
  { id: 'elham-ahmed', type: 'person', aliases: [{ text: 'Elham Ahmed' }, { text: 'Ahmed', weak: true }] },
  { id: 'vladimir-putin', type: 'person', aliases: [{ text: 'Vladimir Putin' }, { text: 'Putin' }] },
  { id: 'sharaa', type: 'person', aliases: [{ text: 'Ahmed al-Sharaa' }] },
  { id: 'mediterranean', type: 'place', aliases: [{ text: 'Mediterranean' }] },
];
const matcher = compileMatcher(entries);
const found = (text: string): string[] => matcher.match(text).map((m) => `${text.slice(m.start, m.end)}=${m.entryId}`);

describe('longer names win', () => {
  it('skips a one-word alias inside a longer proper name', () => {
    expect(found('The Washington Post ran it.')).toEqual([]);
    expect(found('A Washington-based group.')).toEqual([]);
    expect(found('Johnson & Johnson and Boris Johnson.')).toEqual(['Boris Johnson=boris-johnson']);
    expect(found('Radio France Internationale')).toEqual([]);
    expect(found('Melania Trump and Vladimir Putin.')).toEqual(['Vladimir Putin=vladimir-putin']);
    expect(found('It aired on France 2.')).toEqual([]);
    expect(found('It costs US$400 in en-US.')).toEqual([]);
  });

  it('keeps names after openers, titles, nationality adjectives, and in title-case headlines', () => {
    expect(found('Under Putin, Washington spoke.')).toEqual(['Putin=vladimir-putin', 'Washington=washington']);
    expect(found('President Putin and the Syrian Mediterranean port.')).toEqual(['Putin=vladimir-putin', 'Mediterranean=mediterranean']);
    expect(found('Putin Shocked to Learn the News')).toEqual(['Putin=vladimir-putin']);
    expect(found('The US Congress met.')).toEqual(['US=united-states']);
  });
});

describe('weak aliases need nearby support', () => {
  it('marks a bare name only near a full mention of the same entry', () => {
    expect(found('Elham Ahmed spoke. Ahmed added more.')).toEqual(['Elham Ahmed=elham-ahmed', 'Ahmed=elham-ahmed']);
    const far = `Elham Ahmed spoke.\u0000${'Nothing else happened. '.repeat(40)}\u0000Ahmed, a shopkeeper, agreed.`;
    expect(found(far)).toEqual(['Elham Ahmed=elham-ahmed']);
  });

  it('never marks a bare name after a different given name', () => {
    expect(found('Boris Johnson met Lyndon Johnson.')).toEqual(['Boris Johnson=boris-johnson']);
    expect(found('Elham Ahmed and Ahmed al-Sharaa.')).toEqual(['Elham Ahmed=elham-ahmed', 'Ahmed al-Sharaa=sharaa']);
  });
});

describe('case matters', () => {
  it('does not mark acronyms inside all-caps runs', () => {
    expect(found('ISIS: WHAT IS NEXT')).toEqual(['ISIS=islamic-state']);
    expect(found('FOLLOW US')).toEqual([]);
    expect(found('The US spoke.')).toEqual(['US=united-states']);
  });

  it('does not mark a proper name written as a lower-case word', () => {
    expect(found('He quit cold turkey; Turkey did not.')).toEqual(['Turkey=turkey']);
  });
});

describe('invisible characters', () => {
  it('skips soft hyphens and every format character, and the mark covers the whole name', () => {
    for (const c of ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\u200e', '\ufeff']) {
      const text = `Met Vladi${c}mir Pu${c}tin.`;
      expect(found(text)).toEqual([`Vladi${c}mir Pu${c}tin=vladimir-putin`]);
    }
  });
});

describe('an acronym inside an outlet\'s or company\'s name', () => {
  it('is not marked when a capitalised run after it holds an organisation\'s head word', () => {
    expect(found('Read it in USA Today and US Weekly.')).toEqual([]);
    expect(found('He founded U.S. Games Systems, Inc., which sells decks.')).toEqual([]);
    expect(found('U.S. Games sells new decks.')).toEqual([]);
    expect(found('She chairs Healthline Media UK Ltd now.')).toEqual([]);
  });

  it('is marked before any other capitalised noun it qualifies', () => {
    expect(found('The U.S. Congress and the US Army met.')).toEqual(['U.S.=united-states', 'US=united-states']);
    expect(found('The USA spoke.')).toEqual(['USA=united-states']);
  });

  it('follows a Russian noun as its genitive: no longer name in Cyrillic ("Власти США", "Госдепартамент США")', () => {
    const russian = compileMatcher([{ id: 'united-states', type: 'state', aliases: [{ text: 'США', caseSensitive: true }] }, { id: 'trump', type: 'person', aliases: [{ text: 'Трамп', weak: false }] }]);
    const marks = (text: string) => russian.match(text).map((m) => text.slice(m.start, m.end));
    expect(marks('Власти США приветствовали встречу. Госдепартамент США промолчал.')).toEqual(['США', 'США']);
    // A one-word name after a capitalised word is still part of a longer name.
    expect(marks('Мелания Трамп приехала.')).toEqual([]);
  });

  it('reads a dotted acronym as one word, as its undotted form', () => {
    // A capitalised word before it makes a longer name (a company), outside title-case headlines.
    expect(found('at the helm of Santander U.S. since May')).toEqual([]);
    expect(found('How a Court Ruling Could Affect U.S. Spying')).toEqual(['U.S.=united-states']);
    expect(found('Hulu Strikes US Deal For a Movie')).toEqual(['US=united-states']);
  });
});

describe('capitalised hyphen compounds', () => {
  it('does not mark a name joined by a hyphen to a capitalised word: another name', () => {
    expect(found('They met at the Isis-Urania Temple in London.')).toEqual([]);
    expect(found('A Turkey-Urania joint venture.')).toEqual([]);
  });

  it('marks a name joined to another name of the catalog, or an acronym written in capitals', () => {
    expect(found('A Russia-Turkey deal.')).toEqual(['Russia=russia', 'Turkey=turkey']);
    expect(found('Gesetze eines US-Bundesstaates und der U.S.-Mexico border.')).toEqual(['US=united-states', 'U.S.=united-states']);
  });
});

describe('a place name used as a person\'s', () => {
  const bartleby = 'Turkey was a short, pursy Englishman. When Turkey displayed his fullest beams, "With submission, sir," said Turkey.';

  it('drops every one-word mention of the place when the text uses it twice as a person\'s', () => {
    expect(found(bartleby)).toEqual([]);
    expect(found('"No," said Turkey. "Yes," replied Washington. "Never," said Turkey.')).toEqual(['Washington=washington']);
  });

  it('keeps it when it is used so once, or as a place anywhere in the text', () => {
    expect(found('When Turkey displayed his fullest beams, Russia watched.')).toEqual(['Turkey=turkey', 'Russia=russia']);
    expect(found(`${bartleby} Troops massed in Turkey.`)).toEqual(['Turkey=turkey', 'Turkey=turkey', 'Turkey=turkey', 'Turkey=turkey']);
  });

  it('does not count a pronoun after a comma, which begins another clause', () => {
    expect(found('Turkey is calm, but he left. Turkey is far, and his aides stayed. Turkey, he added, wanted calm.')).toEqual(['Turkey=turkey', 'Turkey=turkey', 'Turkey=turkey']);
  });

  it('does not count a pronoun that can mean a name before the place in its sentence', () => {
    const text = 'Putin said Russia would keep his bases. Putin added that Russia will not abandon his ally.';
    expect(found(text)).toEqual(['Putin=vladimir-putin', 'Russia=russia', 'Putin=vladimir-putin', 'Russia=russia']);
  });

  it('judges the page as a whole when its chunks are matched apart', () => {
    const first = '"With submission, sir," said Turkey.\u0000';
    const text = `${first}When Turkey displayed his fullest beams, the office grew warm.`;
    const marks = matchChunks(matcher, text, [0, first.length, first.length, text.length]);
    expect(marks).toEqual([]);
  });

  it('reads only places and states, and only their one-word names', () => {
    expect(found('"No," said Putin. "Yes," said Putin, and he left.')).toEqual(['Putin=vladimir-putin', 'Putin=vladimir-putin']);
  });
});

describe('a place used as a person', () => {
  it('drops a place named as a character twice', () => {
    expect(found('"Go," said Turkey. Turkey displayed his hat. Turkey ran.')).toEqual([]);
  });

  it('keeps the place where the pronoun is someone else’s: a possessive, or a new clause', () => {
    const news = "Turkey's new president said he wants ties. Turkey’s foreign minister said he agreed. Turkey said he would come. Turkey hopes that he wins.";
    expect(found(news)).toEqual(['Turkey=turkey', 'Turkey=turkey', 'Turkey=turkey', 'Turkey=turkey']);
  });
});
