/**
 * Names in other languages (issue #19): `assets/catalog/names/<lang>.yaml`.
 * Each file lists, per catalog entry, names in one language with their source:
 * `cldr` (state names generated here from CLDR through `Intl.DisplayNames`) or
 * `hand` (written by hand, checked by `names.test.ts`). The corpus build folds
 * them into the entries' aliases, marked with `lang` and `outsideCorpus`, so
 * the matcher compiles them with the rest; a name whose key the entry already
 * has is dropped. `npx tsx scripts/corpus/names.ts` rewrites the `cldr` names.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { AliasSpec, CatalogEntry } from '../../src/shared/catalog';
import { aliasKey } from '../../src/shared/matcher';
import { CatalogError, type CatalogProblem } from './catalog-yaml';

/** The languages with a names file. */
export const NAME_LANGUAGES = ['ar', 'ru', 'tr', 'fa', 'fr', 'de', 'es'] as const;

/** Catalog states and their CLDR region codes (the Soviet Union has none: its names are written by hand). */
export const STATE_REGIONS: Readonly<Record<string, string>> = {
  syria: 'SY',
  russia: 'RU',
  turkey: 'TR',
  iran: 'IR',
  'united-states': 'US',
  israel: 'IL',
  'united-kingdom': 'GB',
  france: 'FR',
  ukraine: 'UA',
  iraq: 'IQ',
  lebanon: 'LB',
  libya: 'LY',
};

/** Where a name comes from. */
export type NameSource = 'cldr' | 'hand';

/** One entry's names in one language, as the file has them. */
export interface NameGroup {
  id: string;
  source: NameSource;
  aliases: AliasSpec[];
}

/** A parsed names file. */
export interface NamesFile {
  lang: string;
  names: NameGroup[];
}

const FLAGS = ['weak', 'shared', 'default'] as const;

/** Parses one names file; problems name the file and the entry. */
export function parseNames(text: string, file: string): NamesFile {
  const problems: CatalogProblem[] = [];
  const problem = (entry: string | undefined, message: string): void => {
    problems.push({ file, entryId: entry ?? '', message });
  };
  const doc = parseYaml(text) as { lang?: unknown; names?: unknown } | null;
  const lang = typeof doc?.lang === 'string' ? doc.lang : '';
  if (lang === '') problem(undefined, '"lang" is missing');
  const names: NameGroup[] = [];
  if (!Array.isArray(doc?.names)) problem(undefined, '"names" must be a list');
  else
    for (const raw of doc.names as unknown[]) {
      const g = raw as { id?: unknown; source?: unknown; aliases?: unknown };
      const id = typeof g.id === 'string' ? g.id : '';
      if (id === '') {
        problem(undefined, 'a name group without "id"');
        continue;
      }
      if (g.source !== 'cldr' && g.source !== 'hand') problem(id, '"source" must be cldr or hand');
      const aliases: AliasSpec[] = [];
      for (const a of Array.isArray(g.aliases) ? (g.aliases as unknown[]) : []) {
        if (typeof a === 'string') aliases.push({ text: a, lang, outsideCorpus: true });
        else if (a !== null && typeof a === 'object' && typeof (a as { text?: unknown }).text === 'string') {
          const o = a as Record<string, unknown>;
          const spec: AliasSpec = { text: o['text'] as string, lang, outsideCorpus: true };
          for (const flag of FLAGS) if (o[flag] === true) spec[flag] = true;
          if (typeof o['years'] === 'string') spec.years = o['years'];
          for (const key of Object.keys(o)) if (key !== 'text' && key !== 'years' && !(FLAGS as readonly string[]).includes(key)) problem(id, `alias "${String(o['text'])}": unknown field "${key}"`);
          aliases.push(spec);
        } else problem(id, 'an alias must be a string or a mapping with "text"');
      }
      names.push({ id, source: g.source as NameSource, aliases });
    }
  if (problems.length > 0) throw new CatalogError(problems);
  return { lang, names };
}

/** Reads every `<root>/assets/catalog/names/*.yaml`. */
export function loadNames(root: string): { file: string; names: NamesFile }[] {
  const dir = path.join(root, 'assets/catalog/names');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => ({ file: `names/${f}`, names: parseNames(readFileSync(path.join(dir, f), 'utf8'), `names/${f}`) }));
}

/**
 * Adds the names to the entries' aliases (in place), skipping a name whose key
 * the entry already has; a name for an unknown entry is a problem.
 */
export function foldNames(entries: readonly CatalogEntry[], files: readonly { file: string; names: NamesFile }[]): CatalogProblem[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const problems: CatalogProblem[] = [];
  for (const { file, names } of files) {
    for (const group of names.names) {
      const entry = byId.get(group.id);
      if (entry === undefined) {
        problems.push({ file, entryId: group.id, message: 'no catalog entry has this id' });
        continue;
      }
      const keys = new Set([aliasKey(entry.name), ...entry.aliases.map((a) => aliasKey(a.text))]);
      for (const alias of group.aliases) {
        const key = aliasKey(alias.text);
        if (key === '' || keys.has(key)) continue;
        keys.add(key);
        entry.aliases.push(alias);
      }
    }
  }
  return problems;
}

/** The CLDR name of each catalog state in `lang`. */
export function cldrStateNames(lang: string): NameGroup[] {
  const display = new Intl.DisplayNames([lang], { type: 'region' });
  return Object.entries(STATE_REGIONS).map(([id, region]) => ({ id, source: 'cldr' as const, aliases: [{ text: display.of(region)! }] }));
}

/** Rewrites the `cldr` groups of every names file, keeping the hand-written ones and the header comment. */
function regenerate(root: string): void {
  const dir = path.join(root, 'assets/catalog/names');
  for (const lang of NAME_LANGUAGES) {
    const file = path.join(dir, `${lang}.yaml`);
    const text = readFileSync(file, 'utf8');
    const header = text.slice(0, text.indexOf('\nlang:') + 1);
    const doc = parseYaml(text) as { lang: string; names: { source: string }[] };
    const hand = doc.names.filter((g) => g.source !== 'cldr');
    const cldr = cldrStateNames(lang).map((g) => ({ id: g.id, source: g.source, aliases: g.aliases.map((a) => a.text) }));
    writeFileSync(file, header + stringifyYaml({ lang, names: [...cldr, ...hand] }, { lineWidth: 0 }));
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  regenerate(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'));
}
