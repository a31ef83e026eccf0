/**
 * The page's saved highlights, and the orphans (saved here, but their text is
 * no longer on the page). A highlight re-anchored to text that differs from
 * what was saved says so. Choosing one scrolls the page to it.
 */
import { useState } from 'preact/hooks';
import type { Highlight } from '../shared/highlight';
import type { TabCallMap } from '../shared/protocol';
import { callTab } from '../shared/messaging';
import { t } from '../shared/i18n';

type TabState = TabCallMap['tab.state']['result'];

function clip(text: string, max = 140): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The highlights section; absent when the page has none. */
export function PageHighlights({ tabId, state }: { tabId: number; state: TabState }) {
  const [status, setStatus] = useState('');
  if (!state.highlights.length && !state.orphans.length) return null;
  const changed = new Set(state.changed);

  async function reveal(h: Highlight) {
    const result = await callTab(tabId, 'tab.revealHighlight', { id: h.id });
    setStatus(result.ok && result.value ? t('popup_showing_highlight') : t('popup_highlight_gone'));
  }

  return (
    <section class="page-highlights" aria-labelledby="page-highlights-title">
      <h2 id="page-highlights-title">{t('popup_your_highlights_here')}</h2>
      <ul class="highlights" data-testid="page-highlights">
        {state.highlights.map((h) => (
          <li key={h.id}>
            <button type="button" class="highlight-row" data-highlight-id={h.id} onClick={() => reveal(h)}>
              <span class={`hl-swatch hl-swatch--${h.colour}`} aria-hidden="true" />
              <span dir="auto">{clip(h.quote)}</span>
              {changed.has(h.id) && (
                <span class="changed-note small muted" data-testid="changed-since-saved">
                  {t('popup_changed_since_saved')}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
      {state.orphans.length > 0 && (
        <>
          <h3>{t('popup_not_found_now')}</h3>
          <p class="muted small">{t('popup_orphans_note')}</p>
          <ul class="highlights orphans" data-testid="page-orphans">
            {state.orphans.map((h) => (
              <li key={h.id} data-highlight-id={h.id} dir="auto">
                <span class={`hl-swatch hl-swatch--${h.colour}`} aria-hidden="true" />
                {clip(h.quote)}
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="muted small" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
