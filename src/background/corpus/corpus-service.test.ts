import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { CorpusBundle, TimelineEvent } from '../../shared/corpus';
import { openDatabase } from '../db/open';
import { CorpusStore } from '../db/corpus-store';
import { FIXTURE } from '../cards/cards.fixture';
import { CorpusService } from './corpus-service';

function event(id: string, entryId: string, start: string): TimelineEvent {
  return { ...FIXTURE.timeline[0]!, id, entryId, start };
}

describe('CorpusService', () => {
  it('gives cards and the views one timeline order, ties included', async () => {
    // Same start: the id order and the entry order disagree, so two rules would show.
    const bundle: CorpusBundle = { ...FIXTURE, hash: 'ties', timeline: [event('a-event', 'zed', '2020-05'), event('z-event', 'alpha', '2020-05'), event('m-event', 'mid', '2019')] };
    const service = new CorpusService(new CorpusStore(await openDatabase(`model-${Math.random()}`)), { bundledHash: 'ties', loadBundle: async () => bundle });
    const model = await service.model();
    const forCards = model.index.timeline.map((t) => t.id);
    expect(model.snapshot.timeline.map((t) => t.id)).toEqual(forCards);
    expect(forCards).toEqual(['m-event', 'z-event', 'a-event']);
  });

  it('reads the stores once per content hash and again after the hash changes', async () => {
    const store = new CorpusStore(await openDatabase(`model-${Math.random()}`));
    const service = new CorpusService(store, { bundledHash: FIXTURE.hash, loadBundle: async () => FIXTURE });
    const first = await service.model();
    expect(await service.model()).toBe(first);
    await store.loadBundle({ ...FIXTURE, hash: 'next' });
    const next = await service.model();
    expect(next.hash).toBe('next');
    expect(service.modelReads).toBe(2);
  });
});
