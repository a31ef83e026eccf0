/**
 * The reader's card popover: the shared EntryCard component next to the name
 * that opened it. Escape or the close button closes it and gives focus back
 * to the name; related entries open in place with a way back.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { EntryCard, EntryRef } from '../../shared/card';
import { callBackground } from '../../shared/messaging';
import { EntryCardView, type CardLinks } from '../../components/entry-card/entry-card';
import { friendlyError } from '../../components/status-notes';
import { t } from '../../shared/i18n';
import { anchoredPosition } from '../../shared/anchored-position';
import { entryHighlightsHref, entryHref, readerHref } from '../route';

/** What opened the popover. */
export interface OpenCard {
  entryId: string;
  name: string;
  anchor: HTMLElement;
  /** The passage around the mention, to rank the card's excerpts. */
  context: string;
}

/** The popover. */
export function CardPopover({ open, onClose }: { open: OpenCard; onClose(): void }) {
  const [stack, setStack] = useState<EntryRef[]>([]);
  const [card, setCard] = useState<EntryCard | undefined>();
  const [error, setError] = useState<string | undefined>();
  const box = useRef<HTMLDivElement>(null);
  const shownId = stack.at(-1)?.id ?? open.entryId;

  useEffect(() => setStack([]), [open.entryId, open.anchor]);
  useEffect(() => {
    let current = true;
    setCard(undefined);
    setError(undefined);
    callBackground('corpus.cards', { ids: [shownId], context: { [shownId]: open.context } }).then((r) => {
      if (!current) return;
      if (r.ok && r.value[0]) setCard(r.value[0]);
      else setError(r.ok ? t('card_not_in_corpus') : friendlyError(r.error.message));
    });
    return () => {
      current = false;
    };
  }, [shownId]);

  useLayoutEffect(() => {
    const el = box.current;
    if (el) placeBeside(el, open.anchor);
  }, [open.anchor, card]);

  useEffect(() => {
    box.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      onClose();
      open.anchor.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node) && e.target !== open.anchor) onClose();
    };
    addEventListener('keydown', onKey);
    addEventListener('pointerdown', onPointer);
    return () => {
      removeEventListener('keydown', onKey);
      removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const links: CardLinks = {
    readerHref: (doc, passage) => readerHref(doc, passage),
    onOpenEntry: (ref) => setStack((s) => [...s, ref]),
    highlightsHref: entryHighlightsHref,
  };
  const back = stack.length ? { name: stack.at(-2)?.name ?? open.name, onBack: () => setStack((s) => s.slice(0, -1)) } : undefined;

  return (
    <div ref={box} class="card-popover" role="dialog" aria-labelledby="popover-card-title" tabIndex={-1} data-testid="card-popover">
      <EntryCardView
        card={card}
        error={error}
        titleId="popover-card-title"
        links={links}
        loadingName={stack.at(-1)?.name ?? open.name}
        back={back}
        onClose={() => {
          onClose();
          open.anchor.focus();
        }}
        footer={<a href={entryHref(shownId)}>Everything about {card?.entry.name ?? 'this entry'} →</a>}
      />
    </div>
  );
}

/**
 * Places the popover below the name, or above it when only there it fits,
 * aligned with the name's start, by the page side's rules
 * (`shared/anchored-position.ts`). The popover is absolutely positioned in the
 * reader's article (`position: relative` in options.css), so it scrolls with
 * the text: the viewport answer is moved into the article's coordinates once,
 * when it opens or its content changes.
 */
function placeBeside(el: HTMLElement, anchor: HTMLElement): void {
  const root = document.documentElement;
  const position = anchoredPosition({
    anchor: anchor.getBoundingClientRect(),
    floating: { width: el.offsetWidth, height: el.offsetHeight },
    viewport: { width: root.clientWidth, height: root.clientHeight },
    side: 'bottom',
    align: 'start',
    rtl: getComputedStyle(anchor).direction === 'rtl',
    gap: 6,
  });
  const article = el.offsetParent ?? root;
  const origin = article.getBoundingClientRect();
  Object.assign(el.style, { left: `${position.left - origin.left - article.clientLeft}px`, top: `${position.top - origin.top - article.clientTop}px` });
}
