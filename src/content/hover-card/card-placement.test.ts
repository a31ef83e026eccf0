// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { followMoves } from './card-placement';

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

describe('followMoves', () => {
  it('hears any scroller, re-places once per frame however many events come, until stopped', async () => {
    document.body.innerHTML = '<div id="scroller"></div>';
    const move = vi.fn();
    const stop = followMoves(document, move);
    // A nested scroller's scroll does not bubble: only a capturing listener hears it.
    document.getElementById('scroller')!.dispatchEvent(new Event('scroll'));
    await frame();
    await frame();
    expect(move).toHaveBeenCalledTimes(1);

    document.dispatchEvent(new Event('scroll'));
    document.dispatchEvent(new Event('scroll'));
    window.dispatchEvent(new Event('resize'));
    expect(move).toHaveBeenCalledTimes(1);
    await frame();
    await frame();
    expect(move).toHaveBeenCalledTimes(2);

    stop();
    document.dispatchEvent(new Event('scroll'));
    await frame();
    await frame();
    expect(move).toHaveBeenCalledTimes(2);
  });
});
