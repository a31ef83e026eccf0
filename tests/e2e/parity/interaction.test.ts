/**
 * Issue 8: the driver's page interactions behave the same in both browsers —
 * hovering a name opens its card (an open shadow root, reached with ` >>> `),
 * clicking, typing and key chords work in the popup, and screenshots are PNGs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launchDriver, type ExtensionDriver } from '../driver';

const CARD = 'backstory-card-host >>> .bs-popover';

/** A page with one marked name; the meta opens the card's shadow root (development builds only). */
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Parity card</title><meta name="backstory-test-open-shadow"></head>
<body><main><h1>Syria news</h1>
<p>Former president <bs-mark data-entry-id="bashar-al-assad" data-entry-type="person" data-group="person" class="bs-mark bs-mark--person">Bashar al-Assad</bs-mark> fled to Moscow in December 2024.</p>
<p>Recep Tayyip Erdoğan met Vladimir Putin.</p>
</main></body></html>`;

describe.each(BROWSERS)('page interactions, in %s', (browserName) => {
  let driver: ExtensionDriver;

  beforeAll(async () => {
    driver = await launchDriver(browserName);
    driver.server.route('/parity/card.html', PAGE);
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('hovering a name opens its card', async () => {
    const page = await driver.open(driver.server.url('/parity/card.html'));
    // The card controller is ready once the content app has started.
    await page.waitForFunction(() => document.querySelector('backstory-card-host') !== null || document.querySelectorAll('bs-mark').length > 1, undefined);
    await page.hover('h1');
    await page.hover('bs-mark[data-entry-id="bashar-al-assad"]');
    await page.waitForSelector(`${CARD} .bs-card[data-entry-id="bashar-al-assad"]`);
    expect(await page.count(`${CARD} .bs-card`)).toBe(1);
    const png = await page.screenshot();
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    await page.close();
  });

  it('clicks, types and presses chords in the popup', async () => {
    const page = await driver.open(driver.server.url('/parity/card.html'));
    const popup = await driver.openPopupFor(page);
    await popup.click('#popup-q');
    await popup.type('Erdoga');
    await popup.waitForSelector('[data-testid=popup-results] .hit[data-kind=entry][data-entry-id=recep-tayyip-erdogan]');
    await popup.press('Shift+Home');
    await popup.press('Backspace');
    expect(await popup.evaluate(() => (document.getElementById('popup-q') as HTMLInputElement).value)).toBe('');
    expect(await popup.url()).toMatch(new RegExp(`^${driver.extensionOrigin}popup\\.html\\?tabId=\\d+$`));
    await popup.close();
    await page.close();
  });

  it('raised no page errors', () => {
    expect(driver.pageErrors).toEqual([]);
  });
});
