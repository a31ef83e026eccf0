import { describe, expect, it } from 'vitest';
import type { EntrySummary } from '../shared/card';
import { groupFound } from './page-overview';

const entries = new Map<string, EntrySummary>([
  ['putin', { id: 'putin', name: 'Vladimir Putin', type: 'person', mentionCount: 1, summary: '' }],
  ['assad', { id: 'assad', name: 'Bashar al-Assad', type: 'person', mentionCount: 1, summary: '' }],
  ['hts', { id: 'hts', name: 'Hayat Tahrir al-Sham', type: 'armed-group', mentionCount: 1, summary: '' }],
  ['syria', { id: 'syria', name: 'Syria', type: 'state', mentionCount: 1, summary: '' }],
]);

describe('groupFound', () => {
  it('groups by colour group in display order, most mentioned first, names from the catalog', () => {
    const groups = groupFound({ syria: 4, putin: 1, assad: 3, hts: 2, gone: 1, zero: 0 }, entries);
    expect(groups.map((g) => g.group)).toEqual(['person', 'group', 'state', 'event']);
    expect(groups[0]!.entries).toEqual([
      { id: 'assad', name: 'Bashar al-Assad', count: 3 },
      { id: 'putin', name: 'Vladimir Putin', count: 1 },
    ]);
    expect(groups[0]!.mentions).toBe(4);
    expect(groups[3]!.entries).toEqual([{ id: 'gone', name: 'gone', count: 1 }]);
  });

  it('is empty for a page without names', () => {
    expect(groupFound({}, entries)).toEqual([]);
  });
});
