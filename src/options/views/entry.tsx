/**
 * An entry's full page: the card (the same component as the hover card), then
 * every passage that mentions it (those of the reader's library labelled) and
 * every relation, each linking onward.
 */
import { callBackground } from '../../shared/messaging';
import { useCall } from '../../components/use-call';
import { CallView, Empty } from '../../components/status-notes';
import { EntryCardView } from '../../components/entry-card/entry-card';
import { OriginLabel } from '../../components/entry-card/library-label';
import { OPTIONS_CARD_LINKS } from '../card-links';
import { entryHref, readerHref } from '../route';
import { t } from '../../shared/i18n';

/** The entry page. */
export function EntryView({ id }: { id: string }) {
  const page = useCall(() => callBackground('corpus.entryPage', { id }), [id]);
  return (
    <div class="entry-page">
      <p>
        <a href="#explorer">← All entries</a>
      </p>
      <CallView
        state={page}
        loading={<EntryCardView card={undefined} titleId="entry-title" links={OPTIONS_CARD_LINKS} headingLevel={1} />}
        ready={({ card, passages, relations }) => (
          <>
            <EntryCardView card={card} titleId="entry-title" links={OPTIONS_CARD_LINKS} headingLevel={1} />
            <section aria-labelledby="passages-title" class="entry-section">
              <h2 id="passages-title">{t('entry_passages', card.entry.name, passages.length)}</h2>
              {!passages.length && <Empty>{t('entry_no_passages', card.entry.name)}</Empty>}
              <ol class="passages">
                {passages.map((p) => (
                  <li key={p.passageId} data-passage-id={p.passageId}>
                    {/* What the reader added is not the corpus: labelled as the cards label it. */}
                    {p.origin === 'user' && <OriginLabel excerpt={p} />}
                    <blockquote dir="auto">{p.text}</blockquote>
                    <a href={readerHref(p.documentId, p.passageId)}>
                      {p.documentTitle}
                      {p.outlet ? `, ${p.outlet}` : ''}, {p.published}
                      {p.publishedInferred ? ` ${t('entry_date_inferred')}` : ''}
                    </a>
                  </li>
                ))}
              </ol>
            </section>
            <section aria-labelledby="relations-title" class="entry-section">
              <h2 id="relations-title">{t('entry_relations', relations.length)}</h2>
              {!relations.length && <Empty>{t('entry_no_relations', card.entry.name)}</Empty>}
              <ul class="relations">
                {relations.map((r) => (
                  <li key={`${r.id}:${r.relation}`}>
                    <a href={entryHref(r.id)}>{r.name}</a> <span class="muted">— {r.relation}</span>
                    {r.evidence && (
                      <>
                        {' '}
                        <a class="small" href={readerHref(r.evidence.documentId, r.evidence.passageId)}>
                          {t('entry_source')}
                        </a>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          </>
        )}
      />
    </div>
  );
}
