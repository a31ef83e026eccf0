import { describe, expect, it } from 'vitest';
import { memoUntilRejected } from './memo-until-rejected';

describe('memoUntilRejected', () => {
  it('starts once while the first attempt is pending or has succeeded', async () => {
    let starts = 0;
    const get = memoUntilRejected(async () => ++starts);
    const [a, b] = await Promise.all([get(), get()]);
    expect([a, b, await get()]).toEqual([1, 1, 1]);
    expect(starts).toBe(1);
  });

  it('starts again after a rejection instead of repeating it', async () => {
    let starts = 0;
    const get = memoUntilRejected(async () => {
      starts += 1;
      if (starts === 1) throw new Error('first start failed');
      return starts;
    });
    await expect(get()).rejects.toThrow('first start failed');
    await expect(get()).resolves.toBe(2);
    await expect(get()).resolves.toBe(2);
  });
});
