/**
 * Titles that, right before a weak alias, are the support it needs: "الرئيس
 * الأسد" is Assad where "الأسد" alone may be the lion, "الشرع" alone the law.
 */
import { SEP, WORD_MIN, fold } from '../fold';
import { foldKey } from './morphology';

/** Title words as written: Arabic, Persian, Russian, Turkish. */
const TITLE_WORDS: readonly string[] = [
    'الرييس', 'رييس', 'والرييس', 'للرييس', 'بالرييس', 'الزعيم', 'السيد', 'الشيخ', 'القايد', 'الجنرال', 'العقيد', 'الوزير', 'وزير', 'الامير', 'الملك',
    'رهبر', 'آقای',
    'президент', 'президента', 'президенту', 'президентом', 'президенте', 'глава', 'главы', 'лидер', 'лидера', 'министр', 'генерал',
    // Latin-script titles fold to English words ("président" = president): only Turkish ones, which do not.
    'cumhurbaşkanı', 'başkan', 'bakan',
];

/**
 * {@link TITLE_WORDS} folded, on first use: folding them fills the fold
 * table's Arabic, Cyrillic and Latin Extended blocks, work every page's
 * content script would otherwise pay at load for pages that have none of them.
 */
let titles: ReadonlySet<string> | undefined;

/** Whether the word right before `start` (across spaces only) is one of {@link TITLE_WORDS}. */
export function afterTitle(text: string, start: number): boolean {
  let j = start - 1;
  while (j >= 0 && fold(text.charCodeAt(j)) === SEP) j--;
  if (j === start - 1) return false;
  const end = j + 1;
  while (j >= 0 && fold(text.charCodeAt(j)) >= WORD_MIN) j--;
  if (end - j > 24) return false;
  titles ??= new Set(TITLE_WORDS.map(foldKey));
  return titles.has(foldKey(text.slice(j + 1, end)));
}
