import { describe, expect, it } from 'vitest';
import { CharacterJudge } from '../shared/matcher/characters';
import type { EntityMatch } from '../shared/matcher/types';
import { PagePartPasses } from './page-parts';

const judge = () => ({ context: 'first part', judge: new CharacterJudge(() => false) });
const mention = (start: number): EntityMatch => ({ start, end: start + 5, entryId: 'vladimir-putin', candidates: ['vladimir-putin'], weak: false });

describe('PagePartPasses', () => {
  it('completes a pass with every part in page offsets, and refuses a part of a pass it does not hold', () => {
    const passes = new PagePartPasses<string>();
    expect(passes.add(1, { pass: 'p', index: 0, count: 2, at: 0 }, 'Putin', [mention(0)], judge)).toBeNull();
    expect(passes.add(1, { pass: 'p', index: 1, count: 2, at: 100 }, 'Putin', [mention(0)], judge)?.map((m) => m.start)).toEqual([0, 100]);
    // Its parts are gone with the answer: a part of it again, or of a pass never begun, finds nothing held.
    expect(() => passes.add(1, { pass: 'p', index: 1, count: 2, at: 100 }, 'Putin', [], judge)).toThrow(expect.objectContaining({ code: 'unavailable' }));
    expect(() => passes.add(2, { pass: 'q', index: 3, count: 4, at: 100 }, 'Putin', [], judge)).toThrow(expect.objectContaining({ code: 'unavailable' }));
  });

  it('completes 300 passes of as many tabs sending their parts at the same time', () => {
    // A restored browser: every tab with a long article sends its first part, then the next ones.
    const passes = new PagePartPasses<string>();
    const tabs = Array.from({ length: 300 }, (_, tab) => tab);
    for (const tab of tabs) expect(passes.add(tab, { pass: `t${tab}`, index: 0, count: 3, at: 0 }, 'Putin', [mention(0)], judge)).toBeNull();
    // More passes than are held at once: the 44 that waited longest are let go, and their pages are told
    // at their next part (they ask again later); the parts of the others complete them.
    const refused: number[] = [];
    const send = (tab: number, index: number) => {
      try {
        return passes.add(tab, { pass: `t${tab}`, index, count: 3, at: 10 * index }, 'Putin', [mention(0)], judge);
      } catch {
        refused.push(tab);
        return undefined;
      }
    };
    for (const tab of tabs) send(tab, 1);
    expect(refused).toEqual(tabs.slice(0, 44));
    const completed = tabs.slice(44).map((tab) => send(tab, 2));
    expect(completed.every((found) => found?.map((m) => m.start).join() === '0,10,20')).toBe(true);
  });

  it('lets go first of the pass that has waited longest for a part, not of the one that began first', () => {
    const passes = new PagePartPasses<string>();
    // The first pass keeps getting parts while 300 others begin and stop (their pages went away).
    expect(passes.add(0, { pass: 'live', index: 0, count: 3, at: 0 }, 'Putin', [mention(0)], judge)).toBeNull();
    for (let tab = 1; tab <= 255; tab++) passes.add(tab, { pass: 'gone', index: 0, count: 2, at: 0 }, 'Putin', [], judge);
    expect(passes.add(0, { pass: 'live', index: 1, count: 3, at: 10 }, 'Putin', [mention(0)], judge)).toBeNull();
    for (let tab = 256; tab <= 300; tab++) passes.add(tab, { pass: 'gone', index: 0, count: 2, at: 0 }, 'Putin', [], judge);
    expect(passes.add(0, { pass: 'live', index: 2, count: 3, at: 20 }, 'Putin', [mention(0)], judge)?.map((m) => m.start)).toEqual([0, 10, 20]);
    // Passes were let go meanwhile: the oldest stopped one is gone.
    expect(() => passes.add(1, { pass: 'gone', index: 1, count: 2, at: 0 }, 'Putin', [], judge)).toThrow(expect.objectContaining({ code: 'unavailable' }));
  });
});
