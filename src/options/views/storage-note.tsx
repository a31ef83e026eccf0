/**
 * The Data view's sentence on whether the browser may delete Backstory's data
 * to free disk space, and what the reader can do about it. Where the browser
 * may, a button asks it to keep the data: `navigator.storage.persist()` from
 * this page, within the reader's click (the background asks too, at install
 * and at every start, but Chromium's service worker cannot).
 */
import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../../shared/i18n';
import type { StorageProtection } from '../../shared/storage-protection';

const SENTENCES: Record<StorageProtection, { title: MessageKey; text: MessageKey }> = {
  persistent: { title: 'storage_kept', text: 'storage_persistent_text' },
  unlimited: { title: 'storage_kept', text: 'storage_unlimited_text' },
  'best-effort': { title: 'storage_best_effort', text: 'storage_best_effort_text' },
};

/** Whether Backstory's data may be evicted; `onChanged` after the browser granted persistence. */
export function StorageNote({ protection, onChanged, persist = () => navigator.storage.persist() }: { protection: StorageProtection; onChanged(): void; persist?: () => Promise<boolean> }) {
  const [refused, setRefused] = useState(false);
  const sentence = SENTENCES[protection];
  async function ask() {
    const granted = await persist().catch(() => false);
    setRefused(!granted);
    if (granted) onChanged();
  }
  return (
    <div data-testid="storage-protection" data-state={protection}>
      <p>
        <strong>{t(sentence.title)}</strong> {t(sentence.text)}
      </p>
      {protection === 'best-effort' && (
        <p>
          <button type="button" onClick={ask}>
            {t('storage_ask')}
          </button>{' '}
          {refused && <span role="status">{t('storage_declined')}</span>}
        </p>
      )}
    </div>
  );
}
