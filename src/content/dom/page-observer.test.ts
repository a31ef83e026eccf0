// @vitest-environment happy-dom
/**
 * The one page observer shared by the page features: each feature's own DOM
 * writes are no page change for any feature, and the page's changes reach
 * every subscriber under its root.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { describeRange } from '../../shared/anchoring';
import type { Highlight } from '../../shared/highlight';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { EntityHighlighting } from '../highlighter/entity-highlighting';
import { collectText } from '../saved-highlights/draw';
import { SavedHighlights, type BackgroundCaller } from '../saved-highlights/saved-highlights';
import { backgroundMatch } from '../../../tests/unit/background-match';

(globalThis as { __DEV__?: boolean }).__DEV__ = true;

/** Longer than a flush takes to come (settle, interval, idle callback). */
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

let session: AbortController | undefined;
let highlighting: EntityHighlighting | undefined;
afterEach(() => {
  session?.abort();
  highlighting?.destroy();
  document.body.innerHTML = '';
  document.head.innerHTML = '';
});

/** Annotation passes so far (each leaves one `backstory:annotate` measure). */
const passes = (): number => performance.getEntriesByName('backstory:annotate').length;

describe('the shared page observer', () => {
  it('a saved highlight drawn on an annotated page is no page change for entity highlighting, and the page’s own addition reaches both', async () => {
    document.body.innerHTML = '<p>Putin flew to Hama on Monday.</p><p>The talks ended without a statement.</p>';
    highlighting = new EntityHighlighting({
      document,
      matchRemote: backgroundMatch([{ id: 'hama', type: 'place', aliases: [{ text: 'Hama' }] }]),
      report: () => {},
    });
    // Every mention, so the added paragraph's name is marked too.
    await highlighting.apply({ ...DEFAULT_SETTINGS, density: 'all' }, true);
    expect(document.querySelectorAll('bs-mark')).toHaveLength(1);
    const afterFirstPass = passes();

    const text = collectText(document.body).text;
    const quote = 'without a statement';
    const start = text.indexOf(quote);
    const highlight: Highlight = { id: 'h1', url: location.href, site: location.hostname, title: '', quote, selectors: describeRange(text, start, start + quote.length), colour: 'yellow', note: '', entityIds: [], createdAt: 1, updatedAt: 1 };
    const background = (async (call: string) => (call === 'highlights.forPage' ? { ok: true, value: [highlight] } : { ok: false, error: { code: 'internal', message: 'not here' } })) as BackgroundCaller;
    session = new AbortController();
    await new SavedHighlights(session.signal, background, document).start();
    expect(document.querySelectorAll('bs-highlight')).toHaveLength(1);

    // Our highlight pieces are no new content: no pass runs over them.
    await sleep(700);
    expect(passes()).toBe(afterFirstPass);

    // The page removes the highlighted paragraph and adds a new one: the
    // highlighter annotates it, saved highlights find their passage again in it.
    document.querySelectorAll('p')[1]!.remove();
    const added = document.createElement('p');
    added.textContent = 'In Hama the talks ended without a statement.';
    document.body.append(added);
    await expect.poll(() => document.querySelectorAll('p:last-child bs-mark').length, { timeout: 3000 }).toBe(1);
    await expect.poll(() => document.querySelector('p:last-child bs-highlight')?.textContent, { timeout: 3000 }).toBe(quote);
  });
});
