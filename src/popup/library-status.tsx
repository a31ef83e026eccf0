/**
 * Whether the current page is in the reader's library, and a button that adds
 * it (or updates it). The article is extracted in the tab only on this click.
 */
import { useEffect, useState } from 'preact/hooks';
import type { LibraryArticle } from '../shared/library';
import { callBackground } from '../shared/messaging';
import { plural, t, uiLocale } from '../shared/i18n';

function day(ms: number): string {
  return new Date(ms).toLocaleDateString(uiLocale(), { day: 'numeric', month: 'short', year: 'numeric' });
}

/** The popup's library row for tab `tabId` showing `url`. */
export function LibraryStatus({ tabId, url }: { tabId: number; url: string | undefined }) {
  const [article, setArticle] = useState<LibraryArticle | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ message: string; error?: boolean } | undefined>();

  useEffect(() => {
    if (!url) return setArticle(null);
    void callBackground('library.forUrl', { url }).then((r) => setArticle(r.ok ? r.value : null));
  }, [url]);

  const add = async () => {
    setBusy(true);
    setStatus(undefined);
    const result = await callBackground('library.add', { tabId });
    setBusy(false);
    if (!result.ok) return setStatus({ message: result.error.message, error: true });
    const { article: saved, updated, passagesWithMentions } = result.value;
    setArticle(saved);
    const done = plural(updated ? 'library_updated' : 'library_added', passagesWithMentions);
    setStatus({ message: saved.capped ? `${done} ${t('library_capped')}` : done });
  };

  return (
    <section class="library-status" aria-label={t('library_region')} data-testid="library-status">
      <p class="small" data-testid="library-state">
        {article === undefined ? t('library_checking') : article ? t('library_in_since', day(article.addedAt)) : t('library_not_in')}
      </p>
      <button type="button" data-action="add-to-library" disabled={busy || article === undefined} onClick={() => void add()}>
        {busy ? t('library_adding') : article ? t('library_update') : t('library_add')}
      </button>
      <a class="small" href="options.html#library" target="_blank" rel="noopener">
        {t('library_link')}
      </a>
      <p class={status?.error ? 'small error' : 'small muted'} role={status?.error ? 'alert' : 'status'} aria-live="polite">
        {status?.message}
      </p>
    </section>
  );
}
