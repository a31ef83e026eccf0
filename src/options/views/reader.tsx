/**
 * The reader: the corpus articles, readable, with their entries marked (the
 * shared matcher over each passage, rendered as elements). A name opens its
 * card in a popover; `#reader/<doc>/<passage>` scrolls to that passage and
 * emphasises it (cards' excerpts link here).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { typeGroupOf, type EntryType } from '../../shared/catalog';
import type { Passage } from '../../shared/corpus';
import { compileMatcher, type Matcher } from '../../shared/matcher';
import { callBackground } from '../../shared/messaging';
import { useCall } from '../../components/use-call';
import { CallView, Empty, Loading } from '../../components/status-notes';
import { readerHref } from '../route';
import { CardPopover, type OpenCard } from './card-popover';
import { mentionRuns } from './mention-runs';
import { t } from '../../shared/i18n';

function DocumentList() {
  const docs = useCall(() => callBackground('corpus.documents', {}), []);
  return (
    <section aria-labelledby="reader-title">
      <h1 id="reader-title">{t('view_reader')}</h1>
      <p class="muted">{t('reader_intro')}</p>
      <CallView
        state={docs}
        loading={<Loading lines={8} />}
        ready={(list) =>
          list.length ? (
            <ul class="documents">
              {list.map((d) => (
                <li key={d.id} data-document-id={d.id}>
                  <a href={readerHref(d.id)}>{d.title}</a>
                  <span class="muted small">
                    {' '}
                    {d.outlet ? `${d.outlet}, ` : ''}
                    {d.published}
                    {d.publishedInferred ? ` ${t('entry_date_inferred')}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <Empty>{t('empty_no_articles')}</Empty>
          )
        }
      />
    </section>
  );
}

function PassageText({ passage, matcher, types, target, onOpen }: { passage: Passage; matcher: Matcher | undefined; types: ReadonlyMap<string, EntryType>; target: boolean; onOpen(card: OpenCard): void }) {
  const runs = useMemo(() => mentionRuns(passage.text, matcher?.match(passage.text) ?? []), [passage.text, matcher]);
  return (
    <span class={`passage${target ? ' passage--target' : ''}`} id={`passage-${passage.id}`} data-passage-id={passage.id} tabIndex={target ? -1 : undefined}>
      {runs.map((run, i) =>
        run.match ? (
          <button
            key={i}
            type="button"
            class={`reader-mark reader-mark--${typeGroupOf(types.get(run.match.entryId) ?? 'event')}`}
            data-entry-id={run.match.entryId}
            onClick={(e) => onOpen({ entryId: run.match!.entryId, name: run.text, anchor: e.currentTarget as HTMLElement, context: passage.text })}
          >
            {run.text}
          </button>
        ) : (
          run.text
        ),
      )}{' '}
    </span>
  );
}

function Article({ documentId, passageId }: { documentId: string; passageId?: string }) {
  const doc = useCall(() => callBackground('corpus.document', { id: documentId }), [documentId]);
  const matcherData = useCall(() => callBackground('corpus.matcherEntries', {}), []);
  const matcher = useMemo(() => (matcherData.status === 'ready' ? compileMatcher(matcherData.value.entries) : undefined), [matcherData]);
  const types = useMemo(() => new Map(matcherData.status === 'ready' ? matcherData.value.entries.map((e) => [e.id, e.type]) : []), [matcherData]);
  const [open, setOpen] = useState<OpenCard | undefined>();
  const article = useRef<HTMLElement>(null);

  // Scroll to the passage a link asked for, once the text is there.
  useEffect(() => {
    if (doc.status !== 'ready' || !passageId) return;
    const el = document.getElementById(`passage-${passageId}`);
    el?.scrollIntoView({ block: 'center' });
    el?.focus({ preventScroll: true });
  }, [doc.status, passageId]);

  return (
    <CallView
      state={doc}
      loading={<Loading lines={30} label={t('reader_opening')} />}
      ready={({ document: d, passages }) => {
        const paragraphs = new Map<number, Passage[]>();
        for (const p of passages) paragraphs.set(p.paragraph, [...(paragraphs.get(p.paragraph) ?? []), p]);
        return (
          <article ref={article} class="reader-article" aria-labelledby="article-title">
            <p>
              <a href={readerHref('')}>{t('reader_all_articles')}</a>
            </p>
            <h1 id="article-title">{d.title}</h1>
            <p class="muted">
              {d.outlet ? `${d.outlet} · ` : ''}
              {d.published}
              {d.publishedInferred ? ` ${t('reader_inferred', d.publishedBasis)}` : ''}
            </p>
            {[...paragraphs.entries()]
              .sort(([a], [b]) => a - b)
              .map(([n, ps]) => (
                <p key={n} class="reader-paragraph">
                  {ps.map((p) => (
                    <PassageText key={p.id} passage={p} matcher={matcher} types={types} target={p.id === passageId} onOpen={setOpen} />
                  ))}
                </p>
              ))}
            {open && <CardPopover open={open} onClose={() => setOpen(undefined)} />}
          </article>
        );
      }}
    />
  );
}

/** The reader view: the list of articles, or one article. */
export function ReaderView({ documentId, passageId }: { documentId?: string; passageId?: string }) {
  return documentId ? <Article documentId={documentId} passageId={passageId} /> : <DocumentList />;
}
