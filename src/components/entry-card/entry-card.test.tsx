// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { KARIM_CARD } from './card.fixture';
import { EntryCardView, type CardLinks } from './entry-card';
import { formatDate, formatSpan } from './format-date';

const root = document.createElement('div');
document.body.append(root);

function links(): CardLinks & { opened: string[] } {
  const opened: string[] = [];
  return { opened, readerHref: (doc, passage) => `ext://options.html#reader/${doc}/${encodeURIComponent(passage)}`, onOpenEntry: (ref) => opened.push(ref.id) };
}

afterEach(() => render(null, root));

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
    expect(root.querySelector('[data-role="current"]')?.textContent).toBe('As of Oct 2025: In exile in Russia (since 8 Dec 2024)');
    expect(root.querySelector('[data-role="earlier"]')?.textContent).toContain('President (until Dec 2024)');
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

  it('shows the stale-background notice, the ambiguity choice and a way back', () => {
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
    expect(root.querySelector('[data-notice="stale"]')?.textContent).toContain('Background as of Oct 2025 — this page is from 3 Feb 2026');
    expect(root.querySelector('[data-notice="ambiguous"]')?.textContent).toContain('Ivan Volkov');
    act(() => root.querySelector<HTMLButtonElement>('.bs-card__not-this')!.click());
    act(() => root.querySelector<HTMLButtonElement>('.bs-card__back')!.click());
    expect(notThis).toHaveBeenCalledOnce();
    expect(back).toHaveBeenCalledOnce();
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
