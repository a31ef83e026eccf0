import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { manifestFor, type Manifest } from './manifest';

const source = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as Manifest;

describe('manifestFor', () => {
  it('gives Chrome a service worker and no gecko settings', () => {
    const chrome = manifestFor(source, 'chrome', '1.2.3');
    expect(chrome.background).toEqual({ service_worker: 'background.js' });
    expect(chrome.browser_specific_settings).toBeUndefined();
    expect(chrome.version).toBe('1.2.3');
  });

  it('gives Firefox an event page script and keeps its id', () => {
    const firefox = manifestFor(source, 'firefox');
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
    expect(firefox.browser_specific_settings).toMatchObject({ gecko: { id: expect.any(String) } });
  });

  it('lets pages reach its web-accessible files in Chrome only at an address drawn each session', () => {
    const chrome = manifestFor(source, 'chrome');
    const firefox = manifestFor(source, 'firefox');
    expect(chrome.web_accessible_resources?.map((entry) => entry.use_dynamic_url)).toEqual([true]);
    expect(firefox.web_accessible_resources?.some((entry) => 'use_dynamic_url' in entry)).toBe(false);
  });

  it('asks for no network and no host permissions beyond the content scripts', () => {
    // activeTab + scripting: the library's extractor runs only in a tab the reader chose to add.
    expect(source.permissions).toEqual(['activeTab', 'contextMenus', 'scripting', 'unlimitedStorage']);
    expect(source.host_permissions).toBeUndefined();
    expect((source.content_security_policy as { extension_pages: string }).extension_pages).toContain("connect-src 'self'");
  });
});
