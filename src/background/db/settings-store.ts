import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../../shared/settings';
import type { Database } from './open';

/** The reader's settings: defaults merged with what was stored. */
export class SettingsStore {
  constructor(private readonly db: Database) {}

  /** Current settings; a missing or partial record falls back to defaults field by field. */
  async get(): Promise<Settings> {
    const stored = (await this.db.get('settings', 'settings'))?.value ?? {};
    return { ...DEFAULT_SETTINGS, ...stored, types: { ...DEFAULT_SETTINGS.types, ...stored.types } };
  }

  /** Merges `patch` into the stored settings and returns the result. */
  async update(patch: SettingsPatch): Promise<Settings> {
    const tx = this.db.transaction('settings', 'readwrite');
    const stored = (await tx.store.get('settings'))?.value ?? {};
    const next: Partial<Settings> = { ...stored, ...patch, types: { ...DEFAULT_SETTINGS.types, ...stored.types, ...patch.types } };
    await tx.store.put({ key: 'settings', value: next });
    await tx.done;
    return this.get();
  }
}
