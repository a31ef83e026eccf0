import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './open';
import { SettingsStore } from './settings-store';
import { DEFAULT_SETTINGS } from '../../shared/settings';

describe('SettingsStore', () => {
  it('starts from defaults and merges patches, type by type', async () => {
    const store = new SettingsStore(await openDatabase(`settings-${Math.random()}`));
    expect(await store.get()).toEqual(DEFAULT_SETTINGS);
    await store.update({ types: { place: false } });
    const next = await store.update({ hoverDelayMs: 250 });
    expect(next.types).toEqual({ ...DEFAULT_SETTINGS.types, place: false });
    expect(next.hoverDelayMs).toBe(250);
  });
});
