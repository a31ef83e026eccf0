/**
 * Where an entry sits on the corpus timeline: for an event, what came just
 * before and after it; for an actor, the dated events it took part in.
 */
import type { EntryRef, TimelineItem } from '../../shared/card';
import type { TimelineEvent } from '../../shared/corpus';
import type { CorpusIndex } from './corpus-index';
import { excerptOf } from './excerpts';

/** How many neighbours an event's card lists on each side. */
export const NEIGHBOURS = 2;
/** How many key events an actor's card lists at most (the newest ones). */
export const KEY_EVENTS = 6;

/** A short reference to an entry, if it exists. */
export function refOf(index: CorpusIndex, id: string): EntryRef | undefined {
  const entry = index.entries.get(id);
  return entry ? { id: entry.id, name: entry.name, type: entry.type } : undefined;
}

/** A timeline event as the card lists it, with the sentence that dates it. */
export function toTimelineItem(index: CorpusIndex, event: TimelineEvent): TimelineItem | undefined {
  const ref = refOf(index, event.entryId);
  if (!ref) return undefined;
  const item: TimelineItem = { ...ref, start: event.start, inferred: event.inferred };
  if (event.end !== undefined) item.end = event.end;
  if (event.label !== undefined) item.label = event.label;
  const source = excerptOf(index, event.passageIds[0]);
  if (source) item.source = source;
  return item;
}

function items(index: CorpusIndex, events: readonly TimelineEvent[]): TimelineItem[] {
  return events.map((e) => toTimelineItem(index, e)).filter((i): i is TimelineItem => i !== undefined);
}

/**
 * The events just before and just after an event's (first) date, other entries
 * only. A labelled date is a fact about the event, not when it happened, so it
 * does not place it.
 */
export function timelineNeighbours(index: CorpusIndex, entryId: string, n = NEIGHBOURS): { before: TimelineItem[]; after: TimelineItem[] } {
  const own = index.timelineByEntry.get(entryId)?.find((e) => e.label === undefined);
  if (!own) return { before: [], after: [] };
  const at = index.timeline.indexOf(own);
  // Dated facts stay on their own entry's card and its actors' key events.
  const others = (e: TimelineEvent): boolean => e.entryId !== entryId && e.label === undefined;
  const before = index.timeline.slice(0, at).filter(others).slice(-n);
  const after = index.timeline.slice(at + 1).filter(others).slice(0, n);
  return { before: items(index, before), after: items(index, after) };
}

/**
 * The dated events an actor took part in: those whose entry lists it as a
 * participant, or whose dating passages name it. Oldest first, the newest
 * {@link KEY_EVENTS} kept, one date per event (a dated fact, with its label,
 * counts apart from its event's own date).
 */
export function keyEvents(index: CorpusIndex, actorId: string, max = KEY_EVENTS): TimelineItem[] {
  const seen = new Set<string>();
  const found: TimelineEvent[] = [];
  for (const event of index.timeline) {
    const key = event.label === undefined ? event.entryId : event.id;
    if (event.entryId === actorId || seen.has(key)) continue;
    const participant = index.entries.get(event.entryId)?.participants.includes(actorId) ?? false;
    const named = event.passageIds.some((id) => index.passages.get(id)?.mentionCounts.has(actorId));
    if (!participant && !named) continue;
    seen.add(key);
    found.push(event);
  }
  return items(index, found.slice(-max));
}
