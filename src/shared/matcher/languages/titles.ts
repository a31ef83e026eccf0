/**
 * Titles that, right before a weak alias, are the support it needs: "الرئيس
 * الأسد" is Assad where "الأسد" alone may be the lion, "الشرع" alone the law.
 */
import { SEP, WORD_MIN, fold } from '../fold';
import { foldKey } from './morphology';

/** Title words (folded): Arabic, Persian, Russian, Turkish. */
export const TITLES: ReadonlySet<string> = new Set(
  [
    'الرييس', 'رييس', 'والرييس', 'للرييس', 'بالرييس', 'الزعيم', 'السيد', 'الشيخ', 'القايد', 'الجنرال', 'العقيد', 'الوزير', 'وزير', 'الامير', 'الملك',
    'رهبر', 'آقای',
    'президент', 'президента', 'президенту', 'президентом', 'президенте', 'глава', 'главы', 'лидер', 'лидера', 'министр', 'генерал',
    // Latin-script titles fold to English words ("président" = president): only Turkish ones, which do not.
    'cumhurbaşkanı', 'başkan', 'bakan',
  ].map(foldKey),
);

/** Whether the word right before `start` (across spaces only) is one of {@link TITLES}. */
export function afterTitle(text: string, start: number): boolean {
  let j = start - 1;
  while (j >= 0 && fold(text.charCodeAt(j)) === SEP) j--;
  if (j === start - 1) return false;
  const end = j + 1;
  while (j >= 0 && fold(text.charCodeAt(j)) >= WORD_MIN) j--;
  return end - j <= 24 && TITLES.has(foldKey(text.slice(j + 1, end)));
}
