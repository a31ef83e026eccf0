import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../router';
import type { Sender } from '../sender';
import { createServices } from '../services';
import { openDatabase } from '../db/open';
import { highlightHandlers } from './highlights';
import { uploadHandlers } from './uploads';
import { HIGHLIGHTS_FOR_ENTRY, type CallResult, type CallName, type ExportCursor, type ParamsOf, type ResultOf } from '../../shared/protocol';
import { sampleHighlights } from '../highlights-io/sample-highlights';
import { parseImport } from '../highlights-io';
import type { NewHighlight } from '../../shared/highlight';
import { describeRange } from '../../shared/anchoring';

const pageA: Sender = { kind: 'content', page: 'https://news.example/a', site: 'news.example', tabId: 1 };
const pageB: Sender = { kind: 'content', page: 'https://other.example/b', site: 'other.example', tabId: 2 };
const manager: Sender = { kind: 'extension' };

async function setUp(pieces?: { pieceChars: number; readStep: number }) {
  const db = await openDatabase(`handlers-${Math.random()}`);
  const services = await createServices(
    { bundledHash: 'none', loadBundle: () => Promise.reject(new Error('no corpus in this test')), broadcastSettings: async () => undefined, setBadge: async () => undefined },
    db,
  );
  let n = 0;
  const handlers = { ...highlightHandlers(services, () => `id-${++n}`, () => 1_000 + n, pieces), ...uploadHandlers(services) } as unknown as Handlers;
  async function call<K extends CallName>(name: K, params: ParamsOf<K>, sender: Sender): Promise<CallResult<ResultOf<K>>> {
    return (await dispatch({ backstory: 1, call: name, params }, sender, handlers)) as CallResult<ResultOf<K>>;
  }
  return { services, db, call };
}

function passage(quote: string, note = ''): NewHighlight {
  const text = `Some context before. ${quote} Some context after.`;
  const start = text.indexOf(quote);
  return { title: 'A story', quote, selectors: describeRange(text, start, start + quote.length), colour: 'yellow', note, entityIds: ['russia', 'russia'] };
}

function value<T>(result: CallResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('highlights handlers', () => {
  it('saves on the sender’s page (never a URL from the message) and lists that page only', async () => {
    const { call } = await setUp();
    const saved = value(await call('highlights.create', passage('Damascus fell'), pageA));
    expect(saved).toMatchObject({ id: 'id-1', url: pageA.page, site: 'news.example', entityIds: ['russia'] });
    value(await call('highlights.create', passage('Ankara reopened'), pageB));
    expect(value(await call('highlights.forPage', {}, pageA)).map((h) => h.quote)).toEqual(['Damascus fell']);
    // A URL smuggled into the params is refused by the schema.
    const smuggled = await call('highlights.create', { ...passage('x'), url: pageB.page } as never, pageA);
    expect(smuggled).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
  });

  it('lets a page update, delete and restore only its own highlights', async () => {
    const { call, services } = await setUp();
    const mine = value(await call('highlights.create', passage('Damascus fell'), pageA));
    const theirs = value(await call('highlights.create', passage('Ankara reopened'), pageB));

    expect(await call('highlights.update', { id: theirs.id, patch: { note: 'hijack' } }, pageA)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('highlights.delete', { ids: [mine.id, theirs.id] }, pageA)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await services.highlights.count()).toBe(2);
    expect(await call('highlights.restore', { highlights: [{ ...theirs, note: 'overwritten' }] }, pageA)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Nor by taking another page's id under its own URL.
    expect(await call('highlights.restore', { highlights: [{ ...theirs, url: pageA.page!, note: 'moved' }] }, pageA)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await services.highlights.get(theirs.id))?.note).toBe('');

    expect(value(await call('highlights.update', { id: mine.id, patch: { colour: 'green', note: 'mine' } }, pageA))).toMatchObject({ colour: 'green', note: 'mine' });
    const deleted = value(await call('highlights.delete', { ids: [mine.id] }, pageA));
    expect(deleted.map((h) => h.id)).toEqual([mine.id]);
    value(await call('highlights.restore', { highlights: deleted }, pageA));
    expect((await services.highlights.get(mine.id))?.note).toBe('mine');
  });

  it('lets the manager act on any page, and refuses manager-only calls from pages', async () => {
    const { call } = await setUp();
    const theirs = value(await call('highlights.create', passage('Ankara reopened'), pageB));
    expect(value(await call('highlights.update', { id: theirs.id, patch: { note: 'ok' } }, manager)).note).toBe('ok');
    expect(await call('highlights.list', {}, pageA)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('highlights.export', { format: 'json' }, pageA)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('highlights.clear', {}, pageA)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('highlights.forPage', {}, manager)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('highlights.update', { id: 'gone', patch: { note: 'x' } }, manager)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('exports, clears and imports back identically; a bad import changes nothing', async () => {
    const { call } = await setUp();
    value(await call('highlights.create', passage('Damascus fell', '<script>alert(1)</script>'), pageA));
    value(await call('highlights.create', passage('Ankara reopened'), pageB));
    const before = value(await call('highlights.list', { sort: 'oldest' }, manager));
    const file = value(await call('highlights.export', { format: 'json' }, manager));
    expect(file).toMatchObject({ mime: 'application/json', filename: expect.stringMatching(/^backstory-highlights-\d{4}-\d\d-\d\d\.json$/) });

    const broken = JSON.parse(file.text);
    broken.highlights[1].selectors[0].exact = 7;
    expect(await call('highlights.import', { text: JSON.stringify(broken) }, manager)).toEqual({
      ok: false,
      error: { code: 'invalid-import', message: 'highlights[1].selectors[0].exact: expected a string' },
    });
    expect(value(await call('highlights.list', { sort: 'oldest' }, manager))).toEqual(before);

    expect(value(await call('highlights.clear', {}, manager))).toEqual({ deleted: 2 });
    expect(file.next).toBeNull();
    expect(value(await call('highlights.import', { text: file.text }, manager))).toEqual({ added: 2, updated: 0, skipped: 0, skippedBy: [] });
    // The same file sent in pieces first, as the options page sends a file longer than one message.
    const half = Math.floor(file.text.length / 2);
    expect(value(await call('upload.piece', { upload: 'u1', index: 0, count: 2, text: file.text.slice(0, half) }, manager))).toBeNull();
    expect(value(await call('upload.piece', { upload: 'u1', index: 1, count: 2, text: file.text.slice(half) }, manager))).toBeNull();
    expect(value(await call('highlights.import', { upload: 'u1' }, manager))).toEqual({ added: 0, updated: 0, skipped: 2, skippedBy: [{ reason: 'duplicate', count: 2 }] });
    // Pieces are our pages' only: a web page's content script may not send them.
    expect(await call('upload.piece', { upload: 'u2', index: 0, count: 1, text: file.text }, pageA)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(value(await call('highlights.list', { sort: 'oldest' }, manager))).toEqual(before);
  });

  it('exports in pieces that join into the same file, each page whole, for every format', async () => {
    const { services, call } = await setUp({ pieceChars: 3_000, readStep: 4 });
    const whole = await setUp();
    const all = sampleHighlights(90, 13);
    await services.highlights.importMany(all);
    await whole.services.highlights.importMany(all);
    for (const format of ['json', 'jsonld', 'markdown'] as const) {
      const pieces: string[] = [];
      let cursor: ExportCursor | undefined;
      for (;;) {
        const piece = value(await call('highlights.export', cursor ? { format, cursor } : { format }, manager));
        pieces.push(piece.text);
        if (!piece.next) break;
        cursor = piece.next;
      }
      expect(pieces.length).toBeGreaterThan(3);
      const one = value(await whole.call('highlights.export', { format }, manager));
      expect(one.next).toBeNull();
      // The same text but for the export's date, taken when each export began.
      const undated = (text: string) => text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, 'DATE');
      expect(undated(pieces.join(''))).toBe(undated(one.text));
    }
    const parsed = parseImport(value(await whole.call('highlights.export', { format: 'json' }, manager)).text);
    expect(parsed.ok && [...parsed.highlights].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(all);
  });

  it('finds highlights by entity and by id for our pages (the private frame), never for a content script', async () => {
    const { call } = await setUp();
    const created = value(await call('highlights.create', passage('Damascus fell'), pageA));
    expect(value(await call('highlights.forEntry', { entryId: 'russia' }, manager))).toEqual({ items: [created], total: 1 });
    expect(value(await call('highlights.forEntry', { entryId: 'iran' }, manager))).toEqual({ items: [], total: 0 });
    expect(value(await call('highlights.get', { id: created.id }, manager))).toEqual(created);
    expect(await call('highlights.get', { id: 'gone' }, manager)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // A page, even the highlight's own, gets neither: what a content script holds, a page may learn.
    for (const sender of [pageA, pageB]) {
      expect(await call('highlights.forEntry', { entryId: 'russia' }, sender)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await call('highlights.get', { id: created.id }, sender)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('answers the newest highlights of an entry, capped, with how many there are', async () => {
    const { call } = await setUp();
    const count = HIGHLIGHTS_FOR_ENTRY + 7;
    for (let i = 0; i < count; i++) value(await call('highlights.create', passage(`Damascus fell, take ${i}`), pageA));
    // An edit makes an old one the newest: the card lists highlights by their last change.
    const first = value(await call('highlights.forPage', {}, pageA)).find((h) => h.quote === 'Damascus fell, take 0')!;
    value(await call('highlights.update', { id: first.id, patch: { note: 'read again' } }, pageA));
    const answer = value(await call('highlights.forEntry', { entryId: 'russia' }, manager));
    expect(answer.total).toBe(count);
    expect(answer.items).toHaveLength(HIGHLIGHTS_FOR_ENTRY);
    expect(answer.items[0]!.quote).toBe('Damascus fell, take 0');
    expect(answer.items[1]!.quote).toBe(`Damascus fell, take ${count - 1}`);
    const times = answer.items.map((h) => h.updatedAt);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  describe('every write path keeps to the same rules', () => {
    /** JSON-LD with one of our annotations, its id `id` (after our prefix). */
    function annotationFile(id: string, url = pageA.page!): string {
      const quote = 'Damascus fell';
      return JSON.stringify({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'Annotation',
        id: `urn:backstory:highlight:${id}`,
        target: { source: url, selector: [{ type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' }, { type: 'TextPositionSelector', start: 5, end: 5 + quote.length }] },
      });
    }

    it('refuses a page’s restore of a record with impossible dates, a backwards passage, a mismatched quote or too many records, and changes nothing', async () => {
      const { call, services } = await setUp();
      const mine = value(await call('highlights.create', passage('Damascus fell', 'kept'), pageA));
      const attempts: [string, unknown[], RegExp][] = [
        ['createdAt 1e300', [{ ...mine, note: 'planted', createdAt: 1e300 }], /createdAt: expected a whole number/],
        ['updatedAt -5', [{ ...mine, note: 'planted', updatedAt: -5 }], /updatedAt: is before 1970/],
        ['end before start', [{ ...mine, note: 'planted', selectors: [mine.selectors[0], { type: 'TextPositionSelector', start: 40, end: 3 }] }], /selectors\[1\]\.end: is before start/],
        ['quote not its selector', [{ ...mine, note: 'planted', quote: 'Something else entirely' }], /selectors\[0\]\.exact: differs from the quote/],
        ['20,000 records', Array.from({ length: 20_000 }, (_, i) => ({ ...mine, id: `p-${i}` })), /Too many highlights in one call: 20,000, at most 1,000/],
      ];
      for (const [name, highlights, message] of attempts) {
        const result = await call('highlights.restore', { highlights } as never, pageA);
        expect(result, name).toMatchObject({ ok: false, error: { code: 'invalid-message', message: expect.stringMatching(message) } });
      }
      expect(await services.highlights.count()).toBe(1);
      expect(await services.highlights.get(mine.id)).toEqual(mine);
      // The manager is held to the same record rules.
      expect(await call('highlights.restore', { highlights: [{ ...mine, createdAt: 1e300 }] }, manager)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
      expect(await services.highlights.get(mine.id)).toEqual(mine);
    });

    it('refuses a page’s create whose quote is not its selector or whose passage runs backwards', async () => {
      const { call, services } = await setUp();
      const p = passage('Damascus fell');
      expect(await call('highlights.create', { ...p, quote: 'Aleppo fell' }, pageA)).toMatchObject({ ok: false, error: { code: 'invalid-message', message: expect.stringMatching(/differs from the quote/) } });
      expect(await call('highlights.create', { ...p, selectors: [p.selectors[0], { type: 'TextPositionSelector', start: 9, end: 2 }] }, pageA)).toMatchObject({
        ok: false,
        error: { code: 'invalid-message', message: expect.stringMatching(/end: is before start/) },
      });
      expect(await services.highlights.count()).toBe(0);
    });

    it('limits how many ids a page may delete at once, and how long an id may be', async () => {
      const { call, services } = await setUp();
      const mine = value(await call('highlights.create', passage('Damascus fell'), pageA));
      const many = [mine.id, ...Array.from({ length: 1_000 }, (_, i) => `gone-${i}`)];
      expect(await call('highlights.delete', { ids: many }, pageA)).toMatchObject({ ok: false, error: { code: 'invalid-message', message: expect.stringMatching(/at most 1,000/) } });
      expect(await call('highlights.delete', { ids: ['x'.repeat(2_049)] }, manager)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
      expect(await call('highlights.update', { id: 'x'.repeat(2_049), patch: { note: 'x' } }, manager)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
      expect(await services.highlights.count()).toBe(1);
    });

    it('keeps an imported highlight with a long id editable and deletable, by its page and by the manager', async () => {
      const { call, services } = await setUp();
      const longId = 'L'.repeat(2_048);
      expect(value(await call('highlights.import', { text: annotationFile(longId) }, manager))).toEqual({ added: 1, updated: 0, skipped: 0, skippedBy: [] });
      expect(value(await call('highlights.update', { id: longId, patch: { note: 'edited on the page' } }, pageA)).note).toBe('edited on the page');
      const deleted = value(await call('highlights.delete', { ids: [longId] }, pageA));
      value(await call('highlights.restore', { highlights: deleted }, pageA));
      expect(value(await call('highlights.update', { id: longId, patch: { colour: 'green' } }, manager)).colour).toBe('green');
      expect(value(await call('highlights.delete', { ids: [longId] }, manager))).toHaveLength(1);
      expect(await services.highlights.count()).toBe(0);

      // An id no message could address (5,000 characters) is refused with the rule, never stored
      // under another id (an id is kept as given, so a round trip through another tool stays one record).
      expect(await call('highlights.import', { text: annotationFile('L'.repeat(5_000)) }, manager)).toMatchObject({ ok: false, error: { code: 'invalid-import', message: expect.stringMatching(/id: expected an id of 1 to 2,048 characters/) } });
      expect(await services.highlights.count()).toBe(0);
      // Our own format names its ids itself: one over the bound is refused, clearly.
      const ours = JSON.stringify({ format: 'backstory-highlights', version: 1, highlights: [{ ...mine(), id: 'L'.repeat(2_049) }] });
      expect(await call('highlights.import', { text: ours }, manager)).toMatchObject({ ok: false, error: { code: 'invalid-import', message: expect.stringMatching(/id: is longer than 2,048 characters/) } });

      function mine() {
        const p = passage('Damascus fell');
        return { ...p, url: pageA.page, createdAt: 1, updatedAt: 1 };
      }
    });

    it('exports every format even with a stored record whose dates are no dates', async () => {
      const { call, db } = await setUp();
      const good = value(await call('highlights.create', passage('Damascus fell'), pageA));
      // Planted past every check, as a record stored by an older version could be.
      await db.put('highlights', { ...good, id: 'planted', quote: 'Planted passage', selectors: [{ ...good.selectors[0], exact: 'Planted passage' }, good.selectors[1]], createdAt: 1e300, updatedAt: -5 });
      for (const format of ['json', 'jsonld', 'markdown'] as const) {
        const file = value(await call('highlights.export', { format }, manager));
        expect(file.text, format).toContain('Damascus fell');
        expect(file.text, format).toContain('Planted passage');
      }
    });
  });
});
