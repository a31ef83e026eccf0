/**
 * The page bench's floor for a page with nothing to mark: a content script
 * that does only what any design sending the page's text must do, and stops.
 * It asks for the settings and the page's saved highlights, walks the text
 * with the product's walk (`collectPageText`), and sends it for matching in one
 * message. It has no features, no annotator, no UI and nothing that watches
 * for later: a few KB (the bench prints its size).
 *
 * The bench installs it in place of `content.js` in a copy of the production
 * build and times it as it times ours. Ours against this floor, in the same
 * run, says how much of a nothing-to-mark page's cost is the code we ship
 * rather than the walk and the message themselves. Our `content.js` is the
 * first stage (`src/content/first-stage.ts`), which does this and watches for
 * what loads the content app later: the difference is that watching.
 *
 * It leaves a `backstory:annotate` measure whose `slices` are its two pieces of
 * work (the walk and send, then the reply), as the annotator's are, and `ok`,
 * so that a floor the background refused is not timed as one that worked.
 *
 * The whole text goes in one message, as one chunk: the same as the annotator
 * sends for a page under one message's worth of text (`MESSAGE_TEXT_CHARS`),
 * which the bench's page with nothing to mark is; not a floor for larger pages.
 */
import { collectPageText } from '../../src/content/dom/page-text';
import { callBackground } from '../../src/shared/messaging';

async function firstStage(): Promise<void> {
  const settings = await callBackground('settings.get', {});
  const highlights = await callBackground('highlights.forPage', {});
  if (!settings.ok || !highlights.ok) {
    const failed = settings.ok ? highlights : settings;
    performance.measure('backstory:annotate', { detail: { slices: [], ok: false, error: failed.ok ? '' : failed.error.message } });
    return;
  }
  const started = performance.now();
  const page = collectPageText([document.body]);
  const reply = callBackground('page.match', { text: page.text, bounds: [0, page.text.length], exclude: [] });
  const sent = performance.now();
  const found = await reply;
  const answered = performance.now();
  const marks = found.ok ? found.value.matches.length : 0;
  const done = performance.now();
  performance.measure('backstory:annotate', {
    start: started,
    end: done,
    detail: { marks, slices: [started, sent - started, answered, done - answered], ok: found.ok, error: found.ok ? '' : found.error.message },
  });
}

void firstStage();
