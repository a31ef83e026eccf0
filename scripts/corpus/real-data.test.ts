/**
 * Checks against the real assets. The catalog is authored by hand; until it is
 * complete, the catalog tests here may fail, naming what is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildCorpus, loadCatalog, loadDocuments, seedDir } from '../build-corpus';
import { aliasesWithName, corpusPassages, findMentions } from './bundle';
import { QuoteIndex } from './evidence';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('corpus documents', () => {
  const documents = loadDocuments(root);

  it('has one valid document per article', () => {
    expect(documents.length).toBeGreaterThanOrEqual(6);
    for (const d of documents) expect(d.paragraphs.length).toBeGreaterThan(0);
  });

  it.skipIf(!existsSync(seedDir(root)))('keeps every paragraph verbatim from its seed', () => {
    for (const d of documents) {
      const seeds = d.seeds.map((s) => readFileSync(path.join(seedDir(root), s), 'utf8'));
      for (const p of d.paragraphs) expect(seeds.some((s) => s.includes(p)), `${d.id}: ${p.slice(0, 60)}`).toBe(true);
    }
  });
});

describe.skipIf(!existsSync(path.join(root, 'assets/catalog')))('real catalog', () => {
  const documents = loadDocuments(root);
  const catalog = loadCatalog(root);
  const { passages, all } = corpusPassages(documents);

  it('mentions every catalog entry at least once', () => {
    const mentions = findMentions(
      documents,
      passages,
      catalog.map((s) => ({ id: s.entry.id, type: s.entry.type, aliases: aliasesWithName(s.entry) })),
    );
    const mentioned = new Set(mentions.map((m) => m.entryId));
    const missing = catalog.filter((s) => !mentioned.has(s.entry.id)).map((s) => `${s.file}: ${s.entry.id}`);
    expect(missing).toEqual([]);
  });

  it('gives every timeline date a source passage', () => {
    const quotes = new QuoteIndex(all);
    const unsourced = catalog.flatMap((s) =>
      (s.entry.dates ?? []).filter((d) => quotes.find(d.quote).length === 0).map((d) => `${s.file}: ${s.entry.id}@${d.start}`),
    );
    expect(unsourced).toEqual([]);
  });

  // The whole build, support checks included: a few hundred ms alone, but a
  // shared 2-core machine running browsers beside it has taken over 6 s.
  it('builds without catalog errors', { timeout: 30_000 }, async () => {
    const bundle = await buildCorpus(root);
    expect(bundle.timeline.every((t) => t.passageIds.length > 0)).toBe(true);
    expect(bundle.entries.length).toBe(catalog.length);
  });
});
