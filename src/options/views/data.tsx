/**
 * Data: how much is stored and whether the browser may evict it, export (JSON, Markdown, JSON-LD) as a download,
 * import from a file, and clearing every highlight after a confirmation.
 */
import { useState } from 'preact/hooks';
import type { ExportFormat } from '../../shared/protocol';
import { callBackground } from '../../shared/messaging';
import { MAX_IMPORT_CHARS, importTooLargeMessage } from '../../shared/import-limits';
import { useCall } from '../../components/use-call';
import { CallView, Loading, friendlyError } from '../../components/status-notes';
import { StorageNote } from './storage-note';

function bytes(n: number | undefined): string {
  if (n === undefined) return 'unknown';
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function download(filename: string, mime: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  // Give the browser time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'json', label: 'JSON (Backstory, re-importable)' },
  { format: 'markdown', label: 'Markdown (for notes)' },
  { format: 'jsonld', label: 'JSON-LD (W3C Web Annotation)' },
];

/** The data view. */
export function DataView() {
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState('');
  const [confirming, setConfirming] = useState(false);
  const status = useCall(() => callBackground('app.status', {}), [version]);

  async function exportAs(format: ExportFormat) {
    const result = await callBackground('highlights.export', { format });
    if (!result.ok) return setMessage(friendlyError(result.error.message));
    download(result.value.filename, result.value.mime, result.value.text);
    setMessage(`Exported to ${result.value.filename}.`);
  }
  async function importFile(file: File | undefined) {
    if (!file) return;
    // Refused by its size, before it is read into memory and copied to the background.
    if (file.size > MAX_IMPORT_CHARS) return setMessage(importTooLargeMessage(file.size));
    const result = await callBackground('highlights.import', { text: await file.text() });
    setMessage(result.ok ? `Imported ${result.value.added} ${result.value.added === 1 ? 'highlight' : 'highlights'}; skipped ${result.value.skipped} already here.` : friendlyError(result.error.message));
    setVersion((v) => v + 1);
  }
  async function clearAll() {
    setConfirming(false);
    const result = await callBackground('highlights.clear', {});
    setMessage(result.ok ? `Deleted ${result.value.deleted} highlights.` : friendlyError(result.error.message));
    setVersion((v) => v + 1);
  }

  return (
    <section aria-labelledby="data-title">
      <h1 id="data-title">Your data</h1>
      <p class="muted">Everything stays in this browser. Nothing is sent anywhere.</p>
      <CallView
        state={status}
        loading={<Loading lines={3} />}
        ready={(s) => (
          <dl class="facts" data-testid="data-status">
            <dt>Saved highlights</dt>
            <dd data-testid="highlight-count">{s.highlights}</dd>
            <dt>Corpus entries</dt>
            <dd>{s.entries}</dd>
            <dt>Storage used</dt>
            <dd>
              {bytes(s.storage.usage)}
              {s.storage.quota ? ` of ${bytes(s.storage.quota)} available` : ''}
            </dd>
            <dt>When disk space runs low</dt>
            <dd>
              <StorageNote protection={s.storage.protection} onChanged={() => setVersion((v) => v + 1)} />
            </dd>
            <dt>Version</dt>
            <dd>{s.version}</dd>
          </dl>
        )}
      />
      <p role="status" aria-live="polite" class="data-message">
        {message}
      </p>
      <fieldset>
        <legend>Export highlights</legend>
        {FORMATS.map((f) => (
          <button key={f.format} type="button" onClick={() => exportAs(f.format)}>
            {f.label}
          </button>
        ))}
      </fieldset>
      <fieldset>
        <legend>Import highlights</legend>
        <label>
          A Backstory JSON or W3C JSON-LD file{' '}
          <input type="file" accept=".json,.jsonld,application/json,application/ld+json" onChange={(e) => importFile((e.currentTarget as HTMLInputElement).files?.[0])} />
        </label>
      </fieldset>
      <fieldset>
        <legend>Delete every highlight</legend>
        {!confirming ? (
          <button type="button" onClick={() => setConfirming(true)}>
            Delete all highlights…
          </button>
        ) : (
          <p>
            This cannot be undone. Export first if you may want them back.{' '}
            <button type="button" class="danger" onClick={clearAll}>
              Yes, delete them all
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)} autoFocus>
              Cancel
            </button>
          </p>
        )}
      </fieldset>
    </section>
  );
}
