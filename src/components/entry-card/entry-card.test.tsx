// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { KARIM_CARD } from './card.fixture';
import type { Highlight } from '../../shared/highlight';
import { EntryCardView, type CardLinks } from './entry-card';
import { formatDate, formatSpan } from './format-date';
import { setI18nApi } from '../../shared/i18n';
import { useLocale } from '../../../tests/unit/use-locale';

const root = document.createElement('div');
document.body.append(root);

function links(): CardLinks & { opened: string[] } {
  const opened: string[] = [];
  return { opened, readerHref: (doc, passage) => `ext://options.html#reader/${doc}/${encodeURIComponent(passage)}`, onOpenEntry: (ref) => opened.push(ref.id) };
}

afterEach(() => {
  render(null, root);
  setI18nApi(undefined);
});

describe('EntryCardView', () => {
  it('shows a skeleton with the mark’s name while loading, never a blank', () => {
    act(() => render(<EntryCardView card={undefined} titleId="t" links={links()} loadingName="Assad" />, root));
    expect(root.querySelector('#t')?.textContent).toBe('Assad');
    expect(root.querySelector('[aria-busy="true"]')?.textContent).toContain('Loading the background of Assad');
  });

  it('renders name, type, roles, sourced excerpts linking into the reader, related and key events', () => {
    const l = links();
    const card = KARIM_CARD;
    act(() => render(<EntryCardView card={card} titleId="t" links={l} />, root));
    expect(root.querySelector('#t')?.textContent).toBe('Omar Karim');
    expect(root.querySelector('.bs-card__type')?.textContent).toBe('Person');
    const roles = [...root.querySelectorAll('.bs-card__role')].map((li) => li.textContent);
    expect(roles).toEqual(['In exile in Russia (since 8 Dec 2024) — as of 22 Oct 2025 (approx.) source', 'President until Dec 2024 source']);
    expect(root.textContent).not.toMatch(/As of Oct 2025|current/i);
    const excerpts = root.querySelectorAll('.bs-card__excerpt');
    expect(excerpts.length).toBe(3);
    const link = excerpts[0]!.querySelector('a')!;
    expect(link.getAttribute('href')).toMatch(/^ext:\/\/options\.html#reader\/[ab]-20\d\d\//);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(root.textContent).toContain('Key events');
    const related = root.querySelector<HTMLButtonElement>('[data-related-id="volkov"] button')!;
    act(() => related.click());
    expect(l.opened).toEqual(['volkov']);
  });

  it('says the corpus text is in English only when its labels are not', () => {
    act(() => render(<EntryCardView card={KARIM_CARD} titleId="t" links={links()} />, root));
    expect(root.querySelector('[data-testid=corpus-language]')).toBeNull();
    render(null, root);
    // A browser in Russian: the labels come from its messages (here: the key in brackets, Russian locale code).
    setI18nApi({ getMessage: (key) => (key === 'ui_locale' ? 'ru' : `[${key}]`), getUILanguage: () => 'ru' });
    act(() => render(<EntryCardView card={KARIM_CARD} titleId="t" links={links()} levels />, root));
    expect(root.querySelector('[data-testid=corpus-language]')?.textContent).toBe('[card_corpus_in_english]');
    expect(root.querySelector('.bs-card__type')?.textContent).toBe('[type_person]');
    expect(root.querySelector('[data-action=card-more]')?.textContent).toBe('[card_more]');
  });

  it('shows the latest-word notice, the ambiguity choice and a way back', () => {
    const card = KARIM_CARD;
    const notThis = vi.fn();
    const back = vi.fn();
    act(() =>
      render(
        <EntryCardView
          card={card}
          titleId="t"
          links={links()}
          pageDate="2026-02-03"
          back={{ name: 'Aleppo', onBack: back }}
          ambiguity={{ candidates: [{ id: 'volkov', name: 'Ivan Volkov', type: 'person' }], onNotThis: notThis }}
        />,
        root,
      ),
    );
    expect(root.querySelector('[data-notice="latest"]')?.textContent).toContain('Backstory’s latest on Omar Karim: Oct 2025 — this page is from 3 Feb 2026');
    expect(root.querySelector('[data-notice="then"]')).toBeNull();
    expect(root.querySelector('[data-notice="ambiguous"]')?.textContent).toContain('Ivan Volkov');
    act(() => root.querySelector<HTMLButtonElement>('.bs-card__not-this')!.click());
    act(() => root.querySelector<HTMLButtonElement>('.bs-card__back')!.click());
    expect(notThis).toHaveBeenCalledOnce();
    expect(back).toHaveBeenCalledOnce();
  });

  it('dates roles in the interface language: Russian month names, not English', () => {
    useLocale('ru');
    act(() => render(<EntryCardView card={KARIM_CARD} titleId="t" links={links()} pageDate="2021-03-14" />, root));
    const then = root.querySelector('[data-notice="then"]')?.textContent ?? '';
    expect(then).toMatch(/март.*2021/);
    expect(then).not.toMatch(/Mar 2021/);
    const roles = [...root.querySelectorAll('.bs-card__role')].map((el) => el.textContent ?? '').join('\n');
    expect(roles).toMatch(/дек.*2024/);
    expect(roles).not.toMatch(/\b(Oct|Dec) 20\d\d/);
  });

  it('on a page older than the corpus, says which roles the corpus shows held then', () => {
    act(() => render(<EntryCardView card={KARIM_CARD} titleId="t" links={links()} pageDate="2021-03-14" />, root));
    expect(root.querySelector('[data-notice="then"]')?.textContent).toBe('At the time of this article, Mar 2021: President');
    expect(root.querySelector('[data-notice="latest"]')).toBeNull();
    // Before any evidence of a role the corpus cannot say: no notice rather than a guess.
    act(() => render(<EntryCardView card={KARIM_CARD} titleId="t" links={links()} pageDate="2015-03-01" />, root));
    expect(root.querySelector('[data-notice="then"]')).toBeNull();
  });

  it('says a role ended with a death and never dates it "as of"', () => {
    const role = { title: 'President of Syria', ended: 'death' as const, over: true, attested: '2022-08', attestedInferred: true, evidence: [] };
    act(() => render(<EntryCardView card={{ ...KARIM_CARD, roles: [role] }} titleId="t" links={links()} />, root));
    expect(root.querySelector('[data-role="over"]')?.textContent).toBe('President of Syria until death');
  });

  it('reveals the quote, source and date of a summary sentence on hover, on keyboard focus and on click', () => {
    act(() => render(<EntryCardView card={KARIM_CARD} titleId="t" links={links()} />, root));
    const toggle = () => root.querySelector<HTMLButtonElement>('.bs-card__summary .bs-prov__toggle')!;
    const panel = () => root.querySelector('.bs-card__summary .bs-prov__panel');
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    expect(toggle().getAttribute('aria-label')).toBe('Source of “Former president.”');
    expect(panel()).toBeNull();
    act(() => void toggle().dispatchEvent(new MouseEvent('mouseover', { bubbles: true })));
    act(() => void toggle().dispatchEvent(new MouseEvent('mouseenter')));
    expect(panel()?.textContent).toContain('President Karim ruled Aleppo');
    expect(panel()?.textContent).toContain('Old order, Daily A, Sep 2020');
    act(() => void toggle().parentElement!.dispatchEvent(new MouseEvent('mouseleave')));
    expect(panel()).toBeNull();
    act(() => void toggle().dispatchEvent(new FocusEvent('focusin', { bubbles: true })));
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
    expect(toggle().getAttribute('aria-controls')).toBe(panel()?.id);
    act(() => void toggle().dispatchEvent(new FocusEvent('focusout', { bubbles: true })));
    expect(panel()).toBeNull();
    act(() => toggle().click());
    expect(panel()?.querySelector('a')?.getAttribute('href')).toMatch(/#reader\/a-2020\//);
  });

  it('labels what is kept from outside the corpus', () => {
    const card = { ...KARIM_CARD, facts: [{ text: 'Capital of nowhere.', evidence: [], outsideCorpus: true }], related: [{ ...KARIM_CARD.related[0]!, outsideCorpus: true }] };
    act(() => render(<EntryCardView card={card} titleId="t" links={links()} />, root));
    expect(root.querySelector('.bs-card__summary')?.textContent).toBe('Capital of nowhere. not from the corpus');
    expect(root.querySelector('.bs-card__related .bs-card__outside')?.textContent).toBe(' not from the corpus');
  });

  it('lists the newest highlights of many, says how many there are, and links to all of them where it can', () => {
    const highlights: Highlight[] = Array.from({ length: 5 }, (_, i) => ({
      id: `h${i}`,
      url: `https://news.example/${i}`,
      site: 'news.example',
      title: `Story ${i}`,
      quote: `Karim, take ${i}`,
      selectors: [
        { type: 'TextQuoteSelector', exact: `Karim, take ${i}`, prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 0, end: 13 },
      ],
      colour: 'yellow',
      note: '',
      entityIds: [KARIM_CARD.entry.id],
      createdAt: i,
      updatedAt: i,
    }));
    const card = { ...KARIM_CARD, highlights, highlightTotal: 12 };
    act(() => render(<EntryCardView card={card} titleId="t" links={{ ...links(), highlightsHref: (id) => `#highlights?entity=${id}` }} />, root));
    const section = root.querySelector('section[aria-label="Your highlights"]')!;
    expect(section.querySelector('.bs-card__heading')?.textContent).toBe('Your highlights (12)');
    expect(section.querySelectorAll('.bs-card__highlight')).toHaveLength(5);
    expect(section.querySelector('[data-testid="highlights-newest"]')?.textContent).toBe('The newest 5 of 12. All of them in the highlights manager');
    const all = section.querySelector('[data-testid="highlights-newest"] a')!;
    expect(all.getAttribute('href')).toBe(`#highlights?entity=${KARIM_CARD.entry.id}`);
    expect(all.hasAttribute('target')).toBe(false);
    // All of them shown: no line; no link where the card has none to give.
    act(() => render(<EntryCardView card={{ ...card, highlightTotal: 5 }} titleId="t" links={links()} />, root));
    expect(root.querySelector('[data-testid="highlights-newest"]')).toBeNull();
    expect(root.textContent).toContain('Your highlights (5)');
    act(() => render(<EntryCardView card={card} titleId="t" links={links()} />, root));
    expect(root.querySelector('[data-testid="highlights-newest"]')?.textContent).toBe('The newest 5 of 12.');
  });

  it('never renders text as HTML', () => {
    const card = KARIM_CARD;
    const hostile = { ...card, entry: { ...card.entry, name: '<img src=x onerror=alert(1)>' } };
    act(() => render(<EntryCardView card={hostile} titleId="t" links={links()} />, root));
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('#t')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('formatDate', () => {
  it('formats partial ISO dates', () => {
    expect(formatDate('2024')).toBe('2024');
    expect(formatDate('2024-12')).toBe('Dec 2024');
    expect(formatDate('2024-12-08')).toBe('8 Dec 2024');
    expect(formatSpan('2024-11', '2024-12')).toBe('Nov 2024 – Dec 2024');
  });
});
