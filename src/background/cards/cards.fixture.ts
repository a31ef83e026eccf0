/**
 * A tiny corpus for the card tests: two documents about a president who fell
 * and a city offensive, enough to exercise every part of a card.
 */
import type { CorpusBundle, Entry } from '../../shared/corpus';

function entry(id: string, name: string, type: Entry['type'], extra: Partial<Entry> = {}): Entry {
  return { id, name, type, aliases: [{ text: name }], summary: [], roles: [], dates: [], participants: [], origin: 'bundled', ...extra };
}

const docA = 'a-2020';
const docB = 'b-2025';

/** Passage texts by id; mentions are derived from the names listed beside each. */
const PASSAGES: [id: string, text: string, mentions: string[]][] = [
  [`${docA}#p0.s0`, 'President Karim ruled Aleppo and Damascus with an iron hand for two decades.', ['karim', 'aleppo']],
  [`${docA}#p0.s1`, 'Karim met Volkov in Moscow to sign the Grain Accord, and Karim praised it.', ['karim', 'karim', 'volkov', 'grain-accord']],
  [`${docA}#p1.s0`, 'The Aleppo offensive began in 2016 and ended the siege of the old city.', ['aleppo-offensive', 'aleppo']],
  [`${docA}#p1.s1`, 'Karim.', ['karim']],
  [`${docA}#p2.s0`, 'When President Nadim died, the army chose his successor.', ['nadim']],
  [`${docB}#p0.s0`, 'Karim fled to Moscow in December 2024 after rebels took Aleppo in a lightning offensive.', ['karim', 'aleppo']],
  [`${docB}#p0.s1`, 'Volkov offered Karim asylum and the rebels asked for his extradition to face trial.', ['volkov', 'karim']],
  [`${docB}#p1.s0`, 'The Grain Accord of 2019 was signed by both governments.', ['grain-accord']],
  [`${docB}#p1.s1`, 'The 2024 lightning offensive took Aleppo within days, with Karim absent.', ['lightning-offensive', 'aleppo', 'karim']],
];

/** The fixture corpus. */
export const FIXTURE: CorpusBundle = {
  hash: 'fixture',
  asOf: '2025-10-22',
  documents: [
    { id: docA, title: 'Old order', outlet: 'Daily A', published: '2020-09', publishedInferred: false, publishedBasis: '', seeds: [], paragraphs: [], origin: 'bundled' },
    { id: docB, title: 'New order', published: '2025-10-22', publishedInferred: true, publishedBasis: '', seeds: [], paragraphs: [], origin: 'bundled' },
  ],
  passages: PASSAGES.map(([id, text]) => {
    const [documentId, rest] = id.split('#') as [string, string];
    const [, paragraph, sentence] = /p(\d+)\.s(\d+)/.exec(rest)!;
    return { id, documentId, paragraph: Number(paragraph), sentence: Number(sentence), text };
  }),
  entries: [
    entry('karim', 'Omar Karim', 'person', {
      summary: [{ text: 'Former president.', passageIds: [`${docA}#p0.s0`] }],
      roles: [
        { title: 'President', until: '2024-12', passageIds: [`${docA}#p0.s0`] },
        { title: 'In exile in Russia', from: '2024-12-08', passageIds: [`${docB}#p0.s0`] },
      ],
    }),
    // Only a 2020 article shows his role: it is not called current in 2025.
    entry('volkov', 'Ivan Volkov', 'person', { roles: [{ title: 'President of Russia', passageIds: [`${docA}#p0.s1`] }] }),
    entry('nadim', 'Sami Nadim', 'person', { roles: [{ title: 'President', ended: 'death', passageIds: [`${docA}#p2.s0`] }] }),
    entry('aleppo', 'Aleppo', 'place'),
    entry('grain-accord', 'Grain Accord', 'agreement', { dates: [{ start: '2019', passageIds: [`${docB}#p1.s0`] }], participants: ['karim', 'volkov'] }),
    entry('aleppo-offensive', 'Aleppo offensive', 'offensive', {
      dates: [
        { start: '2016', passageIds: [`${docA}#p1.s0`] },
        { start: '2016-12', label: 'The siege of the old city ends', passageIds: [`${docA}#p1.s0`] },
      ],
    }),
    entry('lightning-offensive', 'Lightning offensive', 'offensive', { dates: [{ start: '2024-11', passageIds: [`${docB}#p1.s1`] }] }),
  ],
  mentions: PASSAGES.flatMap(([passageId, , ids]) => ids.map((entryId, i) => ({ entryId, passageId, start: i, end: i + 1 }))),
  relations: [
    { id: 'volkov→karim:sheltered', from: 'volkov', to: 'karim', relation: 'sheltered', kind: 'authored', passageIds: [`${docB}#p0.s1`] },
    { id: 'karim→grain-accord:signed', from: 'karim', to: 'grain-accord', relation: 'signed', kind: 'authored', passageIds: [`${docA}#p0.s1`] },
    { id: 'aleppo→karim:mentioned together', from: 'aleppo', to: 'karim', relation: 'mentioned together', kind: 'co-mention', passageIds: [`${docA}#p0.s0`, `${docB}#p0.s0`, `${docB}#p1.s1`] },
    { id: 'karim→volkov:mentioned together', from: 'karim', to: 'volkov', relation: 'mentioned together', kind: 'co-mention', passageIds: [`${docA}#p0.s1`] },
  ],
  timeline: [
    { id: 'lightning-offensive@2024-11', entryId: 'lightning-offensive', start: '2024-11', inferred: false, passageIds: [`${docB}#p1.s1`] },
    { id: 'aleppo-offensive@2016', entryId: 'aleppo-offensive', start: '2016', inferred: false, passageIds: [`${docA}#p1.s0`] },
    { id: 'aleppo-offensive@2016-12', entryId: 'aleppo-offensive', start: '2016-12', inferred: false, label: 'The siege of the old city ends', passageIds: [`${docA}#p1.s0`] },
    { id: 'grain-accord@2019', entryId: 'grain-accord', start: '2019', inferred: false, passageIds: [`${docB}#p1.s0`] },
  ],
};
