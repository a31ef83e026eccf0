import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_CHARS } from '../shared/import-limits';
import { Uploads } from './uploads';

describe('Uploads', () => {
  it('gives an import the whole text of an upload sent in order, then lets it go', () => {
    const uploads = new Uploads();
    uploads.add('u', 0, 3, 'ab');
    uploads.add('u', 1, 3, 'cd’');
    expect(() => uploads.take('u')).toThrow(expect.objectContaining({ code: 'unavailable' }));
    uploads.add('u', 2, 3, 'e');
    expect(uploads.textOf({ upload: 'u' })).toBe('abcd’e');
    expect(() => uploads.take('u')).toThrow(expect.objectContaining({ code: 'unavailable' }));
    expect(uploads.textOf({ text: 'in the call' })).toBe('in the call');
  });

  it('refuses a piece out of order, or of an upload it does not hold, and keeps nothing of it', () => {
    const uploads = new Uploads();
    expect(() => uploads.add('never-begun', 1, 2, 'b')).toThrow(expect.objectContaining({ code: 'unavailable' }));
    uploads.add('u', 0, 3, 'a');
    expect(() => uploads.add('u', 2, 3, 'c')).toThrow(expect.objectContaining({ code: 'invalid-message' }));
    expect(() => uploads.add('u', 1, 3, 'b')).toThrow(expect.objectContaining({ code: 'unavailable' }));
    uploads.add('v', 0, 2, 'a');
    expect(() => uploads.add('v', 1, 3, 'b')).toThrow(expect.objectContaining({ code: 'invalid-message' }));
    // Beginning again starts over.
    uploads.add('w', 0, 2, 'x');
    uploads.add('w', 0, 2, 'a');
    uploads.add('w', 1, 2, 'b');
    expect(uploads.take('w')).toBe('ab');
  });

  it('refuses a file over the import limit, with the import\'s message, and lets it go', () => {
    const uploads = new Uploads();
    const piece = 'x'.repeat(Math.ceil(MAX_IMPORT_CHARS / 2));
    uploads.add('u', 0, 3, piece);
    uploads.add('u', 1, 3, piece);
    expect(() => uploads.add('u', 2, 3, 'y')).toThrow(expect.objectContaining({ code: 'invalid-import', message: expect.stringContaining('too large') }));
    expect(() => uploads.add('u', 2, 3, 'y')).toThrow(expect.objectContaining({ code: 'unavailable' }));
  });

  it('holds two uploads at once and lets the oldest go for a third', () => {
    const uploads = new Uploads();
    for (const id of ['a', 'b', 'c']) uploads.add(id, 0, 2, id);
    expect(() => uploads.add('a', 1, 2, '!')).toThrow(expect.objectContaining({ code: 'unavailable' }));
    uploads.add('b', 1, 2, '!');
    uploads.add('c', 1, 2, '!');
    expect([uploads.take('b'), uploads.take('c')]).toEqual(['b!', 'c!']);
  });
});
