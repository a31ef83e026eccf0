import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../router';
import type { Sender } from '../sender';
import { createServices } from '../services';
import { openDatabase } from '../db/open';
import { highlightHandlers } from './highlights';
import type { CallResult, CallName, ExportCursor, ParamsOf, ResultOf } from '../../shared/protocol';
import { sampleHighlights } from '../highlights-io/sample-highlights';
import { parseImport } from '../highlights-io';
import type { NewHighlight } from '../../shared/highlight';
import { describeRange } from '../../shared/anchoring';

const pageA: Sender = { kind: 'content', page: 'https://news.example/a', site: 'news.example', tabId: 1 };
const pageB: Sender = { kind: 'content', page: 'https://other.example/b', site: 'other.example', tabId: 2 };
const manager: Sender = { kind: 'extension' };

async function setUp(pieces?: { pieceChars: number; readStep: number }) {
  const services = await createServices(
    { bundledHash: 'none', loadBundle: () => Promise.reject(new Error('no corpus in this test')), broadcastSettings: async () => undefined, setBadge: async () => undefined },
    await openDatabase(`handlers-${Math.random()}`),
  );
  let n = 0;
  const handlers = highlightHandlers(services, () => `id-${++n}`, () => 1_000 + n, pieces) as unknown as Handlers;
  async function call<K extends CallName>(name: K, params: ParamsOf<K>, sender: Sender): Promise<CallResult<ResultOf<K>>> {
    return (await dispatch({ backstory: 1, call: name, params }, sender, handlers)) as CallResult<ResultOf<K>>;
  }
  return { services, call };
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
    expect(value(await call('highlights.import', { text: file.text }, manager))).toEqual({ added: 0, updated: 0, skipped: 2, skippedBy: [{ reason: 'already saved', count: 2 }] });
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

  it('finds highlights by entity for cards and the manager', async () => {
    const { call } = await setUp();
    value(await call('highlights.create', passage('Damascus fell'), pageA));
    expect(value(await call('highlights.forEntry', { entryId: 'russia' }, pageB))).toHaveLength(1);
    expect(value(await call('highlights.forEntry', { entryId: 'iran' }, manager))).toHaveLength(0);
  });
});
