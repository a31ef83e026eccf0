/**
 * The private frame's view (see `shared/private-frame.ts`): the reader's
 * highlights that mention an entry (the card's "Your highlights") and the
 * passages of the reader's library that name it (labelled), or one
 * highlight's note to read and edit (the saved-highlight popover's note).
 * It asks the background itself, as an extension page; nothing it shows ever
 * passes through the page or its content script.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ENTRY_CARD_CSS } from '../components/entry-card/entry-card';
import { NewestOf, YourHighlights } from '../components/entry-card/sections';
import { OriginLabel } from '../components/entry-card/library-label';
import { callBackground } from '../shared/messaging';
import { useCall } from '../components/use-call';
import { extensionPageUrl } from '../shared/extension-api';
import { entryHighlightsRoute, entryRoute } from '../shared/options-routes';
import type { PrivateFrameRequest } from '../shared/private-frame';
import { t } from '../shared/i18n';

/** The frame's content for `request` (nothing to show: a short message). */
export function PrivateFrame({ request }: { request: PrivateFrameRequest | undefined }) {
  const kind = request?.kind;
  useEffect(() => {
    if (!kind) return;
    // With focus in this frame the page's key events never see Escape: the background passes it to our tab's card or popover.
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && e.isTrusted) void callBackground('private.close', { kind });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [kind]);
  if (!request) return <p class="private error">{t('private_nothing')}</p>;
  return (
    <div class="private" data-theme={request.dark ? 'dark' : 'auto'} style={request.dark ? 'color-scheme: dark' : undefined}>
      <style>{ENTRY_CARD_CSS}</style>
      {request.kind === 'entry' ? <EntryHighlights entryId={request.id} dark={request.dark} /> : <NoteEditor id={request.id} focus={request.focus === true} />}
    </div>
  );
}

function EntryHighlights({ entryId, dark }: { entryId: string; dark: boolean }) {
  const answer = useCall(() => callBackground('highlights.forEntry', { entryId }), [entryId]);
  // A new tab, as this frame is in the reader's page.
  const allHref = extensionPageUrl('options.html', entryHighlightsRoute(entryId));
  return (
    <article class="bs-card" data-theme={dark ? 'dark' : 'auto'} data-testid="private-highlights">
      {answer.status === 'error' && <p class="error">{answer.message}</p>}
      {answer.status === 'ready' && answer.value.total === 0 && <p class="bs-card__muted">{t('private_no_highlights')}</p>}
      {answer.status === 'ready' && <YourHighlights highlights={answer.value.items} total={answer.value.total} allHref={allHref} />}
      <LibraryExcerpts entryId={entryId} />
    </article>
  );
}

/** The reader's library passages naming the entry (the newest of them), each labelled with its article's outlet and date. */
function LibraryExcerpts({ entryId }: { entryId: string }) {
  const answer = useCall(() => callBackground('library.forEntry', { entryId }), [entryId]);
  // The entry's page lists every passage naming the entry, the library's labelled.
  const all = { href: extensionPageUrl('options.html', entryRoute(entryId)), label: t('private_library_all') };
  if (answer.status === 'error') return <p class="error">{answer.message}</p>;
  if (answer.status !== 'ready' || answer.value.items.length === 0) return null;
  const { items, total } = answer.value;
  return (
    <section data-testid="private-library" aria-label={t('private_from_library')}>
      <NewestOf shown={items.length} total={total} all={all} testId="library-newest" />
      <ul class="bs-card__excerpts">
        {items.map((excerpt) => (
          <li key={excerpt.passageId}>
            <OriginLabel excerpt={excerpt} />
            <blockquote dir="auto">{excerpt.text}</blockquote>
          </li>
        ))}
      </ul>
    </section>
  );
}

function NoteEditor({ id, focus }: { id: string; focus: boolean }) {
  const box = useRef<HTMLTextAreaElement>(null);
  const [saved, setSaved] = useState<string | undefined>();
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<{ message: string; error?: boolean } | undefined>();
  useEffect(() => {
    void callBackground('highlights.get', { id }).then((result) => {
      if (!result.ok) return setStatus({ message: result.error.message, error: true });
      setSaved(result.value.note);
      setNote(result.value.note);
    });
  }, [id]);
  // Opened to write a note: the caret goes into the note box, so typing never reaches the page.
  const loaded = saved !== undefined;
  useEffect(() => {
    if (loaded && focus) box.current?.focus();
  }, [loaded, focus]);
  if (saved === undefined) return status ? <p class="error">{status.message}</p> : null;
  const save = async () => {
    const result = await callBackground('highlights.update', { id, patch: { note } });
    if (!result.ok) return setStatus({ message: t('private_not_saved', result.error.message), error: true });
    setSaved(result.value.note);
    setStatus({ message: t('private_note_saved') });
  };
  return (
    <label class="stack" data-testid="private-note">
      <span class="label">{t('private_note')}</span>
      <textarea
        ref={box}
        dir="auto"
        value={note}
        maxLength={100_000}
        onInput={(e) => {
          setNote((e.currentTarget as HTMLTextAreaElement).value);
          setStatus(undefined);
        }}
      />
      <span class="row">
        <button type="button" class="primary" data-action="save-note" disabled={note === saved} onClick={() => void save()}>
          {t('private_save_note')}
        </button>
        {status && (
          <span class={status.error ? 'error' : 'status'} role={status.error ? 'alert' : 'status'}>
            {status.message}
          </span>
        )}
      </span>
    </label>
  );
}
