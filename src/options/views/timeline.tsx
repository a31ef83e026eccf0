/**
 * The corpus timeline: every dated event on an SVG time axis, zoomable from
 * decades to days (buttons, ctrl+wheel, + and - keys), filterable by actor and
 * by event type. Each event links to its source passage in the reader.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { typeGroupOf, type EntryType } from '../../shared/catalog';
import type { TimelineItem } from '../../shared/card';
import type { CallMap } from '../../shared/protocol';
import { callBackground } from '../../shared/messaging';
import { useCall } from '../../components/use-call';
import { CallView, Empty, Loading } from '../../components/status-notes';
import { typeLabel } from '../../components/entry-card/type-label';
import { entryHref, readerHref } from '../route';
import { PX_PER_YEAR, ZOOMS, assignLanes, spanOf, ticksOf, yearOf, type Zoom } from './timeline-scale';
import { plural, t, type MessageKey } from '../../shared/i18n';

type Graph = CallMap['corpus.graph']['result'];

const LEFT = 24;
/** Width of the "Earlier" band before the axis, when there is one. */
const BAND = 150;
const AXIS = 30;
const LANE = 26;
const ZOOM_LABEL: Record<Zoom, MessageKey> = { decade: 'timeline_showing_decade', year: 'timeline_showing_year', month: 'timeline_showing_month', day: 'timeline_showing_day' };

function labelWidth(name: string): number {
  return name.length * 6.8 + 18;
}

/** Actors linked to each event id, from the relation graph (both directions). */
function actorsByEvent(items: TimelineItem[], graph: Graph): Map<string, Set<string>> {
  const events = new Set(items.map((i) => i.id));
  const actorIds = new Set(graph.nodes.filter((n) => typeGroupOf(n.type) !== 'event').map((n) => n.id));
  const map = new Map<string, Set<string>>();
  for (const e of graph.edges) {
    for (const [event, actor] of [
      [e.to, e.from],
      [e.from, e.to],
    ] as const) {
      if (events.has(event) && actorIds.has(actor)) map.set(event, (map.get(event) ?? new Set()).add(actor));
    }
  }
  return map;
}

function Chart({ items, graph }: { items: TimelineItem[]; graph: Graph }) {
  const [zoom, setZoom] = useState<Zoom>('decade');
  const [actor, setActor] = useState('');
  const [hiddenTypes, setHiddenTypes] = useState<ReadonlySet<EntryType>>(new Set());
  const scroller = useRef<HTMLDivElement>(null);
  const keepCentre = useRef<number | undefined>(undefined);

  const links = useMemo(() => actorsByEvent(items, graph), [items, graph]);
  const actors = useMemo(() => {
    const ids = new Set([...links.values()].flatMap((s) => [...s]));
    return graph.nodes.filter((n) => ids.has(n.id)).sort((a, b) => a.name.localeCompare(b.name));
  }, [links, graph]);
  const actorName = actors.find((a) => a.id === actor)?.name;
  const types = useMemo(() => [...new Set(items.map((i) => i.type))].sort(), [items]);
  const shown = items.filter((i) => !hiddenTypes.has(i.type) && (!actor || links.get(i.id)?.has(actor)));

  const span = useMemo(() => spanOf(items.map((i) => i.start)), [items]);
  const ppy = PX_PER_YEAR[zoom];
  // Where the axis starts: after the "Earlier" band when some events go there.
  const axisLeft = LEFT + (span.earlier > 0 ? BAND : 0);
  const isEarlier = (iso: string) => yearOf(iso) < span.from;
  const xOf = (iso: string) => (isEarlier(iso) ? LEFT + 6 : axisLeft + (yearOf(iso) - span.from) * ppy);
  const labelOf = (i: TimelineItem) => {
    const text = i.label ?? i.name;
    return isEarlier(i.start) ? `${text} (${i.start.slice(0, 4)})` : text;
  };
  const xs = shown.map((i) => xOf(i.start));
  // Wide enough for the axis and for the last labels, which run past the last tick.
  const width = Math.max(axisLeft + LEFT + (span.to - span.from) * ppy, ...xs.map((x, i) => x + labelWidth(labelOf(shown[i]!)) + LEFT));
  // Each label gets a lane where it overlaps no other, so none is clipped or hidden.
  const lanes = assignLanes(xs, shown.map((i) => labelWidth(labelOf(i))));
  const height = AXIS + 16 + (Math.max(0, ...lanes) + 1) * LANE;
  const ticks = useMemo(() => ticksOf(span, zoom), [span, zoom]);

  function changeZoom(step: number) {
    const next = ZOOMS[Math.min(ZOOMS.length - 1, Math.max(0, ZOOMS.indexOf(zoom) + step))]!;
    if (next === zoom) return;
    const el = scroller.current;
    if (el) keepCentre.current = (el.scrollLeft + el.clientWidth / 2 - axisLeft) / ppy + span.from;
    setZoom(next);
  }

  // After a zoom, keep the year that was in the middle in the middle.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || keepCentre.current === undefined) return;
    el.scrollLeft = axisLeft + (keepCentre.current - span.from) * ppy - el.clientWidth / 2;
    keepCentre.current = undefined;
  }, [zoom]);

  // ctrl+wheel zooms; a plain wheel scrolls as usual. Needs a non-passive listener to prevent the page zoom.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey) return;
      e.preventDefault();
      changeZoom(e.deltaY < 0 ? 1 : -1);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  });

  return (
    <>
      <div class="timeline-controls">
        <div role="group" aria-label={t('timeline_zoom')}>
          <button type="button" onClick={() => changeZoom(-1)} disabled={zoom === 'decade'} data-testid="zoom-out">
            {t('timeline_zoom_out')}
          </button>{' '}
          <button type="button" onClick={() => changeZoom(1)} disabled={zoom === 'day'} data-testid="zoom-in">
            {t('timeline_zoom_in')}
          </button>{' '}
          <span class="muted" role="status" data-testid="zoom-level" data-zoom={zoom}>
            {t(ZOOM_LABEL[zoom])}
          </span>
        </div>
        <label>
          {t('timeline_actor')}{' '}
          <select data-testid="actor-filter" value={actor} onChange={(e) => setActor((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t('timeline_everyone')}</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <fieldset class="type-filter">
          <legend>{t('timeline_types')}</legend>
          {types.map((t) => (
            <label key={t}>
              <input
                type="checkbox"
                checked={!hiddenTypes.has(t)}
                onChange={(e) => {
                  const next = new Set(hiddenTypes);
                  if ((e.currentTarget as HTMLInputElement).checked) next.delete(t);
                  else next.add(t);
                  setHiddenTypes(next);
                }}
              />{' '}
              {typeLabel(t)}
            </label>
          ))}
        </fieldset>
      </div>
      <p class="muted" role="status" data-testid="timeline-count">
        {actor ? t('timeline_count_actor', shown.length, items.length, actorName ?? actor) : t('timeline_count', shown.length, items.length)}{' '}
        {actor && <a href={entryHref(actor)}>{t('timeline_about', actorName ?? '')}</a>}
      </p>
      {!shown.length && <Empty>{t('empty_no_timeline_match')}</Empty>}
      <div
        ref={scroller}
        class="timeline-scroller"
        tabIndex={0}
        aria-label={t('timeline_region')}
        role="region"
        onKeyDown={(e) => {
          if (e.key === '+' || e.key === '=') changeZoom(1);
          else if (e.key === '-' || e.key === '_') changeZoom(-1);
          else return;
          e.preventDefault();
        }}
      >
        <svg class="timeline" width={width} height={height} role="group" aria-label={plural('timeline_events', shown.length)} data-testid="timeline">
          <g class="axis" aria-hidden="true">
            {span.earlier > 0 && (
              <g class="earlier" data-testid="timeline-earlier">
                <rect x={LEFT - 4} y={AXIS - 26} width={BAND - 12} height={height - AXIS + 26} class="earlier-band" />
                <text x={LEFT + 2} y={AXIS - 12} class="tick-label tick-label--major">
                  {t('timeline_earlier')}
                </text>
              </g>
            )}
            <line x1={axisLeft} x2={width - LEFT} y1={AXIS} y2={AXIS} />
            {ticks.map((t) => {
              const x = axisLeft + (t.year - span.from) * ppy;
              return (
                <g key={t.year}>
                  <line x1={x} x2={x} y1={t.major ? AXIS - 8 : AXIS - 4} y2={t.major ? height : AXIS} class={t.major ? 'tick tick--major' : 'tick'} />
                  {t.label && (
                    <text x={x + 3} y={AXIS - 12} class={t.major ? 'tick-label tick-label--major' : 'tick-label'}>
                      {t.label}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
          {shown.map((item, i) => {
            const x = xs[i]!;
            const y = AXIS + 18 + lanes[i]! * LANE;
            const group = typeGroupOf(item.type);
            const endX = item.end ? xOf(item.end) : x;
            const href = item.source ? readerHref(item.source.documentId, item.source.passageId) : entryHref(item.id);
            const date = item.end ? `${item.start} – ${item.end}` : item.start;
            return (
              <a key={`${item.id}@${item.start}`} href={href} class={`tl-event tl-event--${group}`} data-entry-id={item.id} data-start={item.start}>
                <title>{`${item.label ? `${item.name}: ${item.label}` : item.name}, ${date}${item.inferred ? ` ${t('entry_date_inferred')}` : ''}${item.source ? ` — ${t('timeline_source', item.source.documentTitle)}` : ''}`}</title>
                {endX > x + 2 && <rect x={x} y={y - 4} width={endX - x} height={8} rx={4} class="tl-bar" />}
                <circle cx={x} cy={y} r={5} class="tl-dot" />
                <text x={x + 9} y={y + 4} class="tl-label">
                  {labelOf(item)}
                </text>
              </a>
            );
          })}
        </svg>
      </div>
    </>
  );
}

/** The timeline view. */
export function TimelineView() {
  const data = useCall(async () => {
    const [timeline, graph] = await Promise.all([callBackground('corpus.timeline', {}), callBackground('corpus.graph', {})]);
    if (!timeline.ok) return timeline;
    if (!graph.ok) return graph;
    return { ok: true as const, value: { items: timeline.value, graph: graph.value } };
  }, []);
  return (
    <section aria-labelledby="timeline-title">
      <h1 id="timeline-title">{t('view_timeline')}</h1>
      <p class="muted">{t('timeline_intro')}</p>
      <CallView
        state={data}
        loading={<Loading lines={16} label={t('timeline_loading')} />}
        ready={({ items, graph }) => (items.length ? <Chart items={items} graph={graph} /> : <Empty>{t('empty_no_dated_events')}</Empty>)}
      />
    </section>
  );
}
