/**
 * Whether a claim's quote supports what the claim says, beyond the quote being
 * corpus text. These are deliberately narrow, mechanical checks, each naming
 * what is missing: a role's title words in its quote, a date's year, month and
 * day in its quote, the numbers and the loaded words ("capital", "son",
 * "first") of a sentence in its evidence, a relation's direction where the
 * quote marks who does what to whom ("by X", "against X", "anti-X", "X-led").
 * A claim they cannot judge passes; the curator's reading is still needed.
 */
import { normalizeQuote } from './evidence';

const folded = new Map<string, string>();

/** Lower case, no accents, one space between words, hyphens as spaces. Memoised: the same evidence is folded by many checks. */
export function foldWords(text: string): string {
  let out = folded.get(text);
  if (out === undefined) {
    out = normalizeQuote(text)
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/['’]s\b/g, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
    folded.set(text, out);
  }
  return out;
}

const STOP = new Set(['of', 'the', 'in', 'and', 'to', 'for', 'a', 'an', 'at', 'on', 's', 'its', 'his', 'her']);

/**
 * What a title word may appear as in a quote: demonyms, spelling variants and
 * the few inferences a reader makes without hesitation (led → leader).
 */
const TITLE_WORD_FORMS: Record<string, string[]> = {
  // The corpus names a government by its capital ("brief Lavrov in Moscow").
  syria: ['syria', 'syrian', 'damascus'],
  russia: ['russia', 'russian', 'moscow', 'kremlin'],
  turkey: ['turkey', 'turkish', 'turkiye', 'ankara'],
  iran: ['iran', 'iranian', 'tehran'],
  iraq: ['iraq', 'iraqi'],
  israel: ['israel', 'israeli'],
  lebanon: ['lebanon', 'lebanese'],
  egypt: ['egypt', 'egyptian'],
  ukraine: ['ukraine', 'ukrainian'],
  qatar: ['qatar', 'qatari'],
  china: ['china', 'chinese'],
  france: ['france', 'french'],
  britain: ['britain', 'british', 'uk'],
  united: ['united', 'us', 'american', 'washington', 'uk', 'british'],
  states: ['states', 'us', 'american', 'washington'],
  kingdom: ['kingdom', 'uk', 'british'],
  defence: ['defence', 'defense'],
  leader: ['leader', 'leaders', 'leadership', 'led', 'leads', 'leading', 'spearheaded', 'head', 'headed', 'heads', 'chief'],
  head: ['head', 'heads', 'headed', 'leader', 'chief'],
  president: ['president', 'presidential', 'presidency'],
  minister: ['minister', 'ministry'],
  exile: ['exile', 'exiled', 'asylum', 'fled'],
  envoy: ['envoy', 'envoys'],
  commander: ['commander', 'commanded', 'command'],
  founder: ['founder', 'founded', 'co founded', 'co founder'],
  spokesperson: ['spokesperson', 'spokesman', 'spokeswoman'],
  un: ['un', 'united nations'],
};

function hasWord(foldedText: string, word: string): boolean {
  return ` ${foldedText} `.includes(` ${word} `);
}

/** The title words the quote lacks (none: the title appears in or follows from the quote). */
export function missingTitleWords(title: string, quote: string): string[] {
  const q = foldWords(quote);
  return foldWords(title)
    .split(' ')
    .filter((w) => w !== '' && !STOP.has(w))
    .filter((w) => !(TITLE_WORD_FORMS[w] ?? [w]).some((form) => hasWord(q, form)));
}

/** Words in a quote that say a role is over. */
const FORMER = /\b(former|formerly|then|late|ex|died|death|killed|ousted|deposed|overthrown|toppled|until|assassination|assassinated)\b/;

/** The word of `quote` that says its holder held the role before, if any. */
export function formerCue(quote: string): string | undefined {
  return FORMER.exec(foldWords(quote))?.[1];
}

/** Words that say a death. */
export const DEATH = /\b(died|death|dead|killed|late|assassinated|assassination|funeral)\b/;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** What part of an ISO date (`YYYY[-MM[-DD]]`) the quote does not state: "year 2015", "month October", "day 2"; none when it states them all. */
export function missingDateParts(date: string, quote: string): string[] {
  const q = foldWords(quote);
  const [year, month, day] = date.split('-');
  const missing: string[] = [];
  if (year && !hasWord(q, year)) missing.push(`year ${year}`);
  if (month) {
    const name = MONTHS[Number(month) - 1]!;
    if (!hasWord(q, name) && !hasWord(q, name.slice(0, 3))) missing.push(`month ${name[0]!.toUpperCase()}${name.slice(1)}`);
  }
  if (day && !hasWord(q, String(Number(day))) && !hasWord(q, `${Number(day)}st`) && !hasWord(q, `${Number(day)}th`) && !hasWord(q, `${Number(day)}nd`)) {
    missing.push(`day ${Number(day)}`);
  }
  return missing;
}

/**
 * Words whose claim needs the corpus to say it: a sentence or relation with
 * one of them is supported only when its evidence has it too.
 */
const LOADED: Record<string, RegExp> = {
  capital: /\bcapital\b/,
  coast: /\bcoast(al)?\b/,
  son: /\bsons?\b/,
  father: /\bfather\b/,
  brother: /\bbrothers?\b/,
  wife: /\bwife\b/,
  first: /\bfirst\b/,
  invited: /\binvit/,
  founded: /\b(co )?found/,
  killed: /\bkill/,
  died: /\b(died|death)\b/,
  president: /\bpresident/,
  minister: /\bminist/,
  envoy: /\benvoy/,
};

/** The loaded words of `claim` that `evidence` does not have. */
export function missingLoadedWords(claim: string, evidence: string): string[] {
  const c = foldWords(claim);
  const e = foldWords(evidence);
  return Object.entries(LOADED)
    .filter(([word]) => hasWord(c, word))
    .filter(([, pattern]) => !pattern.test(e))
    .map(([word]) => word);
}

/** Numbers of a sentence its evidence does not have ("2017", "53"). */
export function missingNumbers(sentence: string, evidence: string): string[] {
  const e = foldWords(evidence);
  const numbers = foldWords(sentence).match(/\b\d+\b/g) ?? [];
  return [...new Set(numbers)].filter((n) => !hasWord(e, n) && !hasWord(e, `${n}st`) && !hasWord(e, `${n}th`) && !hasWord(e, `${n}nd`) && !hasWord(e, `${n}rd`));
}

/**
 * A qualifier of the evidence the sentence drops: the corpus says "the first
 * … since X", the sentence only "the first …". Undefined when none is dropped.
 */
export function droppedQualifier(sentence: string, evidence: string): string | undefined {
  const firstSince = /\bfirst\b[^.]*?\bsince\b/;
  if (firstSince.test(foldWords(evidence)) && hasWord(foldWords(sentence), 'first') && !firstSince.test(foldWords(sentence))) {
    return '"first … since": the corpus says first since a date, not first ever';
  }
  return undefined;
}

/** How a relation label reads: "A backed by B" (passive), "A backed B" (active), "A met B" (symmetric), "A capital of B" (neither). */
export function relationVoice(label: string): 'passive' | 'active' | 'symmetric' | 'other' {
  const l = label.trim().toLowerCase();
  if (/\bby$/.test(l)) return 'passive';
  if (/\bwith$/.test(l) || ['met', 'mentioned together', 'fellow', 'rival and partner of', 'partner of'].includes(l)) return 'symmetric';
  if (/\b(of|in|at|on|to|from|during|near|into)$/.test(l)) return 'other';
  return 'active';
}

/** Where a quote names an entry: its folded surface forms. */
export type NameForms = readonly string[];

/** Whether the folded quote has one of `forms` right after one of `prefixes` (and before `suffix`). */
function names(q: string, forms: NameForms, prefixes: readonly string[], suffix = ''): boolean {
  const padded = ` ${q} `;
  return forms.some((f) => f !== '' && prefixes.some((p) => padded.includes(` ${p}${f}${suffix} `)));
}

/**
 * Who acts in the quote, between `a` and `b`: 'a', 'b', or undefined when the
 * quote does not mark it. "by B" makes B the actor; "against B", "anti-B"
 * make B the one acted on; "B-led" makes B the leader.
 */
export function actorInQuote(quote: string, a: NameForms, b: NameForms): 'a' | 'b' | undefined {
  const q = foldWords(quote);
  // "stood by X" stands with X; it does not make X the one acting.
  const byText = q.replace(/\b(stood|stand|stands|standing|firmly) by\b/g, '$1 with');
  const by = (forms: NameForms) => names(byText, forms, ['by ', 'by the ']);
  const against = (forms: NameForms) => names(q, forms, ['against ', 'against the ', 'anti ']);
  const led = (forms: NameForms) => names(q, forms, [''], ' led');
  const aActs = by(a) || against(b) || led(a);
  const bActs = by(b) || against(a) || led(b);
  if (aActs === bActs) return undefined;
  return aActs ? 'a' : 'b';
}

/**
 * Why "`from` `label` `to`" reads against its quote, or undefined when it does
 * not (or the quote does not mark who acts).
 */
export function backwardsRelation(label: string, quote: string, from: { name: string; forms: NameForms }, to: { name: string; forms: NameForms }): string | undefined {
  const voice = relationVoice(label);
  if (voice !== 'passive' && voice !== 'active') return undefined;
  const actor = actorInQuote(quote, from.forms, to.forms);
  if (actor === undefined) return undefined;
  const expected = voice === 'active' ? 'a' : 'b';
  if (actor === expected) return undefined;
  const [doer, other] = actor === 'a' ? [from.name, to.name] : [to.name, from.name];
  return `reads backwards: the quote has ${doer} acting on ${other}, so it is "${other} ${label}" the wrong way round`;
}
