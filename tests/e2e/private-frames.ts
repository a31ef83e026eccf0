/**
 * URLs of the private frames a page can hold at once. A page may show the
 * saved highlight's note frame and a card's frame side by side (the pointer
 * that clicks a highlight can rest on a name inside it), so a test names the
 * frame it means by what it shows, never by the extension's origin alone.
 */
import { expect } from 'vitest';
import { PRIVATE_FRAME_PAGE, privateFrameHash } from '../../src/shared/private-frame';
import type { ExtensionDriver } from './driver';

/** The URL prefix of the frame that edits highlight `id`'s note, or any highlight's note frame without `id`. */
export function noteFrame(driver: ExtensionDriver, id?: string): string {
  return `${driver.extensionOrigin}${PRIVATE_FRAME_PAGE}#${id === undefined ? 'note=' : privateFrameHash({ kind: 'note', id, dark: false })}`;
}

/** The URL prefix of a card's frame that lists the reader's highlights about entry `id` (either theme). */
export function entryFrame(driver: ExtensionDriver, id: string): string {
  return `${driver.extensionOrigin}${PRIVATE_FRAME_PAGE}#${privateFrameHash({ kind: 'entry', id, dark: false })}`;
}

/**
 * Checks the address a page-side frame of ours was given (its `src`, which
 * the page could read if it reached our shadow root): `path` at the
 * extension's origin in Firefox, drawn for each install; in Chromium at an
 * origin drawn for each session (`use_dynamic_url`), never at the published
 * id's, which any page can know.
 */
export function expectFrameSource(src: string | null, driver: ExtensionDriver, path: string): void {
  if (driver.browser === 'chromium') {
    expect(src).toMatch(/^chrome-extension:\/\/[0-9a-f-]{36}\//);
    expect(src!.startsWith(driver.extensionOrigin)).toBe(false);
    expect(src!.replace(/^chrome-extension:\/\/[^/]+\//, '')).toBe(path);
  } else expect(src).toBe(`${driver.extensionOrigin}${path}`);
}
