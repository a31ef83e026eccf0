import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/background/db/open';
import { createServices } from '../../src/background/services';
import { FIXTURE } from '../../src/background/cards/cards.fixture';
import { dispatch, type Handlers } from '../../src/background/router';
import { createHandlers } from '../../src/background/handlers';
import { libraryHandlers } from '../../src/background/handlers/library';
import type { CallResult } from '../../src/shared/protocol';
import { receiveLibraryExport, sendImportText } from '../../src/options/file-transfer';

/** The background the options page talks to in these tests: its library export in pieces of `PIECE` characters. */
const PIECE = 200;
let handlers: Handlers;
const sent: string[] = [];
vi.mock('../../src/shared/messaging', () => ({
  callBackground: (call: string, params: unknown) => {
    sent.push(call);
    return dispatch({ backstory: 1, call, params }, { kind: 'extension' }, handlers);
  },
}));

const article = {
  url: 'https://news.example/a',
  title: 'Karim in Moscow',
  site: 'The Moscow Times',
  published: '2026-01-28',
  paragraphs: [
    'Omar Karim returned to Moscow on Wednesday for talks on the future of the bases, his second visit this year.',
    'Officials said the talks with Ivan Volkov covered grain, debts and the airfield’s status, which both sides want settled before spring.',
    'Neither side published a statement after the meeting, and the ministry declined to comment on the timetable.',
    // Characters outside the BMP, two code units each: a piece must not end between the two.
    `Readers answered with ${'🇷🇺🇹🇷'.repeat(60)} and little else.`,
  ],
};

async function setUp(): Promise<void> {
  const s = await createServices(
    { bundledHash: FIXTURE.hash, loadBundle: async () => FIXTURE, broadcastSettings: async () => undefined, setBadge: async () => undefined, extractArticle: async () => article },
    await openDatabase(`file-transfer-${Math.random()}`),
  );
  let n = 0;
  handlers = { ...createHandlers(s), ...libraryHandlers(s, Date.now, () => `export-${++n}`, PIECE) } as Handlers;
  sent.length = 0;
}

function value<T>(result: CallResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('file transfer between the options page and the background', () => {
  it('receives the library export in pieces and sends it back in pieces: the same library', async () => {
    await setUp();
    expect(await dispatch({ backstory: 1, call: 'library.add', params: { tabId: 1 } }, { kind: 'extension' }, handlers)).toMatchObject({ ok: true });
    const before = value(await dispatch({ backstory: 1, call: 'library.list', params: {} }, { kind: 'extension' }, handlers) as CallResult<unknown>);

    const exported = value(await receiveLibraryExport());
    expect(exported.pieces.length).toBeGreaterThan(2);
    expect(exported.pieces.every((piece) => piece.length <= PIECE)).toBe(true);
    expect(exported).toMatchObject({ count: 1, entries: 0 });
    const file = exported.pieces.join('');
    // Each piece is well-formed text: the download, which encodes each piece on its own, is the file.
    expect(exported.pieces.some((piece) => /[\u{1F1E6}-\u{1F1FF}]$/u.test(piece))).toBe(true);
    expect(await new Blob(exported.pieces).text()).toBe(file);
    expect(JSON.parse(file)).toMatchObject({ format: 'backstory-library', articles: [{ title: 'Karim in Moscow' }] });

    await dispatch({ backstory: 1, call: 'library.remove', params: { ids: [(before as { id: string }[])[0]!.id] } }, { kind: 'extension' }, handlers);
    sent.length = 0;
    const source = value(await sendImportText(file, PIECE));
    expect(source).toEqual({ upload: expect.any(String) });
    expect(sent).toEqual(Array(Math.ceil(file.length / PIECE)).fill('upload.piece'));
    expect(value(await dispatch({ backstory: 1, call: 'library.import', params: source }, { kind: 'extension' }, handlers) as CallResult<unknown>)).toEqual({ imported: 1, entries: 0 });
    expect(value(await dispatch({ backstory: 1, call: 'library.list', params: {} }, { kind: 'extension' }, handlers) as CallResult<unknown>)).toEqual(before);
    // The upload was taken: importing it again finds nothing, and says so.
    expect(await dispatch({ backstory: 1, call: 'library.import', params: source }, { kind: 'extension' }, handlers)).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringContaining('Import it again') } });
  });

  it('sends a short file in the import call itself', async () => {
    await setUp();
    expect(value(await sendImportText('{"short": true}', PIECE))).toEqual({ text: '{"short": true}' });
    expect(sent).toEqual([]);
  });

  it('refuses the next piece of an export the background no longer holds', async () => {
    await setUp();
    expect(await dispatch({ backstory: 1, call: 'library.add', params: { tabId: 1 } }, { kind: 'extension' }, handlers)).toMatchObject({ ok: true });
    const first = value(await dispatch({ backstory: 1, call: 'library.export', params: {} }, { kind: 'extension' }, handlers) as CallResult<{ next: unknown }>);
    // A second export begins before the first is read to its end: the first's cursor is stale.
    value(await dispatch({ backstory: 1, call: 'library.export', params: {} }, { kind: 'extension' }, handlers) as CallResult<unknown>);
    expect(await dispatch({ backstory: 1, call: 'library.export', params: { cursor: first.next } }, { kind: 'extension' }, handlers)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    // Nor a cursor past the end of the export under way, or one of an export read to its end.
    const second = value(await dispatch({ backstory: 1, call: 'library.export', params: {} }, { kind: 'extension' }, handlers) as CallResult<{ next: { export: string; offset: number } }>);
    expect(await dispatch({ backstory: 1, call: 'library.export', params: { cursor: { ...second.next, offset: 10_000_000 } } }, { kind: 'extension' }, handlers)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    let next: { export: string; offset: number } | null = second.next;
    let last = next;
    while (next) {
      last = next;
      next = value(await dispatch({ backstory: 1, call: 'library.export', params: { cursor: next } }, { kind: 'extension' }, handlers) as CallResult<{ next: typeof next }>).next;
    }
    expect(await dispatch({ backstory: 1, call: 'library.export', params: { cursor: last } }, { kind: 'extension' }, handlers)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
