/**
 * The demo site `npm start` opens and the e2e tests read: the corpus articles
 * rendered as a small news site, so the extension has real text to work on.
 */
import type { CorpusBundle, CorpusDocument } from '../../src/shared/corpus';

/** One file of the demo site. */
export interface DemoPage {
  file: string;
  html: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML (the demo is built from text, never from markup). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const STYLE = `
  body { font: 18px/1.6 Georgia, 'Times New Roman', serif; margin: 0; color: #1f2328; background: #fdfcf9; }
  header.masthead { border-bottom: 3px double #1f2328; padding: 12px 24px; font: 700 28px/1.2 'Helvetica Neue', Arial, sans-serif; letter-spacing: .02em; }
  header.masthead a { color: inherit; text-decoration: none; }
  main { max-width: 720px; margin: 24px auto; padding: 0 24px; }
  h1 { font-size: 34px; line-height: 1.2; margin: 0 0 8px; }
  .byline { color: #57606a; font: 14px/1.4 'Helvetica Neue', Arial, sans-serif; margin-bottom: 24px; }
  ul.articles { list-style: none; padding: 0; } ul.articles li { margin: 0 0 18px; }
  ul.articles a { font-size: 22px; color: #0b3d91; }
  aside.tools { font: 14px/1.4 Arial, sans-serif; border: 1px solid #d0d7de; padding: 12px; margin: 32px 0; }
  @media (prefers-color-scheme: dark) { body { background: #15171a; color: #e6e6e6; } .byline { color: #9aa4ae; } ul.articles a { color: #8ab4f8; } header.masthead { border-color: #e6e6e6; } }
`;

function shell(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="masthead"><a href="index.html">The Backstory Gazette</a></header>
<main>
${body}
</main>
</body>
</html>
`;
}

function articlePage(doc: CorpusDocument): string {
  const byline = [doc.outlet, doc.published + (doc.publishedInferred ? ' (date inferred)' : '')].filter(Boolean).map((s) => escapeHtml(s!)).join(' · ');
  const paragraphs = doc.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const tools = `<aside class="tools"><label>Leave a comment <textarea name="comment">Putin and Assad met in Moscow.</textarea></label>
<div contenteditable="true" class="editor">Erdogan spoke in Ankara.</div></aside>`;
  return shell(doc.title, `<article>\n<h1>${escapeHtml(doc.title)}</h1>\n<div class="byline">${byline}</div>\n${paragraphs}\n</article>\n${tools}`);
}

/** Renders the index and one page per article. */
export function renderDemoPages(corpus: Pick<CorpusBundle, 'documents'>): DemoPage[] {
  const docs = [...corpus.documents].sort((a, b) => b.published.localeCompare(a.published));
  const list = docs.map((d) => `<li><a href="${encodeURIComponent(d.id)}.html">${escapeHtml(d.title)}</a><div class="byline">${escapeHtml([d.outlet, d.published].filter(Boolean).join(' · '))}</div></li>`).join('\n');
  return [
    { file: 'index.html', html: shell('The Backstory Gazette', `<h1>Latest analysis</h1>\n<ul class="articles">\n${list}\n</ul>`) },
    ...docs.map((d) => ({ file: `${d.id}.html`, html: articlePage(d) })),
  ];
}
