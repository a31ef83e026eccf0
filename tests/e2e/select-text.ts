/**
 * Selecting a passage the way a reader's drag would, across the text nodes
 * that marks split it into: shared by the tests of saving, notes and
 * right-to-left selections.
 */
import type { DriverPage } from './driver';

/** Selects the first occurrence of `text` inside the element `within` (a CSS selector), across marks. */
export async function selectText(page: DriverPage, within: string, text: string): Promise<void> {
  await page.evaluate(
    ([root, needle]) => {
      // No named helper functions in here: tsx would wrap them in a `__name` call the page lacks.
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(document.querySelector(root)!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
      const at = nodes.map((n) => n.data).join('').indexOf(needle);
      if (at < 0) throw new Error(`no text ${needle}`);
      const locate = (offset: number, end: boolean): [Text, number] => {
        let base = 0;
        for (const n of nodes) {
          if (offset < base + n.length || (end && offset === base + n.length)) return [n, offset - base];
          base += n.length;
        }
        throw new Error('offset out of range');
      };
      const range = document.createRange();
      range.setStart(...locate(at, false));
      range.setEnd(...locate(at + needle.length, true));
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    [within, text] as const,
  );
}
