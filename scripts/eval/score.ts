/**
 * Scoring of `npm run eval`: marks are compared with the gold as counts of
 * (entry id, surface text) pairs, not by offset, so gold stays writable by
 * hand for long real pages. A predicted pair beyond its gold count is a false
 * positive; a gold pair beyond its predicted count is a false negative. A false
 * positive takes the class the gold gives its surface (`non`), else the
 * sentence's class (sentences) or `names` (pages).
 */

/** Counts of one class. */
export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

/** One disagreement with the gold, for `--verbose`. */
export interface Miss {
  kind: 'fp' | 'fn';
  where: string;
  id: string;
  text: string;
  cls: string;
}

/** Tallies by class, and every disagreement. */
export class Scores {
  readonly byClass = new Map<string, Tally>();
  readonly misses: Miss[] = [];

  private tally(cls: string): Tally {
    let t = this.byClass.get(cls);
    if (!t) this.byClass.set(cls, (t = { tp: 0, fp: 0, fn: 0 }));
    return t;
  }

  /**
   * Scores one text: `predicted` and `expected` are (id, surface) pairs with
   * repeats; `expectedClass` gives each gold pair's class, `fpClass` the class
   * of a surplus prediction.
   */
  add(where: string, predicted: readonly [string, string][], expected: readonly [string, string, string][], fpClass: (text: string) => string): void {
    const left = new Map<string, number>();
    for (const [id, text] of predicted) left.set(`${id}\u0001${text}`, (left.get(`${id}\u0001${text}`) ?? 0) + 1);
    for (const [id, text, cls] of expected) {
      const key = `${id}\u0001${text}`;
      const n = left.get(key) ?? 0;
      if (n > 0) {
        left.set(key, n - 1);
        this.tally(cls).tp++;
      } else {
        this.tally(cls).fn++;
        this.misses.push({ kind: 'fn', where, id, text, cls });
      }
    }
    for (const [key, n] of left) {
      const [id, text] = key.split('\u0001') as [string, string];
      const cls = fpClass(text);
      this.tally(cls).fp += n;
      for (let k = 0; k < n; k++) this.misses.push({ kind: 'fp', where, id, text, cls });
    }
  }

  /** The sum over classes. */
  total(): Tally {
    const t: Tally = { tp: 0, fp: 0, fn: 0 };
    for (const c of this.byClass.values()) {
      t.tp += c.tp;
      t.fp += c.fp;
      t.fn += c.fn;
    }
    return t;
  }
}

/** Precision of a tally (1 when nothing was predicted). */
export function precision(t: Tally): number {
  return t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp);
}

/** Recall of a tally (1 when nothing was expected). */
export function recall(t: Tally): number {
  return t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn);
}
