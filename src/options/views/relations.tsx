/**
 * Relations: the most connected actors as a matrix (rows and columns are
 * entries, a cell counts the passages and events they share). A table reads
 * well with a screen reader and a keyboard; a cell lists the evidence.
 */
import { useMemo, useState } from 'preact/hooks';
import { typeGroupOf } from '../../shared/catalog';
import type { EntryRef } from '../../shared/card';
import type { CallMap } from '../../shared/protocol';
import { callBackground } from '../../shared/messaging';
import { useCall } from '../../components/use-call';
import { CallView, Empty, Loading } from '../../components/status-notes';
import { entryHref } from '../route';
import { t } from '../../shared/i18n';

type Graph = CallMap['corpus.graph']['result'];

/** How many actors the matrix shows. */
const TOP = 14;

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

function Matrix({ graph }: { graph: Graph }) {
  const [pair, setPair] = useState<[EntryRef, EntryRef] | undefined>();
  const { top, weights, relations } = useMemo(() => {
    const weights = new Map<string, number>();
    const relations = new Map<string, string[]>();
    const degree = new Map<string, number>();
    const actors = new Set(graph.nodes.filter((n) => typeGroupOf(n.type) !== 'event').map((n) => n.id));
    for (const e of graph.edges) {
      if (!actors.has(e.from) || !actors.has(e.to) || e.from === e.to) continue;
      const key = pairKey(e.from, e.to);
      weights.set(key, (weights.get(key) ?? 0) + e.weight);
      relations.set(key, [...(relations.get(key) ?? []), e.relation]);
      degree.set(e.from, (degree.get(e.from) ?? 0) + e.weight);
      degree.set(e.to, (degree.get(e.to) ?? 0) + e.weight);
    }
    const top = graph.nodes.filter((n) => degree.has(n.id)).sort((a, b) => degree.get(b.id)! - degree.get(a.id)! || a.name.localeCompare(b.name)).slice(0, TOP);
    return { top, weights, relations };
  }, [graph]);
  if (!top.length) return <Empty>{t('empty_no_relations')}</Empty>;
  const max = Math.max(1, ...top.flatMap((a) => top.map((b) => (a.id === b.id ? 0 : (weights.get(pairKey(a.id, b.id)) ?? 0)))));
  return (
    <>
      <div class="matrix-scroller">
        <table class="matrix" data-testid="relations-matrix">
          <caption class="muted">The {top.length} most connected actors. A number is how many passages or events two of them share; choose it to see how.</caption>
          <thead>
            <tr>
              <td />
              {top.map((c) => (
                <th key={c.id} scope="col" class="matrix__col">
                  <a href={entryHref(c.id)}>{c.name}</a>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {top.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <span class={`swatch swatch--${typeGroupOf(r.type)}`} aria-hidden="true" />
                  <a href={entryHref(r.id)}>{r.name}</a>
                </th>
                {top.map((c) => {
                  const w = r.id === c.id ? 0 : (weights.get(pairKey(r.id, c.id)) ?? 0);
                  return (
                    <td key={c.id} style={w ? { background: `color-mix(in srgb, var(--accent) ${Math.round(8 + (24 * w) / max)}%, transparent)` } : undefined}>
                      {w > 0 && (
                        <button type="button" class="cell" aria-label={`${r.name} and ${c.name}: ${w} shared`} onClick={() => setPair([r, c])}>
                          {w}
                        </button>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pair && (
        <section class="pair" aria-live="polite">
          <h2>
            <a href={entryHref(pair[0].id)}>{pair[0].name}</a> {t('relations_and')} <a href={entryHref(pair[1].id)}>{pair[1].name}</a>
          </h2>
          <ul>
            {[...new Set(relations.get(pairKey(pair[0].id, pair[1].id)) ?? [])].map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** The relations view. */
export function RelationsView() {
  const graph = useCall(() => callBackground('corpus.graph', {}), []);
  return (
    <section aria-labelledby="relations-title">
      <h1 id="relations-title">{t('view_relations')}</h1>
      <CallView state={graph} loading={<Loading lines={16} />} ready={(g) => <Matrix graph={g} />} />
    </section>
  );
}
