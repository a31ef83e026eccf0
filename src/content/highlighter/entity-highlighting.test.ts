// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MatcherEntry } from '../../shared/matcher';
import type { PagePart, PageReport } from '../../shared/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import { EntityHighlighting } from './entity-highlighting';
import { messagesOf } from '../dom/page-text';
import { backgroundMatch } from '../../../tests/unit/background-match';

/** These tests count marks: every mention is marked, as they were written for. */
const EVERY_MENTION: Settings = { ...DEFAULT_SETTINGS, density: 'all' };

(globalThis as { __DEV__?: boolean }).__DEV__ = true;

const ENTRIES: MatcherEntry[] = [
  { id: 'vladimir-putin', type: 'person', aliases: [{ text: 'Vladimir Putin' }, { text: 'Putin' }] },
  { id: 'bashar-al-assad', type: 'person', aliases: [{ text: 'Bashar al-Assad' }] },
  { id: 'hama', type: 'place', aliases: [{ text: 'Hama' }] },
  { id: 'russia', type: 'state', aliases: [{ text: 'Russia' }] },
];

/** The background's `page.match` over {@link ENTRIES}, with no site corrections. */
const background = backgroundMatch(ENTRIES);

function setUp(settings: Partial<Settings> = {}, excluded: string[] = []) {
  const reports: PageReport[] = [];
  const h = new EntityHighlighting({
    document,
    matchRemote: backgroundMatch(ENTRIES, excluded),
    report: (r) => reports.push(r),
  });
  return { h, reports, settings: { ...EVERY_MENTION, ...settings } };
}

const marks = (): Element[] => [...document.querySelectorAll('bs-mark')];
const ids = (): (string | null)[] => marks().map((m) => m.getAttribute('data-entry-id'));

/** Selects from `from` (inclusive) to `to` (exclusive) in the text of the first text node of `selector`. */
function select(selector: string, from: string, to: string): Selection {
  const text = document.querySelector(selector)!.firstChild as Text;
  const range = document.createRange();
  range.setStart(text, text.data.indexOf(from));
  range.setEnd(text, text.data.indexOf(to));
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  return selection;
}

let current: EntityHighlighting | undefined;

/** A page of `html` with highlighting set up (not started) and destroyed after the test; `head`: its head as it was. */
function onPage(html: string) {
  document.body.innerHTML = html;
  const head = document.head.innerHTML;
  const { h, settings } = setUp();
  current = h;
  return { h, settings, head };
}

/** The page appends a paragraph of `text`. */
function pageAdds(text: string): void {
  const p = document.createElement('p');
  p.textContent = text;
  document.body.append(p);
}

/** Highlighting that asks `matchRemote`, reports nowhere, and is destroyed after the test. */
function highlightingWith(matchRemote: ConstructorParameters<typeof EntityHighlighting>[0]['matchRemote']): EntityHighlighting {
  current = new EntityHighlighting({ document, matchRemote, report: () => undefined });
  return current;
}
/** Highlighting over {@link background} that records each message the page sends. */
function highlightingSending(): { h: EntityHighlighting; sent: { text: string; bounds: number[]; part?: PagePart }[] } {
  const sent: { text: string; bounds: number[]; part?: PagePart }[] = [];
  const h = highlightingWith(async (text, bounds, exclude, part) => {
    sent.push({ text, bounds, ...(part ? { part } : {}) });
    return background(text, bounds, exclude, part);
  });
  return { h, sent };
}
afterEach(() => {
  current?.destroy();
  document.getSelection()?.removeAllRanges();
  document.body.innerHTML = '';
  document.head.innerHTML = '';
});

describe('EntityHighlighting', () => {
  it('marks mentions with the contract attributes and avoids the traps', async () => {
    document.body.innerHTML =
      '<p>Hamas is not Hama. Putinism is not Putin.</p><p>Bashar <b>al-Assad</b> met Putin’s envoy in Russia.</p><textarea>Putin</textarea><div contenteditable="true">Putin</div>';
    const before = document.body.innerHTML;
    const { h, settings } = setUp();
    current = h;
    await h.apply(settings, true);
    expect(ids()).toEqual(['hama', 'vladimir-putin', 'bashar-al-assad', 'bashar-al-assad', 'vladimir-putin', 'russia']);
    const [hama, putin, bashar, assad] = marks() as HTMLElement[];
    expect(hama!.className).toBe('bs-mark bs-mark--place');
    expect(putin!.getAttribute('data-entry-type')).toBe('person');
    expect(putin!.getAttribute('data-group')).toBe('person');
    expect(bashar!.getAttribute('data-mention')).toBe(assad!.getAttribute('data-mention'));
    expect(bashar!.textContent + assad!.textContent).toBe('Bashar al-Assad');
    expect(document.querySelectorAll('style[data-backstory-ui]').length).toBe(1);
    expect(h.state()).toMatchObject({ active: true, marks: 5, capped: false, counts: { 'vladimir-putin': 2, hama: 1, 'bashar-al-assad': 1, russia: 1 } });

    await h.apply({ ...settings, enabled: false }, false);
    expect(marks()).toHaveLength(0);
    expect(document.body.innerHTML).toBe(before);
    expect(document.querySelectorAll('style[data-backstory-ui]').length).toBe(0);
  });

  it('adds its stylesheet with the first mark: a page with nothing to mark gets nothing in its head', async () => {
    const { h, settings, head } = onPage('<p>Nothing here.</p>');
    await h.apply(settings, true);
    expect(document.head.innerHTML).toBe(head);
    expect(document.querySelectorAll('style[data-backstory-ui]').length).toBe(0);
    pageAdds('Later, Putin arrived.');
    await expect.poll(() => ids(), { timeout: 3000 }).toEqual(['vladimir-putin']);
    expect(document.querySelectorAll('style[data-backstory-ui="marks"]').length).toBe(1);
    await h.apply({ ...settings, enabled: false }, false);
    expect(document.head.innerHTML).toBe(head);
  });

  it('starts once when asked twice before it started, and turning off then leaves no mark and no stylesheet', async () => {
    const { h, settings, head } = onPage('<p>Putin in Hama.</p>');
    void h.apply(settings, true);
    await h.apply(settings, true);
    expect(ids()).toEqual(['vladimir-putin', 'hama']);
    await h.apply({ ...settings, enabled: false }, false);
    expect(marks()).toHaveLength(0);
    expect(document.head.innerHTML).toBe(head);
    // One session only: a name the page adds now is not marked by a session left running.
    pageAdds('Later, Putin arrived.');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(marks()).toHaveLength(0);
  });

  it('is on after being turned off and on again before the stop ran', async () => {
    const { h, settings } = onPage('<p>Putin in Hama.</p>');
    await h.apply(settings, true);
    void h.apply({ ...settings, enabled: false }, false);
    await h.apply(settings, true);
    expect(h.state()).toMatchObject({ active: true, marks: 2 });
    expect(ids()).toEqual(['vladimir-putin', 'hama']);
  });

  it('sends the report it was holding back at once when the page goes away', async () => {
    document.body.innerHTML = '<p>Putin in Hama.</p>';
    const { h, reports, settings } = setUp();
    current = h;
    await h.apply(settings, true);
    expect(reports).toHaveLength(0);
    window.dispatchEvent(new Event('pagehide'));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ marks: 2, counts: { 'vladimir-putin': 1, hama: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reports).toHaveLength(1);
  });

  it('sends the page text in one message and marks what the background answers, the site\'s corrections applied there', async () => {
    document.body.innerHTML = '<p>Bashar al-Assad met Putin.</p><p>Hama</p>';
    // The background applies the site's corrections itself ("not this one" on Hama).
    const site = backgroundMatch(ENTRIES, ['hama']);
    const sent: { text: string; bounds: number[]; exclude: string[] }[] = [];
    const h = new EntityHighlighting({
      document,
      matchRemote: async (text, bounds, exclude) => {
        sent.push({ text, bounds, exclude });
        return site(text, bounds, exclude);
      },
      report: () => undefined,
    });
    current = h;
    await h.apply({ ...EVERY_MENTION }, true);
    expect(ids()).toEqual(['bashar-al-assad', 'vladimir-putin']);
    expect(marks().map((m) => m.getAttribute('data-entry-type'))).toEqual(['person', 'person']);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.exclude).toEqual([]);
    expect(sent[0]!.bounds).toEqual([0, sent[0]!.text.length]);
  });

  it('marks only the types the answer names, and sends the page\'s own exclusions', async () => {
    document.body.innerHTML = '<p>Putin in Russia and Hama.</p>';
    const sent: string[][] = [];
    const h = new EntityHighlighting({
      document,
      matchRemote: async (text, bounds, exclude) => {
        sent.push(exclude);
        return background(text, bounds, exclude);
      },
      report: () => undefined,
    });
    current = h;
    await h.apply({ ...EVERY_MENTION, types: { ...EVERY_MENTION.types, state: false } }, true);
    expect(ids()).toEqual(['vladimir-putin', 'hama']);
    await h.excludeEntry('hama');
    expect(ids()).toEqual(['vladimir-putin']);
    expect(sent).toEqual([[], ['hama']]);
  });

  it('removes at once the marks no longer shown, keeps the others while the change is matched, then replaces them in the same task', async () => {
    document.body.innerHTML = '<p>Putin in Russia and Hama.</p>';
    const seen: (string | null)[][] = [];
    let wrapsAfterAnswer = 0;
    const h = highlightingWith(async (text, bounds, exclude) => {
      seen.push(ids());
      // A task passes while the background matches, as it does in a browser: a frame could paint meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 0));
      seen.push(ids());
      const found = await background(text, bounds, exclude);
      // The first task after the answer: whatever the page shows then, a reader sees.
      setTimeout(() => {
        wrapsAfterAnswer = marks().length;
      }, 0);
      return found;
    });
    await h.apply({ ...EVERY_MENTION }, true);
    expect(ids()).toEqual(['vladimir-putin', 'russia', 'hama']);

    // The state marks go at once (that changes no text); the others stay until the new marks replace them.
    await h.apply({ ...EVERY_MENTION, types: { ...EVERY_MENTION.types, state: false } }, true);
    expect(seen.slice(2)).toEqual([['vladimir-putin', 'hama'], ['vladimir-putin', 'hama']]);
    expect(ids()).toEqual(['vladimir-putin', 'hama']);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(wrapsAfterAnswer).toBe(2);

    await h.excludeEntry('hama');
    expect(seen.slice(4)).toEqual([['vladimir-putin'], ['vladimir-putin']]);
    expect(ids()).toEqual(['vladimir-putin']);
    expect(h.state()).toMatchObject({ marks: 1, counts: { 'vladimir-putin': 1 } });
    expect(document.body.textContent).toBe('Putin in Russia and Hama.');
  });

  // Up to 128 K characters the swap runs in one task, whether the text went in one message or in parts.
  it.each([
    ['in one message', ''],
    ['in parts', ' and so on'.repeat(60)],
  ])('draws every new mark of a page sent %s in the task that removed the old ones, however long it takes', async (_, padding) => {
    // 90 blocks, 180 mentions: more than one slice of selection (128), many wrap groups, all marked at once (under 200).
    document.body.innerHTML = Array.from({ length: 90 }, (_, k) => `<p>Putin in Russia, day ${k}${padding}.</p>`).join('');
    let slow = false;
    let clock = 0;
    const realNow = performance.now.bind(performance);
    // From the answer on, every read of the clock finds the slice used up.
    vi.spyOn(performance, 'now').mockImplementation(() => (slow ? (clock += 20) : realNow()));
    let answered = 0;
    let parts = 0;
    let shownAfterAnswer = -1;
    const h = highlightingWith(async (text, bounds, exclude, part) => {
      if (part) parts++;
      const found = await background(text, bounds, exclude, part);
      // The answer of the second pass (the reannotation): its last part's, when it goes in parts.
      if (!found?.held && ++answered === 2) {
        slow = true;
        setTimeout(() => {
          shownAfterAnswer = marks().length;
          slow = false;
        }, 0);
      }
      return found;
    });
    try {
      await h.apply({ ...EVERY_MENTION }, true);
      expect(marks()).toHaveLength(180);
      await h.apply({ ...EVERY_MENTION, types: { ...EVERY_MENTION.types, state: false } }, true);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(shownAfterAnswer).toBe(90);
      expect(ids().every((id) => id === 'vladimir-putin')).toBe(true);
      expect(parts > 0).toBe(padding !== '');
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('replaces the marks of a page longer than 128 K characters after a change of what is marked, its text unchanged', async () => {
    const filler = 'and so on '.repeat(8_000);
    document.body.innerHTML = ['Putin', 'Russia', 'Hama'].map((name) => `<p>${filler}${name} ${filler}</p>`).join('');
    const text = document.body.textContent;
    const h = highlightingWith(background);
    await h.apply({ ...EVERY_MENTION }, true);
    expect(ids()).toEqual(['vladimir-putin', 'russia', 'hama']);
    await h.apply({ ...EVERY_MENTION, types: { ...EVERY_MENTION.types, state: false } }, true);
    expect(ids()).toEqual(['vladimir-putin', 'hama']);
    expect(h.state()).toMatchObject({ marks: 2, counts: { 'vladimir-putin': 1, hama: 1 } });
    expect(document.body.textContent).toBe(text);
  });

  it('does not wrap a name the page changed while a long page was walked again after a change of what is marked', async () => {
    // 600 blocks, about 150 K characters: over 128 K, so the walk after the answer goes in slices.
    const filler = 'and so on '.repeat(25);
    document.body.innerHTML = Array.from({ length: 600 }, (_, k) => `<p>${k % 100 === 0 ? 'Putin in Russia. ' : ''}${filler}</p>`).join('');
    let slow = false;
    let clock = 0;
    const realNow = performance.now.bind(performance);
    // From the answer on, every read of the clock finds the slice used up: the walk yields every 256 nodes.
    vi.spyOn(performance, 'now').mockImplementation(() => (slow ? (clock += 20) : realNow()));
    let asked = 0;
    let changed = false;
    // The walk's yields: the first one with the old marks gone comes from the walk after the answer, once
    // it has read at least 256 nodes, the first block among them. The page changes that block's text then,
    // keeping its length.
    const withScheduler = globalThis as { scheduler?: { yield(): Promise<void> } };
    withScheduler.scheduler = {
      yield: () => {
        if (slow && !changed && marks().length === 0) {
          changed = true;
          const first = document.querySelector('p')!.firstChild as Text;
          first.data = first.data.replace('Putin', 'Xutin');
        }
        return new Promise((resolve) => setTimeout(resolve, 0));
      },
    };
    const h = highlightingWith(async (text, bounds, exclude, part) => {
      const found = await background(text, bounds, exclude, part);
      if (part && part.index === part.count - 1 && ++asked === 2) slow = true;
      return found;
    });
    try {
      await h.apply({ ...EVERY_MENTION }, true);
      expect(ids().filter((id) => id === 'vladimir-putin')).toHaveLength(6);
      await h.apply({ ...EVERY_MENTION, types: { ...EVERY_MENTION.types, state: false } }, true);
      expect(changed).toBe(true);
      // The five unchanged Putins are marked; the changed one is not.
      expect(marks().map((m) => m.textContent)).toEqual(Array(5).fill('Putin'));
      expect(ids()).toEqual(Array(5).fill('vladimir-putin'));
    } finally {
      delete withScheduler.scheduler;
      vi.restoreAllMocks();
    }
  });

  it('annotates afresh when the page changed its text while a change of what is marked was matched', async () => {
    document.body.innerHTML = '<p id="a">Putin in Russia.</p><p>Hama</p>';
    let asked = 0;
    const h = highlightingWith(async (text, bounds, exclude) => {
      const found = await background(text, bounds, exclude);
      // The page rewrites the paragraph while the second pass is matched.
      if (++asked === 2) document.querySelector('#a')!.textContent = 'Russia, then Putin.';
      return found;
    });
    await h.apply({ ...EVERY_MENTION }, true);
    await h.apply({ ...EVERY_MENTION, types: { ...EVERY_MENTION.types, place: false } }, true);
    expect(asked).toBe(3);
    expect(ids()).toEqual(['russia', 'vladimir-putin']);
    expect(document.querySelector('#a')!.textContent).toBe('Russia, then Putin.');
  });

  it('removes the old marks when the background can not answer a change of what is marked, and asks again later', async () => {
    document.body.innerHTML = '<p>Putin in Hama.</p>';
    let asked = 0;
    current = new EntityHighlighting({
      document,
      matchRemote: (text, bounds, exclude) => (++asked === 2 ? Promise.resolve(null) : background(text, bounds, exclude)),
      report: () => undefined,
      retryDelaysMs: [20],
    });
    await current.apply({ ...EVERY_MENTION }, true);
    await current.apply({ ...EVERY_MENTION, types: { ...EVERY_MENTION.types, person: false } }, true);
    expect(ids()).toEqual([]);
    await expect.poll(() => ids(), { timeout: 3000 }).toEqual(['hama']);
    expect(asked).toBe(3);
  });

  it('groups chunks into messages of at most the given size, whole chunks each', () => {
    expect(messagesOf([0, 100_000, 100_000, 120_000, 120_000, 200_000], 131_072)).toEqual([
      [0, 100_000, 100_000, 120_000],
      [120_000, 200_000],
    ]);
    expect(messagesOf([0, 10, 11, 20], 32_768)).toEqual([[0, 10, 11, 20]]);
    expect(messagesOf([0, 20_000, 20_001, 40_000], 32_768)).toEqual([[0, 20_000], [20_001, 40_000]]);
    // A chunk longer than a message still goes whole, alone.
    expect(messagesOf([0, 200_000, 200_000, 200_010], 131_072)).toEqual([[0, 200_000], [200_000, 200_010]]);
  });

  // Unit tests build for no browser: Chrome's size of a message, 32 K characters (see MESSAGE_TEXT_CHARS).
  it('sends a page of many paragraphs in messages of whole paragraphs, none over 32 K characters', async () => {
    const paragraph = (i: number) => `<p>Paragraph ${i} ${'and so on '.repeat(50)}${i % 100 === 7 ? 'Putin' : 'done'}.</p>`;
    document.body.innerHTML = Array.from({ length: 300 }, (_, i) => paragraph(i)).join('');
    const { h, sent } = highlightingSending();
    await h.apply({ ...EVERY_MENTION }, true);
    expect(marks().map((m) => m.textContent)).toEqual(['Putin', 'Putin', 'Putin']);
    expect(sent.length).toBeGreaterThan(4);
    expect(sent.every((m) => m.text.length <= 32_768 && m.bounds.length === 2 && m.bounds[0] === 0 && m.bounds[1] === m.text.length)).toBe(true);
    // Whole paragraphs: each part starts at a paragraph and ends at one, and the parts follow each other.
    expect(sent.every((m) => m.text.startsWith('Paragraph ') && m.text.endsWith('.'))).toBe(true);
    expect(sent.map((m) => m.part!.at)).toEqual(sent.map((_, k) => sent.slice(0, k).reduce((at, m) => at + m.text.length + 1, 0)));
    // Each as full as whole paragraphs allow: two parts in a row hold more than 32 K characters.
    expect(sent.slice(1).every((m, k) => m.text.length + sent[k]!.text.length > 32_768)).toBe(true);
  });

  it('sends a long page in parts of whole chunks, one pass, and marks the right places', async () => {
    const filler = 'and so on '.repeat(4_000);
    document.body.innerHTML = ['Putin', 'Hama', 'Bashar al-Assad'].map((name) => `<p>${filler}${name} ${filler}</p>`).join('');
    const { h, sent } = highlightingSending();
    await h.apply({ ...EVERY_MENTION }, true);
    expect(marks().map((m) => `${m.textContent}=${m.getAttribute('data-entry-id')}`)).toEqual(['Putin=vladimir-putin', 'Hama=hama', 'Bashar al-Assad=bashar-al-assad']);
    expect(sent.length).toBeGreaterThan(1);
    // Here one paragraph, longer than a chunk and than a message, each.
    expect(sent.every((m) => m.bounds.length === 2 && m.bounds[0] === 0)).toBe(true);
    expect(sent.map((m) => m.part?.index)).toEqual(sent.map((_, k) => k));
    expect(new Set(sent.map((m) => `${m.part?.pass}/${m.part?.count}`)).size).toBe(1);
    expect(sent[0]!.part!.count).toBe(sent.length);
    // Each part says where its text starts: together they are the page's text.
    expect(sent.map((m) => m.part!.at)).toEqual(sent.map((_, k) => sent.slice(0, k).reduce((at, m) => at + m.text.length + 1, 0)));
  });

  it('judges a place used as a character over the whole page, though each part names him once', async () => {
    const filler = 'and so on '.repeat(7_000);
    const said = (words: string) => `<p>“${words},” said Hama. ${filler}</p>`;
    document.body.innerHTML = said('Go') + said('No') + said('So');
    let parts = 0;
    const h = highlightingWith(async (text, bounds, exclude, part) => {
      if (part) parts++;
      return background(text, bounds, exclude, part);
    });
    await h.apply({ ...EVERY_MENTION }, true);
    expect(parts).toBe(3);
    expect(marks()).toHaveLength(0);
  });

  it('stops sending a long page whose first part the background lost, marks nothing, and asks again, from a new first part, on the next change', async () => {
    const filler = 'and so on '.repeat(7_000);
    document.body.innerHTML = `<p>Putin ${filler}</p><p>Hama ${filler}</p><p>Bashar al-Assad ${filler}</p>`;
    let lose = true;
    const sent: PagePart[] = [];
    // The background restarts after holding the first part: the second is of a pass it does not hold, and is refused.
    const h = highlightingWith(async (text, bounds, exclude, part) => {
      sent.push(part!);
      if (lose && part?.index === 0) return { matches: [], entries: {}, held: true };
      return background(text, bounds, exclude, part);
    });
    await h.apply({ ...EVERY_MENTION }, true);
    // Three parts, and the page stopped at the refused second one.
    expect(sent.map((p) => `${p.index}/${p.count}`)).toEqual(['0/3', '1/3']);
    expect(marks()).toHaveLength(0);
    lose = false;
    document.body.insertAdjacentHTML('beforeend', '<p>Russia.</p>');
    await expect.poll(() => ids(), { timeout: 3000 }).toEqual(['vladimir-putin', 'hama', 'bashar-al-assad', 'russia']);
    expect(sent[2]!.index).toBe(0);
    expect(sent[2]!.pass).not.toBe(sent[0]!.pass);
  });

  it('does not wrap text the page changed while the background was matching', async () => {
    document.body.innerHTML = '<p id="a">Putin met Bashar al-Assad.</p><p>Hama</p>';
    const h = new EntityHighlighting({
      document,
      matchRemote: async (text, bounds, exclude) => {
        const found = await background(text, bounds, exclude);
        // The page rewrites the paragraph meanwhile, keeping its length.
        (document.querySelector('#a')!.firstChild as Text).data = 'Xutin met Bashar al-Xssad.';
        await Promise.resolve();
        return found;
      },
      report: () => undefined,
    });
    current = h;
    await h.apply({ ...EVERY_MENTION }, true);
    expect(ids()).toEqual(['hama']);
    expect(document.querySelector('#a')!.innerHTML).toBe('Xutin met Bashar al-Xssad.');
  });

  it('never moves the selection: a name under one of its ends waits until it collapses, then is marked and counted', async () => {
    document.body.innerHTML = '<p id="a">Rebel columns reached the outskirts of Hama within days.</p><p id="b">Putin spoke in Russia.</p>';
    let selection: Selection | undefined;
    const h = new EntityHighlighting({
      document,
      matchRemote: async (text, bounds, exclude) => {
        // The reader selects a passage while the background is matching (the race of the e2e test).
        selection = select('#a', 'reached', ' within');
        return background(text, bounds, exclude);
      },
      report: () => undefined,
    });
    current = h;
    await h.apply({ ...EVERY_MENTION }, true);
    expect(selection!.toString()).toBe('reached the outskirts of Hama');
    expect(ids()).toEqual(['vladimir-putin', 'russia']);
    expect(h.state()).toEqual({ active: true, marks: 2, capped: false, counts: { 'vladimir-putin': 1, russia: 1 } });

    selection!.collapseToEnd();
    await expect.poll(() => ids(), { timeout: 3000 }).toEqual(['hama', 'vladimir-putin', 'russia']);
    expect(document.querySelector('#a bs-mark')!.textContent).toBe('Hama');
    expect(h.state()).toEqual({ active: true, marks: 3, capped: false, counts: { 'vladimir-putin': 1, russia: 1, hama: 1 } });
  });

  it('holds back the names at both ends of a selection across blocks, and marks them once it moves elsewhere', async () => {
    document.body.innerHTML = '<p id="a">Envoys of Vladimir Putin came.</p><p id="b">Bashar al-Assad left.</p><p id="c">Russia and Hama.</p><p id="d">Nothing.</p>';
    const text = (selector: string) => document.querySelector(selector)!.firstChild as Text;
    const range = document.createRange();
    // From inside "Putin" to inside "Russia": wrapping either name would move an end.
    range.setStart(text('#a'), text('#a').data.indexOf('tin'));
    range.setEnd(text('#c'), 3);
    const selection = document.getSelection()!;
    selection.addRange(range);
    const selected = selection.toString();
    expect(selected).toContain('tin came.');
    const { h, settings } = setUp();
    current = h;
    await h.apply(settings, true);
    expect(selection.toString()).toBe(selected);
    expect(ids()).toEqual(['bashar-al-assad']);
    expect(h.state().marks).toBe(1);

    select('#d', 'Nothing', '.');
    await expect.poll(() => ids(), { timeout: 3000 }).toEqual(['vladimir-putin', 'bashar-al-assad', 'russia', 'hama']);
    expect(selection.toString()).toBe('Nothing');
    expect(h.state()).toMatchObject({ marks: 4, counts: { 'vladimir-putin': 1, 'bashar-al-assad': 1, russia: 1, hama: 1 } });
  });

  it('keeps density "first" for a held-back name another pass marked meanwhile', async () => {
    document.body.innerHTML = '<p id="a">Putin in Hama.</p>';
    const selection = select('#a', 'Putin', '.');
    const { h, settings } = setUp({ density: 'first' });
    current = h;
    await h.apply(settings, true);
    expect(ids()).toEqual([]);
    const p = document.createElement('p');
    p.textContent = 'Putin again.';
    document.body.append(p);
    await expect.poll(() => ids(), { timeout: 3000 }).toEqual(['vladimir-putin']);
    selection.collapseToEnd();
    await expect.poll(() => ids(), { timeout: 3000 }).toEqual(['hama', 'vladimir-putin']);
    expect(h.state()).toMatchObject({ marks: 2, counts: { 'vladimir-putin': 2, hama: 1 } });
  });

  it('forgets held-back names when highlighting is turned off meanwhile', async () => {
    document.body.innerHTML = '<p id="a">Putin in Hama.</p>';
    const before = document.body.innerHTML;
    const selection = select('#a', 'in', '.');
    const { h, settings } = setUp();
    current = h;
    await h.apply(settings, true);
    expect(ids()).toEqual([]);
    await h.apply({ ...settings, enabled: false }, false);
    selection.collapseToEnd();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(marks()).toHaveLength(0);
    expect(document.body.innerHTML).toBe(before);
    expect(h.state()).toEqual({ active: false, marks: 0, capped: false, counts: {} });
  });

  const refusals: [string, () => Promise<null>][] = [
    ['answers null', async () => null],
    [
      'rejects',
      async () => {
        throw new Error('Extension context invalidated.');
      },
    ],
  ];
  it.each(refusals)('marks nothing new when the background %s, keeps its marks, and asks the background again on a later pass', async (_how, refuse) => {
    document.body.innerHTML = '<p>Putin in Hama.</p>';
    let asked = 0;
    const h = new EntityHighlighting({
      document,
      // The second message fails (a refusal, a failed delivery, an orphaned script); the others are answered.
      matchRemote: (text, bounds, exclude) => (++asked === 2 ? refuse() : background(text, bounds, exclude)),
      report: () => undefined,
    });
    current = h;
    await h.apply({ ...EVERY_MENTION }, true);
    expect(ids()).toEqual(['vladimir-putin', 'hama']);

    document.body.insertAdjacentHTML('beforeend', '<p id="failed">Russia.</p>');
    await expect.poll(() => asked, { timeout: 3000 }).toBe(2);
    await h.apply({ ...EVERY_MENTION }, true); // waits for the pass in flight
    expect(ids()).toEqual(['vladimir-putin', 'hama']);
    expect(h.state()).toEqual({ active: true, marks: 2, capped: false, counts: { 'vladimir-putin': 1, hama: 1 } });

    // The next page change asks again, and the text the failed pass left unmarked is marked too.
    document.body.insertAdjacentHTML('beforeend', '<p>Bashar al-Assad.</p>');
    await expect.poll(() => ids(), { timeout: 3000 }).toEqual(['vladimir-putin', 'hama', 'russia', 'bashar-al-assad']);
    expect(document.querySelector('#failed bs-mark')!.textContent).toBe('Russia');
    expect(asked).toBe(3);
    expect(h.state()).toEqual({ active: true, marks: 4, capped: false, counts: { 'vladimir-putin': 1, hama: 1, russia: 1, 'bashar-al-assad': 1 } });
  });

  it('keeps counting what it counted while a pass over the whole body gets no answer', async () => {
    document.body.innerHTML = '<p>Putin and Putin.</p>';
    let down = false;
    let asked = 0;
    const h = new EntityHighlighting({
      document,
      matchRemote: (text, bounds, exclude) => (asked++, down ? Promise.resolve(null) : background(text, bounds, exclude)),
      report: () => undefined,
    });
    current = h;
    const settings: Settings = { ...EVERY_MENTION, density: 'first' };
    await h.apply(settings, true);
    expect(h.state()).toMatchObject({ marks: 1, counts: { 'vladimir-putin': 2 } });

    down = true;
    document.body.insertAdjacentHTML('beforeend', '<p>Russia.</p>');
    await expect.poll(() => asked, { timeout: 3000 }).toBe(2);
    await h.apply(settings, true);
    // This change makes a pass over the whole body, which gets no answer either.
    document.body.insertAdjacentHTML('beforeend', '<p>Hama.</p>');
    await expect.poll(() => asked, { timeout: 3000 }).toBe(3);
    await h.apply(settings, true);
    expect(h.state()).toMatchObject({ marks: 1, counts: { 'vladimir-putin': 2 } });

    down = false;
    document.body.insertAdjacentHTML('beforeend', '<p>Bashar al-Assad.</p>');
    await expect.poll(() => ids(), { timeout: 3000 }).toEqual(['vladimir-putin', 'russia', 'hama', 'bashar-al-assad']);
    expect(h.state()).toMatchObject({ marks: 4, counts: { 'vladimir-putin': 2, russia: 1, hama: 1, 'bashar-al-assad': 1 } });
  });

  it('asks again after a delay when the background could not answer, on a page that never changes', async () => {
    document.body.innerHTML = '<p>Putin in Hama.</p>';
    let asked = 0;
    current = new EntityHighlighting({
      document,
      matchRemote: (text, bounds, exclude) => (++asked <= 2 ? Promise.resolve(null) : background(text, bounds, exclude)),
      report: () => undefined,
      retryDelaysMs: [20, 20, 20],
    });
    await current.apply({ ...EVERY_MENTION }, true);
    expect(marks()).toHaveLength(0);
    await expect.poll(() => ids(), { timeout: 3000 }).toEqual(['vladimir-putin', 'hama']);
    expect(asked).toBe(3);
  });

  it('stops asking after its last delay until the page changes', async () => {
    document.body.innerHTML = '<p>Putin in Hama.</p>';
    let asked = 0;
    let down = true;
    current = new EntityHighlighting({
      document,
      matchRemote: (text, bounds, exclude) => (asked++, down ? Promise.resolve(null) : background(text, bounds, exclude)),
      report: () => undefined,
      retryDelaysMs: [10, 10],
    });
    await current.apply({ ...EVERY_MENTION }, true);
    await expect.poll(() => asked, { timeout: 3000 }).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(asked).toBe(3);
    down = false;
    document.body.insertAdjacentHTML('beforeend', '<p>Russia.</p>');
    await expect.poll(() => ids(), { timeout: 3000 }).toEqual(['vladimir-putin', 'hama', 'russia']);
  });

  it('marks nothing, and breaks nothing, while the background never answers', async () => {
    document.body.innerHTML = '<p>Putin in Hama.</p>';
    const before = document.body.innerHTML;
    let asked = 0;
    const h = new EntityHighlighting({ document, matchRemote: async () => (asked++, null), report: () => undefined });
    current = h;
    await h.apply({ ...EVERY_MENTION }, true);
    document.body.insertAdjacentHTML('beforeend', '<p>Russia.</p>');
    await expect.poll(() => asked, { timeout: 3000 }).toBe(2);
    await h.apply({ ...EVERY_MENTION }, true); // waits for the pass in flight
    expect(marks()).toHaveLength(0);
    expect(h.state()).toEqual({ active: true, marks: 0, capped: false, counts: {} });
    await h.apply({ ...EVERY_MENTION, enabled: false }, false);
    expect(document.body.innerHTML).toBe(before + '<p>Russia.</p>');
  });

  it('leaves the site\'s excluded entries unmarked in content added later too (the background applies its corrections)', async () => {
    document.body.innerHTML = '<p>Putin in Russia and Hama.</p>';
    const { h, settings } = setUp({}, ['russia']);
    current = h;
    await h.apply(settings, true);
    expect(ids()).toEqual(['vladimir-putin', 'hama']);
    document.body.insertAdjacentHTML('beforeend', '<p>Russia and Putin.</p>');
    await expect.poll(() => ids(), { timeout: 3000 }).toEqual(['vladimir-putin', 'hama', 'vladimir-putin']);
  });

  it('applies type visibility, density and the cap without reload', async () => {
    document.body.innerHTML = '<p>Putin and Russia. Putin again in Russia with Putin.</p>';
    const { h, settings } = setUp();
    current = h;
    await h.apply(settings, true);
    expect(ids()).toEqual(['vladimir-putin', 'russia', 'vladimir-putin', 'russia', 'vladimir-putin']);
    await h.apply({ ...settings, types: { ...settings.types, state: false } }, true);
    expect(ids()).toEqual(['vladimir-putin', 'vladimir-putin', 'vladimir-putin']);
    await h.apply({ ...settings, density: 'first' }, true);
    expect(ids()).toEqual(['vladimir-putin', 'russia']);
    await h.apply({ ...settings, markCap: 2 }, true);
    expect(ids()).toEqual(['vladimir-putin', 'russia']);
    expect(h.state().capped).toBe(true);
  });

  it('marks the first mention of each name per section by default (a heading starts a section), every mention on demand', async () => {
    document.body.innerHTML =
      '<h1>Putin in Russia</h1><p>Putin and Russia. Putin again.</p>' +
      '<section><h2>Hama</h2><p>Putin in Hama, Russia.</p><div><p>Putin once more.</p></div></section>';
    const { h } = setUp();
    current = h;
    await h.apply({ ...DEFAULT_SETTINGS }, true);
    expect(ids()).toEqual(['vladimir-putin', 'russia', 'hama', 'vladimir-putin', 'russia']);
    expect(h.state().counts['vladimir-putin']).toBe(5);
    await h.apply({ ...DEFAULT_SETTINGS, density: 'all' }, true);
    expect(ids()).toHaveLength(10);
  });

  it('marks the next mention in a section once the page removes the section\'s one mark', async () => {
    document.body.innerHTML = '<h2>One</h2><p id="a">Putin spoke.</p><p>Putin again.</p><h2>Two</h2><p>Putin later.</p>';
    const { h } = setUp();
    current = h;
    await h.apply({ ...DEFAULT_SETTINGS }, true);
    expect(marks().map((m) => m.parentElement!.textContent)).toEqual(['Putin spoke.', 'Putin later.']);
    document.querySelector('#a')!.remove();
    await vi.waitFor(() => expect(marks().map((m) => m.parentElement!.textContent)).toEqual(['Putin again.', 'Putin later.']), { timeout: 3000 });
  });

  it('honours the site exclusions and excludeEntry', async () => {
    document.body.innerHTML = '<p>Putin in Russia.</p>';
    const { h, settings } = setUp({}, ['russia']);
    current = h;
    await h.apply(settings, true);
    expect(ids()).toEqual(['vladimir-putin']);
    await h.excludeEntry('vladimir-putin');
    expect(ids()).toEqual([]);
  });

  it('annotates content added later, once, and reports', async () => {
    document.body.innerHTML = '<p>Nothing here.</p>';
    const { h, settings, reports } = setUp();
    current = h;
    await h.apply(settings, true);
    expect(marks()).toHaveLength(0);
    const p = document.createElement('p');
    p.textContent = 'Later, Putin arrived.';
    document.body.append(p);
    await expect.poll(() => ids(), { timeout: 3000 }).toEqual(['vladimir-putin']);
    await expect.poll(() => reports.at(-1)?.marks, { timeout: 3000 }).toBe(1);
    expect(reports.at(-1)!.counts).toEqual({ 'vladimir-putin': 1 });
  });
});
