import { describe, expect, it } from 'vitest';
import { SEARCH_BUCKETS, appendRow, bucketOf, bucketsOf, emptyBucket, putRow, removeRow, searchRowOf } from './highlight-search-rows';
import { sampleHighlight, sampleHighlights } from '../highlights-io/sample-highlights';

describe('search rows', () => {
  it('makes a row of the quote, note, title and URL, folded', () => {
    const row = searchRowOf(sampleHighlight(3, { quote: 'Çatalca', note: 'Voir', title: 'Ü' }));
    expect(row.text).toBe(`catalca\nvoir\nu\n${sampleHighlight(3).url}`);
    expect(row).toMatchObject({ id: sampleHighlight(3).id, site: sampleHighlight(3).site, entityIds: sampleHighlight(3).entityIds });
  });

  it('puts a highlight in the same bucket every time, and spreads them over every bucket', () => {
    expect(bucketOf('h-000001')).toBe(bucketOf('h-000001'));
    const used = new Set(sampleHighlights(2_000).map((h) => bucketOf(h.id)));
    expect(used.size).toBe(SEARCH_BUCKETS);
    for (const key of used) expect(key).toBeGreaterThanOrEqual(0);
  });

  it('adds, replaces and removes rows, keeping the columns in line', () => {
    const bucket = emptyBucket();
    const [a, b, c] = sampleHighlights(3).map(searchRowOf);
    appendRow(bucket, a!);
    putRow(bucket, b!);
    putRow(bucket, c!);
    putRow(bucket, { ...b!, text: 'changed', site: 'other.example' });
    expect(bucket.ids).toEqual([a!.id, b!.id, c!.id]);
    expect(bucket.texts[1]).toBe('changed');
    expect(removeRow(bucket, a!.id)).toBe(true);
    expect(removeRow(bucket, 'missing')).toBe(false);
    // The last row moved into the hole; every column moved with it.
    expect(bucket).toEqual({ ids: [c!.id, b!.id], texts: [c!.text, 'changed'], sites: [c!.site, 'other.example'], entityIds: [c!.entityIds, b!.entityIds], createdAt: [c!.createdAt, b!.createdAt] });
  });

  it('packs highlights into their buckets', () => {
    const all = sampleHighlights(200);
    const buckets = bucketsOf(all);
    const total = [...buckets.values()].reduce((n, b) => n + b.ids.length, 0);
    expect(total).toBe(200);
    for (const [key, bucket] of buckets) for (const id of bucket.ids) expect(bucketOf(id)).toBe(key);
  });
});
