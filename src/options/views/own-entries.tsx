/**
 * The reader's own entries, in `#library`: a form to add an actor or event
 * (name, type, other names, a short description, dates) and the list of those
 * added, each removable. `#library?name=` fills the name (the page's context
 * menu on a selection opens it so).
 */
import { useState } from 'preact/hooks';
import { ENTRY_TYPES, type EntryType } from '../../shared/catalog';
import { callBackground } from '../../shared/messaging';
import { useCall } from '../../components/use-call';
import { CallView, Empty } from '../../components/status-notes';
import { entryHref } from '../route';
import { t } from '../../shared/i18n';
import { typeLabel } from '../../components/entry-card/type-label';

function nameFromHash(): string {
  const query = location.hash.split('?', 2)[1] ?? '';
  return (new URLSearchParams(query).get('name') ?? '').slice(0, 200);
}

/** The form and the list of own entries; a new `refresh` reads the list again (a library import may have changed it). */
export function OwnEntries({ refresh = 0 }: { refresh?: number }) {
  const [version, setVersion] = useState(0);
  const list = useCall(() => callBackground('entries.list', {}), [version, refresh]);
  const [name, setName] = useState(nameFromHash);
  const [type, setType] = useState<EntryType>('person');
  const [aliases, setAliases] = useState('');
  const [description, setDescription] = useState('');
  const [start, setStart] = useState('');
  const [status, setStatus] = useState<{ message: string; error?: boolean } | undefined>();

  const add = async (event: Event) => {
    event.preventDefault();
    const entry = {
      name,
      type,
      aliases: aliases.split(',').map((a) => a.trim()).filter(Boolean),
      description,
      ...(start.trim() ? { start: start.trim() } : {}),
    };
    const result = await callBackground('entries.add', { entry });
    if (!result.ok) return setStatus({ message: result.error.message, error: true });
    setStatus({ message: t('own_added', result.value.name) });
    setName('');
    setAliases('');
    setDescription('');
    setStart('');
    setVersion((v) => v + 1);
  };

  const remove = async (id: string, label: string) => {
    const result = await callBackground('entries.remove', { id });
    setStatus(result.ok ? { message: t('own_removed', label) } : { message: result.error.message, error: true });
    setVersion((v) => v + 1);
  };

  return (
    <section aria-labelledby="own-entries-title">
      <h2 id="own-entries-title">{t('own_heading')}</h2>
      <form class="stack" onSubmit={(e) => void add(e)} data-testid="own-entry-form">
        <label>
          {t('own_name')}{' '}
          <input required maxLength={200} value={name} data-field="name" onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          {t('own_type')}{' '}
          <select value={type} data-field="type" onChange={(e) => setType(e.currentTarget.value as EntryType)}>
            {ENTRY_TYPES.map((entryType) => (
              <option key={entryType} value={entryType}>
                {typeLabel(entryType)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('own_aliases')}{' '}
          <input maxLength={2_000} value={aliases} data-field="aliases" onInput={(e) => setAliases(e.currentTarget.value)} />
        </label>
        <label>
          {t('own_description')}{' '}
          <textarea maxLength={1_000} value={description} data-field="description" onInput={(e) => setDescription(e.currentTarget.value)} />
        </label>
        <label>
          {t('own_date')}{' '}
          <input pattern="\d{4}(-\d{2}(-\d{2})?)?" value={start} data-field="start" onInput={(e) => setStart(e.currentTarget.value)} />
        </label>
        <button type="submit" class="primary" data-action="add-own-entry">
          {t('own_add')}
        </button>
      </form>
      <p class={status?.error ? 'error' : 'muted'} role={status?.error ? 'alert' : 'status'} aria-live="polite">
        {status?.message}
      </p>
      <CallView
        state={list}
        ready={(entries) =>
          entries.length === 0 ? (
            <Empty>{t('empty_own_entries')}</Empty>
          ) : (
            <ul data-testid="own-entry-list">
              {entries.map((entry) => (
                <li key={entry.id}>
                  <a href={entryHref(entry.id)}>{entry.name}</a> <span class="muted small">
                    {typeLabel(entry.type)} · {t('own_yours')}
                  </span>{' '}
                  <button type="button" class="small" aria-label={t('own_remove_label', entry.name)} onClick={() => void remove(entry.id, entry.name)}>
                    {t('settings_remove')}
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      />
    </section>
  );
}
