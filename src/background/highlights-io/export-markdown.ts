import type { Highlight } from '../../shared/highlight';
import { isoTimeOf } from '../../shared/highlight-rules';

/**
 * Escapes characters Markdown (and the HTML it allows) would interpret, so a
 * note containing `<script>` stays text in any Markdown viewer.
 */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
}

/** `> ` before every line, so multi-paragraph quotes stay one block quote. */
function blockQuote(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => `> ${escapeMarkdown(line)}`.trimEnd())
    .join('\n');
}

/** The start of a Markdown export of `total` highlights. */
export function markdownFrame(total: number, date: Date): string {
  return `# Backstory highlights\n\nExported ${date.toISOString().slice(0, 10)}: ${total} highlights.\n`;
}

/**
 * Highlights as Markdown sections, one per page in the order given (a page's
 * highlights together), passages in page order, the entities each passage
 * mentions as `[[Name]]` links for note-taking tools.
 */
export function markdownPage(highlights: readonly Highlight[], nameOf: (entityId: string) => string | undefined): string {
  const pages = new Map<string, Highlight[]>();
  for (const h of highlights) {
    const list = pages.get(h.url) ?? [];
    list.push(h);
    pages.set(h.url, list);
  }
  const out: string[] = [];
  for (const [url, list] of pages) {
    const title = list.find((h) => h.title.trim())?.title.trim() || url;
    out.push('', `## [${escapeMarkdown(title)}](<${url.replace(/>/g, '%3E')}>)`);
    for (const h of [...list].sort((a, b) => a.selectors[1].start - b.selectors[1].start)) {
      out.push('', blockQuote(h.quote));
      const names = h.entityIds.map((id) => nameOf(id) ?? id).map((name) => `[[${name.replace(/[[\]]/g, '')}]]`);
      const meta = [`${h.colour}`];
      // A stored time that is no date is left out rather than failing the whole export.
      const date = isoTimeOf(h.createdAt)?.slice(0, 10);
      if (date) meta.push(date);
      if (names.length) meta.push(names.join(' '));
      out.push('', `— ${meta.join(' · ')}`);
      // Hard line breaks ("  \n") keep a multi-line note together as one paragraph.
      if (h.note.trim()) out.push('', `**Note:** ${h.note.trim().split(/\r?\n/).map(escapeMarkdown).join('  \n')}`);
    }
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

/** Every highlight as Markdown grouped by page (pages in address order), in one string. */
export function exportMarkdown(highlights: readonly Highlight[], nameOf: (entityId: string) => string | undefined, now = new Date()): string {
  const byPage = [...highlights].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  return markdownFrame(highlights.length, now) + markdownPage(byPage, nameOf);
}
