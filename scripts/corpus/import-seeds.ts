/**
 * One-off import of the seed files (`/work/shared/corpus/*.txt`) into one
 * Markdown file per article in `assets/corpus/`. Run once; its output is
 * committed and then curated by hand only through this script:
 *
 *   npx tsx scripts/corpus/import-seeds.ts [seedDir] [outDir]
 *
 * Each seed line is one paragraph. The script drops site boilerplate, the
 * repeated title, the stated date line, exact repeats and near-duplicates
 * (keeping the fuller version), and merges an article found in two seed files.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldText, mergeCopies, type DedupNote } from './dedup';
import { formatDocument, type DocumentBlock, type DocumentMeta } from './documents';

/** Where an article sits in a seed file: 1-based line numbers, inclusive. */
interface SeedRange {
  seed: string;
  from: number;
  to: number;
}

/** Hand-written metadata of one article. */
interface ArticleSpec {
  id: string;
  meta: Omit<DocumentMeta, 'seeds'>;
  /** Every copy of the article; the first is the base copy. */
  ranges: SeedRange[];
  /** Lines that are section headings (kept as `## ` blocks). */
  headings: string[];
}

/**
 * The articles. Dates: stated where the page prints one; otherwise inferred
 * from the newest dated event the text reports, at the precision the text
 * supports (a month when only the month is certain).
 */
export const ARTICLES: ArticleSpec[] = [
  {
    id: '2017-01-ecfr-russias-syria-quandary',
    meta: {
      title: 'Russia’s Syria Quandary',
      outlet: 'European Council on Foreign Relations',
      outletBasis: 'Page footer: “The European Council on Foreign Relations does not take collective positions. ECFR publications only represent the views of their individual authors.”',
      published: '2017-01',
      publishedInferred: true,
      publishedBasis:
        'Reports “This week’s Russian-sponsored Syria peace talks in Astana” (the first Astana talks, 23–24 January 2017), joint Russian-Turkish strikes around al-Bab “this week”, Boris Johnson’s remark “this week”, “new UN-sponsored intra-Syrian talks scheduled for February have now been delayed” and “the election of President Donald Trump”: late January 2017.',
    },
    ranges: [{ seed: '002_6d545f22538579d6.txt', from: 1, to: 44 }],
    headings: [],
  },
  {
    id: '2020-09-asharq-four-pieces-of-advice',
    meta: {
      title: '4 Pieces of Advice from Russia to its ‘Difficult Ally’ Syria',
      outletBasis:
        'No outlet recorded: the text never names one. The seed page has the same site furniture (“TT”, “20”, caption printed twice) as the Asharq Al-Awsat article in the same seed file, but an outlet is recorded only where the text names it.',
      published: '2020-09-08',
      publishedInferred: true,
      publishedBasis:
        'Caption: “during their meeting in Damascus on September 7”; body: “yesterday’s ‘significant visit’”, “five years since his direct military intervention in Syria” (September 2015), “the Syria of 2020” and “ahead of November’s presidential elections” with Joe Biden a candidate: 8 September 2020.',
    },
    ranges: [{ seed: '000_15b595e76962455f.txt', from: 1, to: 45 }],
    headings: ['‘American sword’', 'Iranian ‘crescent’', 'Decentralization', 'New Syria'],
  },
  {
    id: '2022-08-asharq-goblet-of-normalization',
    meta: {
      title: 'Assad, Erdogan...and Putin’s ‘Goblet of Normalization’',
      outletBasis:
        'No outlet recorded: the text never names one. The seed page has the same site furniture (“TT”, “20”, caption printed twice) as the Asharq Al-Awsat article in the same seed file, but an outlet is recorded only where the text names it.',
      published: '2022-08',
      publishedInferred: true,
      publishedBasis:
        'Putin’s proposal to Erdogan “a few days ago at their meeting in the Black Sea city of Sochi” (5 August 2022), “Russia’s military intervention in Syria seven years ago” (2015), Erdogan’s elections “in the middle of next year” (2023) and Cavusoglu “recently recalling a ‘quick chat’ he had with his Syrian counterpart last year”: August 2022.',
    },
    ranges: [{ seed: '001_53c99c3d2c122f26.txt', from: 1, to: 77 }],
    headings: [],
  },
  {
    id: '2025-04-asharq-isis-eyes-revival',
    meta: {
      title: 'ISIS in Syria Eyes Revival by Exploiting Jihadist Disillusionment',
      outlet: 'Asharq Al-Awsat',
      published: '2025-04',
      publishedInferred: true,
      publishedBasis:
        'Newest dated event: “ISIS issued a rare video statement on April 20, 2025”; al-Sharaa’s “recent appearance with his wife during a diplomatic visit to Antalya” (April 2025) and his invitation to “the upcoming Arab League summit in Baghdad” (held 17 May 2025) while “most international sanctions remain in place”: late April 2025 (possibly early May).',
    },
    ranges: [
      { seed: '000_15b595e76962455f.txt', from: 49, to: 149 },
      { seed: '001_53c99c3d2c122f26.txt', from: 81, to: 181 },
    ],
    headings: [
      'Blow after blow',
      'Tactical shift',
      'Idlib’s experience and a comprehensive strategy',
      'Targeting the new administration',
      'Fragile transition amid internal and regional tensions',
    ],
  },
  {
    id: '2025-10-sharaa-overture-to-putin',
    meta: {
      title: 'Unpacking Sharaa\'s diplomatic overture to Putin',
      published: '2025-10',
      publishedInferred: true,
      publishedBasis:
        'Reports as past “On 15 October, Syrian President Ahmed al‑Sharaa met Russian President Vladimir Putin in Moscow” (caption: “on October 15, 2025”) and Putin “praising Syria’s recent parliamentary elections”: second half of October 2025.',
    },
    ranges: [{ seed: '003_ebcc8331d76e5d37.txt', from: 1, to: 85 }],
    headings: ['The origins of hostilities', 'Russian success', 'Caught off guard'],
  },
  {
    id: '2025-10-syria-direct-rapprochement-with-russia',
    meta: {
      title: 'Why is Syria seeking rapprochement with Russia despite its unpopularity?',
      outlet: 'Syria Direct',
      outletBasis: 'Interviewees speak to the outlet by name: “told Syria Direct”.',
      published: '2025-10-22',
      publishedInferred: false,
      publishedBasis: 'Dateline printed under the standfirst: “22 October 2025”.',
    },
    ranges: [{ seed: '004_9118674a8c2438fc.txt', from: 1, to: 82 }],
    headings: ['Mutual interests', 'Conditions for re-engagement'],
  },
];

/** Site furniture, photo credits, newsletter and sharing lines, page footers. */
export const BOILERPLATE: RegExp[] = [
  /^TT$/,
  /^\d{1,3}$/,
  /^\d+ min read$/i,
  /^font change$/i,
  /^Share this article$/i,
  /^Read more:/,
  /^AFP$/,
  /^[\p{L} .'-]+ \/ AFP$/u,
  /^Subscribe to our weekly newsletter$/i,
  /^We will store your email address/,
  /^Director, Middle East and North Africa programme$/,
  /^The European Council on Foreign Relations does not take collective positions\./,
];

/** A printed dateline ("22 October 2025"); read into the metadata, not the body. */
const DATELINE = /^\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/;

/** The blocks of one article, with a log of what was dropped. */
export function importArticle(spec: ArticleSpec, readSeed: (name: string) => string, log: string[] = []): DocumentBlock[] {
  const title = foldText(spec.meta.title);
  const headings = new Set(spec.headings.map(foldText));
  const notes: DedupNote[] = [];
  const copies = spec.ranges.map((r) => {
    const lines = readSeed(r.seed).split(/\r?\n/).slice(r.from - 1, r.to);
    const first = lines[0]?.trim() ?? '';
    if (foldText(first) !== title && r.from !== 1) {
      throw new Error(`${spec.id}: ${r.seed}:${r.from} does not start with the title (found "${first}")`);
    }
    const kept: string[] = [];
    for (const raw of lines) {
      const line = raw.replace(/^\s+|\s+$/g, '');
      if (line === '') continue;
      const folded = foldText(line);
      if (folded === title) log.push(`${spec.id}: dropped title line`);
      else if (BOILERPLATE.some((re) => re.test(line))) log.push(`${spec.id}: dropped boilerplate "${line.slice(0, 60)}"`);
      else if (DATELINE.test(line)) log.push(`${spec.id}: dropped dateline "${line}"`);
      else kept.push(line);
    }
    return kept;
  });
  const merged = mergeCopies(copies, notes);
  for (const n of notes) log.push(`${spec.id}: dropped ${n.kind} duplicate "${n.dropped.slice(0, 70)}…"`);
  const seen = new Set<string>();
  const blocks = merged.map((text): DocumentBlock => {
    const f = foldText(text);
    if (headings.has(f)) {
      seen.add(f);
      return { kind: 'heading', text };
    }
    return { kind: 'paragraph', text };
  });
  for (const h of headings) if (!seen.has(h)) throw new Error(`${spec.id}: heading "${h}" not found`);
  return blocks;
}

function main(): void {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const seedDir = process.argv[2] ?? '/work/shared/corpus';
  const outDir = process.argv[3] ?? path.resolve(here, '../../assets/corpus');
  mkdirSync(outDir, { recursive: true });
  const log: string[] = [];
  for (const spec of ARTICLES) {
    const blocks = importArticle(spec, (name) => readFileSync(path.join(seedDir, name), 'utf8'), log);
    const seeds = [...new Set(spec.ranges.map((r) => r.seed))];
    writeFileSync(path.join(outDir, `${spec.id}.md`), formatDocument({ ...spec.meta, seeds }, blocks));
    log.push(`${spec.id}: ${blocks.filter((b) => b.kind === 'paragraph').length} paragraphs, ${blocks.filter((b) => b.kind === 'heading').length} headings`);
  }
  console.log(log.join('\n'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
