// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { useLocale } from '../../tests/unit/use-locale';
import type { Highlight } from '../shared/highlight';
import { setI18nApi } from '../shared/i18n';
import type { SearchHit } from '../shared/protocol';
import { SearchResults, type SearchLinks } from './search-results';

const root = document.createElement('div');
document.body.append(root);
const LINKS: SearchLinks = { entryHref: (id) => `#entry/${id}`, readerHref: (doc, passage) => `#reader/${doc}/${passage}` };
const HIGHLIGHT = { id: 'h1', url: 'https://example.com/a', site: 'example.com', title: 'A page', quote: 'talks in Astana', colour: 'yellow', note: 'Astana again', selectors: [], entityIds: [], createdAt: 1, updatedAt: 1 } as unknown as Highlight;
const HITS: SearchHit[] = [{ kind: 'highlight', score: 1, highlight: HIGHLIGHT }];

afterEach(() => {
  render(null, root);
  setI18nApi(undefined);
});

describe('SearchResults', () => {
  it('labels hits and says when nothing matched, in English', () => {
    act(() => render(<SearchResults hits={HITS} query="Astana" links={LINKS} />, root));
    expect(root.querySelector('.hit__kind')?.textContent).toBe('Your highlight · example.com');
    expect(root.querySelector('.hit__note')?.textContent).toBe('Note: Astana again');
    expect(root.querySelector('ol')?.getAttribute('aria-label')).toBe('Results for Astana');
    act(() => render(<SearchResults hits={[]} query="Zzz" links={LINKS} />, root));
    expect(root.textContent).toBe('Nothing in the corpus or your highlights matches “Zzz”.');
  });

  it('speaks the interface language (Russian)', () => {
    useLocale('ru');
    act(() => render(<SearchResults hits={HITS} query="Astana" links={LINKS} />, root));
    expect(root.querySelector('.hit__kind')?.textContent).toBe('Ваше выделение · example.com');
    expect(root.querySelector('.hit__note')?.textContent).toBe('Заметка: Astana again');
    expect(root.querySelector('.hit__note mark')?.textContent).toBe('Astana');
    act(() => render(<SearchResults hits={[]} query="Zzz" links={LINKS} />, root));
    expect(root.textContent).toBe('Ни в корпусе, ни в ваших выделениях нет совпадений с «Zzz».');
  });
});
