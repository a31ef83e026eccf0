/**
 * Data: how much is stored and whether the browser may evict it, export (JSON,
 * Markdown, JSON-LD) as a download, import from a file (ours, W3C or
 * Hypothesis), and clearing every highlight after a confirmation.
 */
import { useState } from 'preact/hooks';
import type { ExportCursor, ExportFormat, ImportResult, ImportSkipReason } from '../../shared/protocol';
import { callBackground } from '../../shared/messaging';
import { MAX_IMPORT_CHARS, importTooLargeMessage } from '../../shared/import-limits';
import { receivePieces, saveFile, sendImportText } from '../file-transfer';
import { useCall } from '../../components/use-call';
import { CallView, Loading, friendlyError } from '../../components/status-notes';
import { StorageNote } from './storage-note';
import { plural as pluralMessage, t, uiLocale, type MessageKey } from '../../shared/i18n';

/** A size with one decimal in the interface language's digits and separator ("1.5", Russian "1,5"); no grouping, as before. */
function decimal(n: number): string {
  return new Intl.NumberFormat(uiLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false }).format(n);
}

function bytes(n: number | undefined): string {
  if (n === undefined) return t('data_size_unknown');
  if (n < 1024) return pluralMessage('data_bytes', n);
  if (n < 1024 * 1024) return t('data_kb', decimal(n / 1024));
  return t('data_mb', decimal(n / 1024 / 1024));
}

/** A count in the interface language's digits and grouping ("100,000"). */
function count(n: number): string {
  return n.toLocaleString(uiLocale());
}

/** Each skip reason in the interface language, with its count. */
const SKIP_REASONS: Record<ImportSkipReason, (n: string) => string> = {
  'address-only': (n) => t('data_skip_address_only', n),
  media: (n) => t('data_skip_media', n),
  'not-web-page': (n) => t('data_skip_not_web_page', n),
  'page-note': (n) => t('data_skip_page_note', n),
  'orphan-reply': (n) => t('data_skip_orphan_reply', n),
  duplicate: (n) => t('data_skip_duplicate', n),
};

/** "Imported 3 highlights, updated 1; skipped 2: 1 page notes (no passage), 1 already saved." in the interface language. */
export function importSummary(r: ImportResult): string {
  let out = pluralMessage('data_imported', r.added, count(r.added));
  if (r.updated) out += t('data_import_updated', count(r.updated));
  if (r.skipped) {
    const reasons = r.skippedBy.map((s) => SKIP_REASONS[s.reason](count(s.count))).join(t('data_import_reason_separator'));
    out += t('data_import_skipped', count(r.skipped), reasons);
  }
  return `${out}.`;
}

/** How often a running import tells the background it is still wanted (well under Firefox's 30 s idle stop). */
const IMPORT_KEEPALIVE_MS = 5_000;

const FORMATS: { format: ExportFormat; label: MessageKey }[] = [
  { format: 'json', label: 'data_format_json' },
  { format: 'markdown', label: 'data_format_markdown' },
  { format: 'jsonld', label: 'data_format_jsonld' },
];

/** The data view. */
export function DataView() {
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState('');
  const [confirming, setConfirming] = useState(false);
  const status = useCall(() => callBackground('app.status', {}), [version]);

  async function exportAs(format: ExportFormat) {
    // The file comes in pieces (one message could not carry 100,000 highlights) and is joined in a Blob, never one string.
    const result = await receivePieces(
      (cursor: ExportCursor | undefined) => callBackground('highlights.export', cursor ? { format, cursor } : { format }),
      (n) => setMessage(n > 1 ? t('data_exporting_part', n) : t('data_exporting')),
    );
    if (!result.ok) return setMessage(friendlyError(result.error.message));
    saveFile(result.value.last.filename, result.value.last.mime, result.value.pieces);
    setMessage(t('data_exported', result.value.last.filename));
  }
  async function importFile(file: File | undefined) {
    if (!file) return;
    // Refused by its size, before it is read into memory and copied to the background.
    if (file.size > MAX_IMPORT_CHARS) return setMessage(importTooLargeMessage(file.size));
    const started = Date.now();
    const progress = () => setMessage(t('data_importing', file.name, bytes(file.size), Math.round((Date.now() - started) / 1000)));
    progress();
    // Firefox stops an event page it thinks idle about 30 s after its last event, even while it
    // works on a call: a large file takes longer than that to validate and write, so every few
    // seconds a cheap call counts as activity until the import answers.
    const keepAlive = setInterval(() => {
      progress();
      void callBackground('settings.get', {});
    }, IMPORT_KEEPALIVE_MS);
    const result = await sendImportText(await file.text())
      .then((source) => (source.ok ? callBackground('highlights.import', source.value) : source))
      .finally(() => clearInterval(keepAlive));
    setMessage(result.ok ? importSummary(result.value) : friendlyError(result.error.message));
    setVersion((v) => v + 1);
  }
  async function clearAll() {
    setConfirming(false);
    const result = await callBackground('highlights.clear', {});
    setMessage(result.ok ? pluralMessage('data_deleted', result.value.deleted) : friendlyError(result.error.message));
    setVersion((v) => v + 1);
  }

  return (
    <section aria-labelledby="data-title">
      <h1 id="data-title">{t('heading_your_data')}</h1>
      <p class="muted">{t('data_intro')}</p>
      <CallView
        state={status}
        loading={<Loading lines={3} />}
        ready={(s) => (
          <dl class="facts" data-testid="data-status">
            <dt>{t('data_saved_highlights')}</dt>
            <dd data-testid="highlight-count">{s.highlights}</dd>
            <dt>{t('data_corpus_entries')}</dt>
            <dd>{s.entries}</dd>
            <dt>{t('data_storage_used')}</dt>
            <dd>{s.storage.quota ? t('data_storage_of', bytes(s.storage.usage), bytes(s.storage.quota)) : bytes(s.storage.usage)}</dd>
            <dt>{t('data_when_low')}</dt>
            <dd>
              <StorageNote protection={s.storage.protection} onChanged={() => setVersion((v) => v + 1)} />
            </dd>
            <dt>{t('data_version')}</dt>
            <dd>{s.version}</dd>
          </dl>
        )}
      />
      <p role="status" aria-live="polite" class="data-message">
        {message}
      </p>
      <fieldset>
        <legend>{t('data_export')}</legend>
        {FORMATS.map((f) => (
          <button key={f.format} type="button" onClick={() => exportAs(f.format)}>
            {t(f.label)}
          </button>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('data_import')}</legend>
        <label>
          {t('data_import_label')}{' '}
          <input type="file" accept=".json,.jsonld,application/json,application/ld+json" onChange={(e) => importFile((e.currentTarget as HTMLInputElement).files?.[0])} />
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('data_delete_all')}</legend>
        {!confirming ? (
          <button type="button" onClick={() => setConfirming(true)}>
            {t('data_delete_button')}
          </button>
        ) : (
          <p>
            {t('data_delete_warning')}{' '}
            <button type="button" class="danger" onClick={clearAll}>
              {t('data_delete_confirm')}
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)} autoFocus>
              {t('action_cancel')}
            </button>
          </p>
        )}
      </fieldset>
    </section>
  );
}
