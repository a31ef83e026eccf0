/**
 * Letter variants that Unicode does not decompose but that writers of Arabic
 * and Persian use interchangeably in names: folded into one letter by the fold
 * table (`fold.ts`), so an alias written one way matches every way. Each maps one
 * code unit to one code unit, so folding never shifts offsets. (أ إ آ ؤ ئ
 * already fold to their base letter through NFKD, harakat are marks and
 * tatweel is an ignorable, so none of them is listed here; Russian ё and й fold
 * to е and и the same way, Turkish ı and İ to i.)
 */
export const LANGUAGE_FOLDS: ReadonlyArray<readonly [from: number, to: number]> = [
  [0x0629, 0x0647], // ة ta marbuta → ه ha ("سورية" = "سوريه")
  [0x0649, 0x064a], // ى alef maqsura → ي ya
  [0x06cc, 0x064a], // ی Persian yeh → ي
  [0x06d2, 0x064a], // ے yeh barree → ي
  [0x06a9, 0x0643], // ک Persian keheh → ك
  [0x06c0, 0x0647], // ۀ heh with yeh above → ه
  [0x0671, 0x0627], // ٱ alef wasla → ا
];
