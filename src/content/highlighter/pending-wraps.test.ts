// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MatcherEntry } from '../../shared/matcher';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import { EAGER_MARKS } from './annotator';
import { EntityHighlighting } from './entity-highlighting';
import { backgroundMatch } from '../../../tests/unit/background-match';

/** These tests count marks: every mention is marked, as they were written for. */
const EVERY_MENTION: Settings = { ...DEFAULT_SETTINGS, density: 'all' };

(globalThis as { __DEV__?: boolean }).__DEV__ = true;

const ENTRIES: MatcherEntry[] = [
  { id: 'vladimir-putin', type: 'person', aliases: [{ text: 'Putin' }] },
  { id: 'hama', type: 'place', aliases: [{ text: 'Hama' }] },
];

/** An IntersectionObserver the test drives: `reveal` reports elements as near the viewport. */
class FakeObserver {
  static last: FakeObserver | undefined;
  readonly observed = new Set<Element>();
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeObserver.last = this;
  }
  observe(el: Element): void {
    this.observed.add(el);
  }
  unobserve(el: Element): void {
    this.observed.delete(el);
  }
  disconnect(): void {
    this.observed.clear();
  }
  takeRecords(): IntersectionObserverEntry[] {
    return [];
  }
  reveal(els: Element[]): void {
    const entries = els.map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry);
    this.callback(entries, this as unknown as IntersectionObserver);
  }
}

/** A page of `n` paragraphs with two mentions each. */
function longPage(n: number): void {
  document.body.innerHTML = Array.from({ length: n }, (_, i) => `<p id="p${i}">Paragraph ${i}: Putin flew to Hama.</p>`).join('');
}

function setUp() {
  const h = new EntityHighlighting({
    document,
    matchRemote: backgroundMatch(ENTRIES),
    report: () => undefined,
    IntersectionObserver: FakeObserver as unknown as typeof IntersectionObserver,
  });
  current = h;
  return h;
}

const marks = (root: ParentNode = document): Element[] => [...root.querySelectorAll('bs-mark')];
/** Resolves once the queued work (a due wrap) is done: `apply` with unchanged settings returns the queue. */
const settled = (h: EntityHighlighting): Promise<void> => h.apply({ ...EVERY_MENTION }, true);

let current: EntityHighlighting | undefined;
afterEach(() => {
  current?.destroy();
  document.body.innerHTML = '';
  document.head.innerHTML = '';
});

describe('marks held until near the viewport', () => {
  it('wraps the first marks at once, counts every mention, and wraps the rest as they come near', async () => {
    longPage(400);
    const h = setUp();
    await h.apply({ ...EVERY_MENTION }, true);
    const wrapped = marks().length;
    expect(wrapped).toBeGreaterThanOrEqual(EAGER_MARKS);
    expect(wrapped).toBeLessThan(800);
    expect(marks(document.getElementById('p0')!)).toHaveLength(2);
    expect(marks(document.getElementById('p399')!)).toHaveLength(0);
    // Counts (the popup, the report) cover every mention, wrapped or not.
    expect(h.state()).toMatchObject({ marks: 800, counts: { 'vladimir-putin': 400, hama: 400 } });
    const annotate = performance.getEntriesByName('backstory:annotate').at(-1) as PerformanceMeasure;
    expect(annotate.detail).toMatchObject({ added: wrapped });
    expect(annotate.detail.deferred).toBeGreaterThan(0);

    const observer = FakeObserver.last!;
    const last = document.getElementById('p399')!;
    expect(observer.observed.has(last)).toBe(true);
    observer.reveal([last, document.getElementById('p398')!]);
    await settled(h);
    expect(marks(last).map((m) => m.textContent)).toEqual(['Putin', 'Hama']);
    expect(marks(document.getElementById('p398')!)).toHaveLength(2);
    expect(marks(document.getElementById('p397')!)).toHaveLength(0);
    expect(observer.observed.has(last)).toBe(false);
    const wrap = performance.getEntriesByName('backstory:wrap').at(-1) as PerformanceMeasure;
    expect(wrap.detail).toMatchObject({ deferred: true, added: 4 });
    expect(h.state().marks).toBe(800);
  });

  it('wraps everything held before a jump to a mention', async () => {
    longPage(400);
    const h = setUp();
    await h.apply({ ...EVERY_MENTION }, true);
    expect(marks().length).toBeLessThan(800);
    expect(h.revealEntry('hama')).toBe(true);
    expect(marks()).toHaveLength(800);
    expect(FakeObserver.last!.observed.size).toBe(0);
  });

  it('turning off drops what is held and restores the page exactly', async () => {
    longPage(400);
    const before = document.body.innerHTML;
    const h = setUp();
    await h.apply({ ...EVERY_MENTION }, true);
    const observer = FakeObserver.last!;
    const last = document.getElementById('p399')!;
    await h.apply({ ...EVERY_MENTION, enabled: false }, false);
    expect(marks()).toHaveLength(0);
    expect(observer.observed.size).toBe(0);
    observer.reveal([last]);
    await h.apply({ ...EVERY_MENTION, enabled: false }, false);
    expect(marks()).toHaveLength(0);
    expect(document.body.innerHTML).toBe(before);
  });

  it('a pass over content with held marks plans them again without counting them twice', async () => {
    longPage(400);
    const h = setUp();
    await h.apply({ ...EVERY_MENTION }, true);
    const last = document.getElementById('p399')!;
    last.append(' Then Putin left.');
    await vi.waitFor(() => expect(h.state().counts['vladimir-putin']).toBe(401), { timeout: 3000 });
    expect(h.state().marks).toBe(801);
    await settled(h);
    // The pass over the changed paragraph was a small one: it wrapped its three mentions at once.
    expect(marks(last).map((m) => m.textContent)).toEqual(['Putin', 'Hama', 'Putin']);
  });

  it('observes the paragraph, not an inline element in it, and a pass over an inline root replans its held marks once', async () => {
    document.body.innerHTML = Array.from({ length: 400 }, (_, i) => `<p id="p${i}">Paragraph ${i}: <a id="a${i}">Putin</a> flew to Hama.</p>`).join('');
    const h = setUp();
    await h.apply({ ...EVERY_MENTION }, true);
    const observed = [...FakeObserver.last!.observed];
    expect(observed.length).toBeGreaterThan(0);
    expect(observed.every((el) => el.tagName === 'P')).toBe(true);
    // The page changes text inside the link of a held paragraph: the pass runs over the link only.
    document.getElementById('a399')!.append(' and Putin');
    await vi.waitFor(() => expect(h.state().counts['vladimir-putin']).toBe(401), { timeout: 3000 });
    expect(h.state().counts.hama).toBe(400);
    expect(h.state().marks).toBe(801);
  });

  it('a held paragraph whose text nodes another wrapper split meanwhile still gets its marks, counted once', async () => {
    longPage(400);
    const h = setUp();
    await h.apply({ ...EVERY_MENTION }, true);
    const last = document.getElementById('p399')!;
    // A saved highlight is drawn over "flew to" (muted: our own wrapper), splitting the held nodes.
    const text = last.firstChild as Text;
    const at = text.data.indexOf('flew to');
    const after = text.splitText(at);
    after.splitText('flew to'.length);
    const highlight = document.createElement('bs-highlight');
    after.replaceWith(highlight);
    highlight.append(after);
    FakeObserver.last!.reveal([last]);
    await settled(h);
    await vi.waitFor(() => expect(marks(last).map((m) => m.textContent)).toEqual(['Putin', 'Hama']), { timeout: 3000 });
    expect(h.state()).toMatchObject({ marks: 800, counts: { 'vladimir-putin': 400, hama: 400 } });
  });

  it('a page that replaces its long content again and again keeps nothing held or counted of what it removed', async () => {
    longPage(400);
    const h = setUp();
    await h.apply({ ...EVERY_MENTION }, true);
    const observer = FakeObserver.last!;
    for (let round = 1; round <= 3; round++) {
      const p0 = document.getElementById('p0')!;
      longPage(400);
      // The new content is annotated (its top wrapped at once) and the old is no longer counted.
      await vi.waitFor(() => expect(marks(document.getElementById('p0')!)).toHaveLength(2), { timeout: 5000 });
      expect(p0.isConnected).toBe(false);
      expect(h.state()).toMatchObject({ marks: 800, capped: false, counts: { 'vladimir-putin': 400, hama: 400 } });
      expect([...observer.observed].every((el) => el.isConnected)).toBe(true);
      expect(observer.observed.size).toBeLessThanOrEqual(400);
    }
  });

  it('wraps everything at once where there is no IntersectionObserver', async () => {
    longPage(400);
    const h = new EntityHighlighting({
      document,
      matchRemote: backgroundMatch(ENTRIES),
      report: () => undefined,
    });
    current = h;
    const saved = globalThis.IntersectionObserver;
    // @ts-expect-error: a browser without IntersectionObserver
    delete globalThis.IntersectionObserver;
    try {
      await h.apply({ ...EVERY_MENTION }, true);
    } finally {
      globalThis.IntersectionObserver = saved;
    }
    expect(marks()).toHaveLength(800);
  });
});
