import { describe, expect, it } from 'vitest';
import { storageProtection } from './storage-protection';

describe('storageProtection', () => {
  it('reads each browser’s answers: persisted wins; Chromium keeps unlimited storage; otherwise the browser may evict', () => {
    expect(storageProtection({ persisted: true, unlimitedStorage: true, browser: 'firefox' })).toBe('persistent');
    expect(storageProtection({ persisted: true, unlimitedStorage: false, browser: 'chrome' })).toBe('persistent');
    // Chromium: persisted() is false for an extension, yet unlimited storage is never evicted.
    expect(storageProtection({ persisted: false, unlimitedStorage: true, browser: 'chrome' })).toBe('unlimited');
    expect(storageProtection({ persisted: false, unlimitedStorage: false, browser: 'chrome' })).toBe('best-effort');
    // Firefox evicts best-effort storage whatever the quota.
    expect(storageProtection({ persisted: false, unlimitedStorage: true, browser: 'firefox' })).toBe('best-effort');
  });
});
