import { MAX_DISABLED_SITES } from '../../shared/settings';
import { CallFailure, type Handlers } from '../router';
import type { Services } from '../services';
import { TooManyCorrections } from '../db/correction-store';

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
      try {
        return { excluded: await s.corrections.add(site, entryId) };
      } catch (error) {
        if (error instanceof TooManyCorrections) throw new CallFailure('invalid-message', error.message);
        throw error;
      }
    },
  };
}
