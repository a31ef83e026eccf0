/**
 * Issue 8: the driver's own capabilities behave the same in both browsers, so
 * that the ported tests can rely on them: form controls (fill, select, check,
 * focus), element reads, boxes and the mouse, the viewport, init scripts on
 * every web page, scripts run in a page past its CSP, navigation, and tab calls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launchDriver, type ExtensionDriver } from '../driver';

const FORM = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Driver form</title></head>
<body style="margin:0">
<div id="box" style="position:absolute;left:100px;top:50px;width:200px;height:40px">Box</div>
<form style="margin-top:120px">
<input id="text" value="old"><textarea id="area">old text</textarea>
<select id="pick"><option value="a">A</option><option value="b">B</option></select>
<input id="tick" type="checkbox" checked>
<p class="item">one</p><p class="item">two</p><p id="hidden" hidden>gone</p>
</form>
<div id="host"></div>
<script>
  window.__events = [];
  for (const id of ['text', 'area', 'pick', 'tick']) {
    const el = document.getElementById(id);
    el.addEventListener('input', (e) => window.__events.push(id + ':input:' + e.isTrusted));
    el.addEventListener('change', () => window.__events.push(id + ':change'));
  }
  document.getElementById('box').addEventListener('mousemove', () => (window.__moved = (window.__moved || 0) + 1));
  const root = document.getElementById('host').attachShadow({ mode: 'open' });
  root.innerHTML = '<label class="inner" data-x="shadow">inside</label><textarea class="note"></textarea>';
</script>
</body></html>`;

/** A page the content script marks (one name). */
const NEWS = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Driver news</title></head>
<body><main><p>Vladimir Putin met officials in Moscow. Putin spoke.</p></main></body></html>`;

describe.each(BROWSERS)('the driver, in %s', (browserName) => {
  let driver: ExtensionDriver;

  beforeAll(async () => {
    driver = await launchDriver(browserName);
    driver.server.route('/driver/form.html', FORM);
    driver.server.route('/driver/news.html', NEWS);
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('fills, selects, checks and focuses form controls, with input events', async () => {
    const page = await driver.open(driver.server.url('/driver/form.html'));
    await page.fill('#text', 'new value');
    expect(await page.inputValue('#text')).toBe('new value');
    await page.fill('#area', 'line one\nline two');
    expect(await page.inputValue('#area')).toBe('line one\nline two');
    await page.fill('#text', '');
    expect(await page.inputValue('#text')).toBe('');
    await page.fill('#host >>> .note', 'in the shadow');
    expect(await page.inputValue('#host >>> .note')).toBe('in the shadow');
    await page.selectOption('#pick', 'b');
    expect(await page.inputValue('#pick')).toBe('b');
    expect(await page.isChecked('#tick')).toBe(true);
    await page.check('#tick', false);
    expect(await page.isChecked('#tick')).toBe(false);
    await page.check('#tick', false);
    expect(await page.isChecked('#tick')).toBe(false);
    await page.check('#tick', true);
    expect(await page.isChecked('#tick')).toBe(true);
    const events = await page.evaluate(() => (window as unknown as { __events: string[] }).__events);
    expect(events).toContain('text:input:true');
    expect(events).toContain('area:input:true');
    expect(events).toContain('pick:change');
    expect(events.filter((e) => e === 'tick:change')).toHaveLength(2);
    await page.focus('#area');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('area');
    await expect(page.selectOption('#pick', 'nope')).rejects.toThrow();
    await page.close();
  });

  it('reads elements, boxes, and moves the mouse', async () => {
    const page = await driver.open(driver.server.url('/driver/form.html'));
    expect(await page.title()).toBe('Driver form');
    expect(await page.getAttribute('#host >>> .inner', 'data-x')).toBe('shadow');
    expect(await page.getAttribute('#box', 'data-none')).toBeNull();
    expect(await page.textContent('#host >>> .inner')).toBe('inside');
    expect(await page.textContents('.item')).toEqual(['one', 'two']);
    expect(await page.textContents('.none')).toEqual([]);
    expect(await page.isVisible('#box')).toBe(true);
    expect(await page.isVisible('#hidden')).toBe(false);
    expect(await page.isVisible('.none')).toBe(false);
    expect(await page.boundingBox('.none')).toBeNull();
    const box = (await page.boundingBox('#box'))!;
    expect(box).toEqual({ x: 100, y: 50, width: 200, height: 40 });
    expect(await page.evaluateOn('#box', (el, suffix) => el.id + suffix, '!')).toBe('box!');
    expect(await page.evaluateAll('.item', (els) => els.map((e) => e.textContent))).toEqual(['one', 'two']);
    await page.mouseMove(5, 5);
    await page.mouseMove(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    expect(await page.evaluate(() => (window as unknown as { __moved?: number }).__moved ?? 0)).toBeGreaterThan(0);
    await page.waitForSelector('#hidden', { state: 'hidden' });
    await page.waitForSelector('.none', { state: 'detached' });
    await page.evaluate(() => document.getElementById('box')!.remove());
    await page.waitForSelector('#box', { state: 'detached' });
    await page.setViewport(400, 300);
    expect(await page.evaluate(() => [innerWidth, innerHeight])).toEqual([400, 300]);
    await page.close();
  });

  it('runs init scripts on every later web page, and scripts past an extension page CSP', async () => {
    await driver.addInitScript(() => {
      (window as unknown as { __init?: string }).__init = document.readyState;
    });
    const page = await driver.open(driver.server.url('/driver/form.html'));
    expect(await page.evaluate(() => (window as unknown as { __init?: string }).__init)).toBe('loading');
    await page.reload();
    expect(await page.evaluate(() => (window as unknown as { __init?: string }).__init)).toBe('loading');
    const options = await driver.openExtensionPage('options.html');
    await options.addScript('var driverGlobal = 40 + 2; window.driverWindow = "set";');
    expect(await options.evaluate(() => [(globalThis as unknown as { driverGlobal: number }).driverGlobal, (window as unknown as { driverWindow: string }).driverWindow])).toEqual([42, 'set']);
    await expect(options.addScript('throw new Error("boom")')).rejects.toThrow(/boom/);
    await options.close();
    await page.close();
  });

  it('reloads and navigates web and extension pages', async () => {
    const page = await driver.open(driver.server.url('/driver/form.html'));
    await page.evaluate(() => ((window as unknown as { __same?: boolean }).__same = true));
    await page.reload();
    expect(await page.evaluate(() => (window as unknown as { __same?: boolean }).__same ?? false)).toBe(false);
    await page.goto(driver.server.url('/driver/news.html'));
    expect(await page.title()).toBe('Driver news');
    await page.goto(`${driver.extensionOrigin}options.html`);
    expect(await page.url()).toBe(`${driver.extensionOrigin}options.html`);
    await page.reload();
    expect(await page.url()).toBe(`${driver.extensionOrigin}options.html`);
    await page.close();
  });

  it('sends tab calls to a page’s content script', async () => {
    const page = await driver.open(driver.server.url('/driver/news.html'));
    await page.waitForSelector('bs-mark', { state: 'attached' });
    const reply = await driver.callTab(page, 'tab.state', {});
    expect(reply).toMatchObject({ ok: true, value: { active: true } });
    if (reply.ok) expect(reply.value.counts['vladimir-putin']).toBeGreaterThan(0);
    await page.close();
  });

  it('raised no page errors', () => {
    expect(driver.pageErrors).toEqual([]);
  });
});
