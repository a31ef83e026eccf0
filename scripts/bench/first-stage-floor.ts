/**
 * The page bench's floor for a page with nothing to mark: a content script
 * that does only what any design sending the page's text must do, and stops.
 * It asks for the settings and the page's saved highlights, walks the text
 * with the product's walk (`collectPageText`), and sends it for matching in one
 * message. It has no features, no annotator and no UI, so it is about 5 KB
 * where `content.js` is over 100 KB.
 *
 * The bench installs it in place of `content.js` in a copy of the production
 * build and times it as it times ours. Ours against this floor, in the same
 * run, says how much of a nothing-to-mark page's cost is the code we ship
 * rather than the walk and the message themselves. A first stage this small
 * would load the rest only when a page has something to mark.
 *
 * It leaves a `backstory:annotate` measure whose `slices` are its two pieces of
 * work (the walk and send, then the reply), as the annotator's are.
 */
import { collectPageText } from '../../src/content/dom/page-text';
import { callBackground } from '../../src/shared/messaging';

async function firstStage(): Promise<void> {
  const settings = await callBackground('settings.get', {});
  const highlights = await callBackground('highlights.forPage', {});
  if (!settings.ok || !highlights.ok) return;
  const started = performance.now();
  const page = collectPageText([document.body]);
  const reply = callBackground('page.match', { text: page.text, bounds: [0, page.text.length], exclude: [] });
  const sent = performance.now();
  const found = await reply;
  const answered = performance.now();
  const marks = found.ok ? found.value.matches.length : 0;
  const done = performance.now();
  performance.measure('backstory:annotate', { start: started, end: done, detail: { marks, slices: [started, sent - started, answered, done - answered] } });
}

void firstStage();
