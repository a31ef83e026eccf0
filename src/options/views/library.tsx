/**
 * `#library`: the articles the reader added as background, newest first, each
 * opening in the reader (its passages, marked like the corpus') or at its
 * page, and removable; export and import of the whole library with the
 * reader's own entries (JSON).
 */
import { useState } from 'preact/hooks';
import type { LibraryArticle } from '../../shared/library';
import { libraryLabel } from '../../shared/library';
import { callBackground } from '../../shared/messaging';
import { useCall } from '../../components/use-call';
import { CallView, Empty, friendlyError } from '../../components/status-notes';
import { readerHref } from '../route';
import { receiveLibraryExport, saveFile, sendImportText } from '../file-transfer';
import { MAX_IMPORT_CHARS, importTooLargeMessage } from '../../shared/import-limits';
import { OwnEntries } from './own-entries';
import { plural, t } from '../../shared/i18n';

/** The library view. */
export function LibraryView() {
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState<{ message: string; error?: boolean } | undefined>();
  const [exporting, setExporting] = useState(false);
  const list = useCall(() => callBackground('library.list', {}), [version]);

  const remove = async (article: LibraryArticle) => {
    const result = await callBackground('library.remove', { ids: [article.id] });
    setStatus(result.ok ? { message: t('library_removed', article.title) } : { message: result.error.message, error: true });
    setVersion((v) => v + 1);
  };

  const exportFile = async () => {
    // One export at a time: a second one would take the background's place of the first, mid-way.
    setExporting(true);
    const result = await receiveLibraryExport().finally(() => setExporting(false));
    if (!result.ok) return setStatus({ message: friendlyError(result.error.message), error: true });
    const bytes = saveFile(`backstory-library-${new Date().toISOString().slice(0, 10)}.json`, 'application/json', result.value.pieces);
    const exported = t('library_exported', plural('library_n_articles', result.value.count), plural('library_n_own_entries', result.value.entries));
    // The import refuses a file over its limit by its size in bytes (below): a backup that large cannot come back as
    // it is, and the reader is told now.
    if (bytes > MAX_IMPORT_CHARS) return setStatus({ message: `${exported} ${t('library_export_over_limit', Math.round(bytes / 1024 / 1024), MAX_IMPORT_CHARS / 1024 / 1024)}`, error: true });
    setStatus({ message: exported });
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    // Refused by its size, before it is read into memory and sent to the background.
    if (file.size > MAX_IMPORT_CHARS) return setStatus({ message: t('library_import_failed', importTooLargeMessage(file.size)), error: true });
    const source = await sendImportText(await file.text());
    const result = source.ok ? await callBackground('library.import', source.value) : source;
    setStatus(result.ok ? { message: t('library_imported', plural('library_n_articles', result.value.imported), plural('library_n_own_entries', result.value.entries)) } : { message: t('library_import_failed', friendlyError(result.error.message)), error: true });
    setVersion((v) => v + 1);
  };

  return (
    <section aria-labelledby="library-title">
      <h1 id="library-title">{t('library_region')}</h1>
      <p class="muted">{t('library_intro')}</p>
      <p class="row">
        <button type="button" data-action="export-library" disabled={exporting} onClick={() => void exportFile()}>
          {t('library_export')}
        </button>
        <label>
          {t('library_import')}{' '}
          <input type="file" accept="application/json,.json" data-action="import-library" onChange={(e) => void importFile(e.currentTarget)} />
        </label>
      </p>
      <p class={status?.error ? 'error' : 'muted'} role={status?.error ? 'alert' : 'status'} aria-live="polite">
        {status?.message}
      </p>
      <CallView
        state={list}
        ready={(articles) =>
          articles.length === 0 ? (
            <Empty>{t('library_empty')}</Empty>
          ) : (
            <ul class="library-list" data-testid="library-list">
              {articles.map((article) => (
                <li key={article.id} data-library-id={article.id}>
                  <a href={readerHref(article.id)}>{article.title}</a>
                  <span class="muted small">
                    {' '}
                    {libraryLabel(article.site, article.published)}
                    {article.author ? ` · ${article.author}` : ''}
                    {article.capped ? ` · ${t('library_capped_short')}` : ''}
                  </span>{' '}
                  <a class="small" href={article.url} target="_blank" rel="noopener noreferrer">
                    {t('library_open_page')}
                  </a>{' '}
                  <button type="button" class="small" data-action="remove-library" aria-label={t('library_remove_label', article.title)} onClick={() => void remove(article)}>
                    {t('settings_remove')}
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      />
      <OwnEntries refresh={version} />
    </section>
  );
}
