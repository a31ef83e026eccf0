import { describe, expect, it } from 'vitest';
import { parsePrivateFrameHash, privateFrameHash } from './private-frame';

describe('private frame fragment', () => {
  it('round-trips every request, ids with any character included', () => {
    for (const request of [
      { kind: 'entry', id: 'bashar-al-assad', dark: false },
      { kind: 'note', id: 'h/1 &x=#y', dark: true },
      { kind: 'note', id: 'h2', dark: false, focus: true },
    ] as const) {
      expect(parsePrivateFrameHash(`#${privateFrameHash(request)}`)).toEqual(request);
    }
    expect(parsePrivateFrameHash('#other=1')).toBeUndefined();
  });
});
