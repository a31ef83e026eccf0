import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../router';
import type { Sender } from '../sender';
import { createServices } from '../services';
import { openDatabase } from '../db/open';
import { settingsHandlers } from './settings';
import type { CallName, ParamsOf } from '../../shared/protocol';
import { MAX_CORRECTIONS_PER_SITE, MAX_DISABLED_SITES } from '../../shared/settings';

const page: Sender = { kind: 'content', page: 'https://news.example/a', site: 'news.example', tabId: 1 };
const options: Sender = { kind: 'extension' };

async function setUp() {
  const db = await openDatabase(`settings-${Math.random()}`);
  const services = await createServices(
    { bundledHash: 'none', loadBundle: () => Promise.reject(new Error('no corpus in this test')), broadcastSettings: async () => undefined, setBadge: async () => undefined },
    db,
  );
  const handlers = settingsHandlers(services) as unknown as Handlers;
  const call = <K extends CallName>(name: K, params: ParamsOf<K>, sender: Sender) => dispatch({ backstory: 1, call: name, params }, sender, handlers);
  return { services, db, call };
}

describe('settings and corrections writes are bounded', () => {
  it('refuses a correction past the most one site may hold, and writes nothing', async () => {
    const { db, call } = await setUp();
    const full = Array.from({ length: MAX_CORRECTIONS_PER_SITE }, (_, i) => `entry-${i}`);
    await db.put('corrections', { site: 'news.example', excluded: full });
    expect(await call('corrections.add', { entryId: 'one-more' }, page)).toMatchObject({ ok: false, error: { code: 'invalid-message', message: expect.stringMatching(/10,000 corrections/) } });
    // One already there is no new record.
    expect(await call('corrections.add', { entryId: 'entry-7' }, page)).toMatchObject({ ok: true });
    expect((await db.get('corrections', 'news.example'))?.excluded).toEqual(full);
  });

  it('refuses turning highlighting off on one site more than the most it keeps', async () => {
    const { services, call } = await setUp();
    const sites = Array.from({ length: MAX_DISABLED_SITES }, (_, i) => `site${i}.example`);
    await services.settings.update({ disabledSites: sites });
    expect(await call('settings.toggleSite', { site: 'one-more.example', enabled: false }, options)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(await call('settings.toggleSite', { site: 'site3.example', enabled: true }, options)).toMatchObject({ ok: true });
    expect((await services.settings.get()).disabledSites).toHaveLength(MAX_DISABLED_SITES - 1);
    // Nor may one patch carry more.
    expect(await call('settings.update', { patch: { disabledSites: [...sites, 'x.example'] } }, options)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
  });

  it('refuses a page report counting more entries than marks could exist', async () => {
    const { call } = await setUp();
    const counts = Object.fromEntries(Array.from({ length: 100_001 }, (_, i) => [`e${i}`, 1]));
    expect(await call('page.report', { title: 't', counts, marks: 1, capped: false }, page)).toMatchObject({ ok: false, error: { code: 'invalid-message', message: expect.stringMatching(/more than 100,000 entries/) } });
  });
});
