// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { useLocale } from '../../../tests/unit/use-locale';
import type { Highlight } from '../../shared/highlight';
import { setI18nApi } from '../../shared/i18n';
import { collectText, drawPlacements } from './draw';
import { colourLabel, markNote } from './highlight-style';

function placementOf(quote: string, changed = false) {
  const page = collectText(document.body);
  const start = page.text.indexOf(quote);
  const highlight = { id: 'h1', colour: 'green', note: '', quote } as Highlight;
  return { page, placement: { highlight, start, end: start + quote.length, changed, current: quote } };
}

afterEach(() => {
  setI18nApi(undefined);
  document.body.innerHTML = '';
});

describe('saved highlight labels', () => {
  it('labels a piece for screen readers in English, and says when it has a note', () => {
    document.body.innerHTML = '<p>Rebel columns reached Aleppo.</p>';
    const { page, placement } = placementOf('Aleppo');
    const pieces = drawPlacements(document.body, page, [placement]).get('h1')!;
    expect(pieces[0]!.getAttribute('aria-label')).toBe('Saved highlight. Press Enter to open it and its note.');
    markNote(pieces, true);
    expect(pieces[0]!.getAttribute('aria-label')).toBe('Saved highlight with a note. Press Enter to open it and its note.');
    expect(colourLabel('green')).toBe('Green');
  });

  it('labels pieces and names colours in the interface language', () => {
    useLocale('ru');
    document.body.innerHTML = '<p>Rebel columns reached Aleppo.</p>';
    const { page, placement } = placementOf('Aleppo', true);
    const pieces = drawPlacements(document.body, page, [placement]).get('h1')!;
    expect(pieces[0]!.getAttribute('aria-label')).toBe('Сохранённое выделение (страница с тех пор изменилась). Нажмите Enter, чтобы открыть его и заметку к нему.');
    markNote(pieces, true);
    expect(pieces[0]!.getAttribute('aria-label')).toMatch(/^Сохранённое выделение с заметкой \(страница с тех пор изменилась\)/);
    expect(colourLabel('green')).toBe('Зелёный');
    useLocale('ar');
    expect(colourLabel('purple')).toBe('بنفسجي');
  });
});
