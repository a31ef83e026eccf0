import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../index';
import type { MatcherEntry } from '../index';
import type { AliasSpec } from '../../catalog';
import { foldKey, stemCandidates } from './morphology';

function entry(id: string, ...aliases: (string | AliasSpec)[]): MatcherEntry {
  return { id, type: 'person', aliases: aliases.map((a) => (typeof a === 'string' ? { text: a } : a)) };
}

const CATALOG: MatcherEntry[] = [
  entry('putin', 'Владимир Путин', 'Путин', 'بوتين', 'Vladimir Putin'),
  entry('assad', 'Башар Асад', 'Асад', 'بشار الأسد', { text: 'الأسد', weak: true }, 'Beşar Esad', 'Esad'),
  entry('sharaa', 'أحمد الشرع', { text: 'الشرع', weak: true }, 'аш-Шараа'),
  entry('syria', 'Сирия', 'سوريا', 'سورية', 'Suriye'),
  entry('moscow', 'Москва', 'موسكو'),
  entry('hmeimim', 'Хмеймим', 'حميميم'),
  entry('kremlin', 'Кремль', 'الكرملين'),
  entry('erdogan', 'Erdoğan', 'Эрдоган'),
  entry('idlib', 'İdlib'),
  entry('civil-war', 'гражданская война в Сирии'),
];
const matcher = compileMatcher(CATALOG);

/** "surface=entry" of every mark. */
function found(text: string): string[] {
  return matcher.match(text).map((m) => `${text.slice(m.start, m.end)}=${m.entryId}`);
}

describe('Russian', () => {
  it('undoes case endings of names', () => {
    expect(found('Путин, Путина, Путину, Путиным, Путине')).toEqual(['Путин=putin', 'Путина=putin', 'Путину=putin', 'Путиным=putin', 'Путине=putin']);
    expect(found('Сирия, Сирии, Сирию, Сирией')).toEqual(['Сирия=syria', 'Сирии=syria', 'Сирию=syria', 'Сирией=syria']);
    expect(found('Асад, Асада, Асаду, Асадом')).toEqual(['Асад=assad', 'Асада=assad', 'Асаду=assad', 'Асадом=assad']);
    expect(found('в Москве, из Москвы, на Хмеймиме, в Кремле')).toEqual(['Москве=moscow', 'Москвы=moscow', 'Хмеймиме=hmeimim', 'Кремле=kremlin']);
  });
  it('inflects every word of a longer name and keeps indeclinable ones', () => {
    expect(found('встреча Владимира Путина и Башара Асада')).toEqual(['Владимира Путина=putin', 'Башара Асада=assad']);
    expect(found('Путин принял аш-Шараа')).toEqual(['Путин=putin', 'аш-Шараа=sharaa']);
    expect(found('итоги гражданской войны в Сирии')).toEqual(['гражданской войны в Сирии=civil-war']);
  });
  it('tries every stem of a first word when a longer name from an earlier stem does not complete', () => {
    // "российской" stems to both "российско…" (starting the first alias) and "российская" (the second):
    // the walk that fails on the first must not cost the second its turn.
    const names = compileMatcher([entry('war', 'российско-украинская война'), entry('operation', 'российская военная операция в Сирии')]);
    const text = 'итоги российской военной операции в Сирии';
    expect(names.match(text).map((m) => `${text.slice(m.start, m.end)}=${m.entryId}`)).toEqual(['российской военной операции в Сирии=operation']);
  });
  it('folds ё to е and does not take words that only begin like a name', () => {
    expect(foldKey('Королёв')).toBe(foldKey('Королев'));
    expect(found('Москвау, Путинизм, путина')).toEqual([]);
    expect(stemCandidates(foldKey('Эрдоганом'))).toContain(foldKey('Эрдоган'));
  });
});

describe('Arabic', () => {
  it('folds letter variants, tatweel and diacritics without shifting offsets', () => {
    expect(foldKey('سورية')).toBe(foldKey('سوريه'));
    expect(foldKey('أحمد')).toBe(foldKey('احمد'));
    expect(foldKey('إدلب')).toBe(foldKey('ادلب'));
    expect(foldKey('آسيا')).toBe(foldKey('اسيا'));
    expect(foldKey('مصطفى')).toBe(foldKey('مصطفي'));
    const text = 'التقى بـوتـيـن بالرئيس أحْمَد الشَّرَع';
    expect(found(text)).toEqual(['بـوتـيـن=putin', 'أحْمَد الشَّرَع=sharaa']);
  });
  it('strips attached prefixes and their combinations', () => {
    expect(found('وبوتين')).toEqual(['وبوتين=putin']);
    expect(found('لسوريا وسورية')).toEqual(['لسوريا=syria', 'وسورية=syria']);
    expect(found('بالكرملين وفي الكرملين')).toEqual(['بالكرملين=kremlin', 'الكرملين=kremlin']);
    expect(found('قال بشار الأسد إن والأسد وللأسد')).toEqual(['بشار الأسد=assad', 'والأسد=assad', 'وللأسد=assad']);
    expect(found('في حميميم وموسكو')).toEqual(['حميميم=hmeimim', 'وموسكو=moscow']);
  });
  it('strips possessive suffixes', () => {
    expect(found('بشار الأسد في سوريا، وجيش سوريةها')).toContain('سوريةها=syria');
  });
  it('marks a name that is also a word only with supporting context', () => {
    // الأسد: "the lion"; الشرع: "the (religious) law".
    expect(found('زأر الأسد في حديقة الحيوان')).toEqual([]);
    expect(found('يطبق القاضي الشرع')).toEqual([]);
    expect(found('قال الرئيس الأسد')).toEqual(['الأسد=assad']);
    expect(found('التقى الرئيس الشرع')).toEqual(['الشرع=sharaa']);
    expect(found('وصل أحمد الشرع إلى موسكو. وقال الشرع إن')).toEqual(['أحمد الشرع=sharaa', 'موسكو=moscow', 'الشرع=sharaa']);
  });
});

describe('Turkish', () => {
  it("accepts case suffixes after an apostrophe and folds dotted and dotless i", () => {
    expect(found("Erdoğan'ın Esad'a Suriye'de")).toEqual(['Erdoğan=erdogan', 'Esad=assad', 'Suriye=syria']);
    expect(found('Beşar Esad’ın')).toEqual(['Beşar Esad=assad']);
    expect(found("İdlib'deki, IDLIB, Idlib, ıdlıb")).toEqual(['İdlib=idlib', 'IDLIB=idlib', 'Idlib=idlib']);
  });
  it('still refuses an apostrophe followed by other letters', () => {
    expect(found("Esad'xyz")).toEqual([]);
  });
});

describe('Spanish', () => {
  const spanish = compileMatcher([
    entry('kremlin', 'Kremlin'),
    entry('aleppo', 'Alepo'),
    entry('islamic-state', 'Estado Islámico'),
    { id: 'assad', type: 'person', aliases: [{ text: 'Bashar al-Assad' }, { text: 'Asad', weak: false }] },
  ]);
  const marks = (text: string) => spanish.match(text).map((m) => `${text.slice(m.start, m.end)}=${m.entryId}`);

  it('leaves the article "el" before a name out of its mark', () => {
    expect(marks('habló con el Kremlin y el Estado Islámico tomó el Alepo')).toEqual(['Kremlin=kremlin', 'Estado Islámico=islamic-state', 'Alepo=aleppo']);
  });
  it('keeps the Arabic article that is part of a name', () => {
    expect(marks('Bashar al Assad, Bashar al-Assad y El Asad')).toEqual(['Bashar al Assad=assad', 'Bashar al-Assad=assad', 'El Asad=assad']);
  });
});
