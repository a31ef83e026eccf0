import { MAX_CORRECTIONS_PER_SITE, MAX_DISABLED_SITES } from '../../shared/settings';
import { CallFailure, type Handlers } from '../router';
import type { Services } from '../services';

/** `settings.*` and `corrections.*`. */
export function settingsHandlers(s: Services): Pick<Handlers, 'settings.get' | 'settings.update' | 'settings.toggleSite' | 'corrections.add'> {
  return {
    'settings.get': () => s.settings.get(),
    async 'settings.update'({ patch }) {
      const next = await s.settings.update(patch);
      await s.broadcastSettings(next);
      return next;
    },
    async 'settings.toggleSite'({ site, enabled }) {
      const current = await s.settings.get();
      const others = current.disabledSites.filter((d) => d !== site);
      if (!enabled && others.length >= MAX_DISABLED_SITES) throw new CallFailure('invalid-message', `Highlighting is already off on ${MAX_DISABLED_SITES.toLocaleString('en')} sites, the most Backstory keeps.`);
      const next = await s.settings.update({ disabledSites: enabled ? others : [...others, site] });
      await s.broadcastSettings(next);
      return next;
    },
    async 'corrections.add'({ entryId }, sender) {
      const site = sender.site!;
      const tx = s.db.transaction('corrections', 'readwrite');
      const record = (await tx.store.get(site)) ?? { site, excluded: [] };
      if (!record.excluded.includes(entryId)) {
        if (record.excluded.length >= MAX_CORRECTIONS_PER_SITE) {
          // The transaction ends unused: nothing is written.
          await tx.done;
          throw new CallFailure('invalid-message', `This site already holds ${MAX_CORRECTIONS_PER_SITE.toLocaleString('en')} corrections, the most Backstory keeps.`);
        }
        record.excluded.push(entryId);
      }
      await tx.store.put(record);
      await tx.done;
      return { excluded: record.excluded };
    },
  };
}
