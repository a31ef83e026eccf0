/**
 * The Data view's sentence on whether the browser may delete Backstory's data
 * to free disk space, and what the reader can do about it. Where the browser
 * may, a button asks it to keep the data: `navigator.storage.persist()` from
 * this page, within the reader's click (the background asks too, at install
 * and at every start, but Chromium's service worker cannot).
 */
import { useState } from 'preact/hooks';
import type { StorageProtection } from '../../shared/storage-protection';

const SENTENCES: Record<StorageProtection, { title: string; text: string }> = {
  persistent: {
    title: 'Kept when disk space runs low.',
    text: 'The browser has marked Backstory’s storage persistent: it will not delete your highlights to make room. Removing Backstory, or deleting them here, still does; export them first.',
  },
  unlimited: {
    title: 'Kept when disk space runs low.',
    text: 'The browser does not mark Backstory’s storage persistent, but it never clears an extension with unlimited storage to make room. Removing Backstory still deletes your highlights; export them first.',
  },
  'best-effort': {
    title: 'The browser may delete this data when disk space runs low.',
    text: 'Ask it to keep Backstory’s data, and export your highlights now and then so a copy is safe.',
  },
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
        <strong>{sentence.title}</strong> {sentence.text}
      </p>
      {protection === 'best-effort' && (
        <p>
          <button type="button" onClick={ask}>
            Ask the browser to keep Backstory’s data
          </button>{' '}
          {refused && <span role="status">The browser declined. Export your highlights regularly to keep a copy.</span>}
        </p>
      )}
    </div>
  );
}
