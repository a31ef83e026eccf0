/** Reader-facing names of entry types ("armed-group" → "Armed group"). */
import type { EntryType } from '../../shared/catalog';

const LABELS: Record<EntryType, string> = {
  person: 'Person',
  organisation: 'Organisation',
  'armed-group': 'Armed group',
  state: 'State',
  place: 'Place',
  agreement: 'Agreement',
  resolution: 'Resolution',
  law: 'Law',
  meeting: 'Meeting',
  offensive: 'Offensive',
  war: 'War',
  election: 'Election',
  event: 'Event',
};

/** The label of an entry type. */
export function typeLabel(type: EntryType): string {
  return LABELS[type];
}
