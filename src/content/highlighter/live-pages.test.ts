// @vitest-environment happy-dom
/**
 * Pages that keep changing (a live blog, infinite scroll): counts, the cap
 * and the report follow the marks the page still holds.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MatcherEntry } from '../../shared/matcher';
import type { PageReport } from '../../shared/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import { EntityHighlighting } from './entity-highlighting';
import { backgroundMatch } from '../../../tests/unit/background-match';

/** These tests count marks: every mention is marked, as they were written for. */
const EVERY_MENTION: Settings = { ...DEFAULT_SETTINGS, density: 'all' };

(globalThis as { __DEV__?: boolean }).__DEV__ = true;

const ENTRIES: MatcherEntry[] = [
  { id: 'vladimir-putin', type: 'person', aliases: [{ text: 'Putin' }] },
  { id: 'hama', type: 'place', aliases: [{ text: 'Hama' }] },
];

let current: EntityHighlighting | undefined;
afterEach(() => {
  current?.destroy();
  document.body.innerHTML = '';
  document.head.innerHTML = '';
});

async function start(settings: Partial<Settings> = {}) {
  const reports: PageReport[] = [];
  const h = new EntityHighlighting({
    document,
    matchRemote: backgroundMatch(ENTRIES),
    report: (r) => reports.push(r),
  });
  current = h;
  await h.apply({ ...EVERY_MENTION, ...settings }, true);
  return { h, reports };
}

/** `n` paragraphs of round `round`, two mentions each. */
function paragraphs(round: number, n: number): string {
  return Array.from({ length: n }, (_, i) => `<p id="r${round}p${i}">Update ${round}.${i}: Putin flew to Hama.</p>`).join('');
}

/** Mentions per entry as the page draws them. */
function pageCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of document.querySelectorAll('bs-mark')) {
    const id = m.getAttribute('data-entry-id')!;
    counts[id] = (counts[id] ?? 0) + 1;
  }
  return counts;
}

const marksIn = (selector: string): number => document.querySelectorAll(`${selector} bs-mark`).length;

describe('live pages', () => {
  it('a mark the page removes stops counting at once, and the report is sent again', async () => {
    document.body.innerHTML = paragraphs(0, 2);
    const { h, reports } = await start();
    expect(h.state()).toMatchObject({ marks: 4, counts: { 'vladimir-putin': 2, hama: 2 } });
    await vi.waitFor(() => expect(reports.at(-1)?.marks).toBe(4), { timeout: 3000 });

    document.getElementById('r0p1')!.remove();
    // The popup asks before the observer's flush: the state is already exact.
    expect(h.state()).toMatchObject({ marks: 2, counts: { 'vladimir-putin': 1, hama: 1 } });
    await vi.waitFor(() => expect(reports.at(-1)).toMatchObject({ marks: 2, counts: { 'vladimir-putin': 1, hama: 1 } }), { timeout: 3000 });

    // A mark removed on its own (the page rewrote the paragraph's markup) goes too.
    document.querySelector('#r0p0 bs-mark')!.remove();
    expect(h.state()).toMatchObject({ marks: 1, counts: { hama: 1 } });
  });

  it('the cap applies to what is present: content replaced after the cap was reached is marked, round after round', async () => {
    document.body.innerHTML = paragraphs(0, 3);
    const { h, reports } = await start({ markCap: 4 });
    expect(h.state()).toMatchObject({ marks: 4, capped: true });
    for (let round = 1; round <= 4; round++) {
      document.body.innerHTML = paragraphs(round, 3);
      await vi.waitFor(() => expect(marksIn(`#r${round}p1`)).toBe(2), { timeout: 3000 });
      expect(h.state()).toMatchObject({ marks: 4, capped: true });
      expect(h.state().counts).toEqual(pageCounts());
    }
    await vi.waitFor(() => expect(reports.at(-1)).toMatchObject({ marks: 4, capped: true, counts: pageCounts() }), { timeout: 3000 });
  });

  it('marks left out by the cap are marked once the page removes marks', async () => {
    document.body.innerHTML = paragraphs(0, 3);
    const { h } = await start({ markCap: 4 });
    expect(marksIn('#r0p2')).toBe(0);
    document.getElementById('r0p0')!.remove();
    await vi.waitFor(() => expect(marksIn('#r0p2')).toBe(2), { timeout: 3000 });
    expect(h.state()).toMatchObject({ marks: 4, capped: false, counts: { 'vladimir-putin': 2, hama: 2 } });
  });

  it('density "first" marks the next mention of a name whose one mark the page removed, counting each mention once', async () => {
    document.body.innerHTML = paragraphs(0, 3);
    const { h } = await start({ density: 'first' });
    expect(h.state()).toMatchObject({ marks: 2, counts: { 'vladimir-putin': 3, hama: 3 } });
    expect(marksIn('#r0p1')).toBe(0);
    document.getElementById('r0p0')!.remove();
    await vi.waitFor(() => expect(marksIn('#r0p1')).toBe(2), { timeout: 3000 });
    expect(h.state()).toMatchObject({ marks: 2, counts: { 'vladimir-putin': 2, hama: 2 } });
  });
});
