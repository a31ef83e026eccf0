/**
 * Reads and writes the catalog files (`assets/catalog/*.yaml`): each is a YAML
 * list of {@link CatalogEntry}. Aliases may be plain strings or objects; the
 * parser turns strings into `{ text }`, the formatter writes an alias without
 * flags back as a plain string. parse → format → parse is the identity.
 */
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { AliasSpec, CatalogEntry, EntryDate, Fact, Relation, Role } from '../../src/shared/catalog';

/** The boolean flags an alias may carry (see `AliasSpec`). */
const ALIAS_FLAGS = ['caseSensitive', 'weak', 'shared', 'default', 'corpusOnly'] as const;

/** One problem of the catalog: `<file>: <entry id>: <problem>`. */
export interface CatalogProblem {
  file: string;
  entryId: string;
  message: string;
}

/** Every problem found in the catalog, one per line. */
export class CatalogError extends Error {
  readonly problems: CatalogProblem[];
  constructor(problems: CatalogProblem[]) {
    super(
      `The catalog has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map(formatProblem).join('\n'),
    );
    this.name = 'CatalogError';
    this.problems = problems;
  }
}

/** `<file>: <entry id>: <problem>` */
export function formatProblem(p: CatalogProblem): string {
  return `${p.file}: ${p.entryId}: ${p.message}`;
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A YAML scalar read back as the string the author meant (`2015` → "2015"). */
function asString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/**
 * Parses one catalog file. Throws a {@link CatalogError} listing every
 * structural problem (not a list, an entry that is not a mapping, a missing or
 * mistyped field, an unknown field). Semantic checks (unknown type, aliases,
 * ids, quotes, dates) are the build's.
 */
export function parseCatalog(text: string, fileName: string): CatalogEntry[] {
  const problems: CatalogProblem[] = [];
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw new CatalogError([{ file: fileName, entryId: '(file)', message: `not valid YAML: ${(e as Error).message}` }]);
  }
  if (raw === null || raw === undefined) return [];
  if (!Array.isArray(raw)) {
    throw new CatalogError([{ file: fileName, entryId: '(file)', message: 'must be a YAML list of entries' }]);
  }
  const entries: CatalogEntry[] = [];
  raw.forEach((item: unknown, index) => {
    const label = isObj(item) && typeof item.id === 'string' ? item.id : `(entry #${index + 1})`;
    const problem = (message: string) => problems.push({ file: fileName, entryId: label, message });
    if (!isObj(item)) {
      problem('is not a mapping');
      return;
    }
    const known = ['id', 'name', 'type', 'aliases', 'summary', 'roles', 'dates', 'participants', 'related'];
    for (const key of Object.keys(item)) if (!known.includes(key)) problem(`unknown field "${key}"`);

    const str = (obj: Obj, key: string, where: string, required = true): string | undefined => {
      const v = asString(obj[key]);
      if (v === undefined || v.trim() === '') {
        if (required || obj[key] !== undefined) problem(`${where}"${key}" must be a non-empty string`);
        return undefined;
      }
      return v;
    };
    const list = (key: string): unknown[] => {
      const v = item[key];
      if (v === undefined || v === null) return [];
      if (!Array.isArray(v)) {
        problem(`"${key}" must be a list`);
        return [];
      }
      return v;
    };
    const bool = (obj: Obj, key: string, where: string): boolean | undefined => {
      const v = obj[key];
      if (v === undefined) return undefined;
      if (typeof v !== 'boolean') {
        problem(`${where}"${key}" must be true or false`);
        return undefined;
      }
      return v;
    };

    const onlyKeys = (obj: Obj, keys: readonly string[], where: string): void => {
      for (const key of Object.keys(obj)) if (!keys.includes(key)) problem(`${where}unknown field "${key}"`);
    };

    const id = str(item, 'id', '');
    const name = str(item, 'name', '');
    const type = str(item, 'type', '');

    const aliases: AliasSpec[] = [];
    list('aliases').forEach((a, i) => {
      if (typeof a === 'string' || typeof a === 'number') {
        const text = String(a);
        if (text.trim() === '') problem(`alias #${i + 1} is empty`);
        else aliases.push({ text });
        return;
      }
      if (!isObj(a)) {
        problem(`alias #${i + 1} must be a string or a mapping`);
        return;
      }
      for (const key of Object.keys(a)) {
        if (key !== 'text' && key !== 'years' && !(ALIAS_FLAGS as readonly string[]).includes(key)) {
          problem(`alias #${i + 1}: unknown field "${key}"`);
        }
      }
      const text = str(a, 'text', `alias #${i + 1}: `);
      if (text === undefined) return;
      const spec: AliasSpec = { text };
      for (const flag of ALIAS_FLAGS) {
        const v = bool(a, flag, `alias "${text}": `);
        if (v !== undefined) spec[flag] = v;
      }
      const years = asString(a.years);
      if (a.years !== undefined) {
        if (years === undefined || !/^\d{4}(-\d{4})?$/.test(years)) problem(`alias "${text}": "years" must be a year or a span of years ("1970-2000")`);
        else spec.years = years;
      }
      aliases.push(spec);
    });

    const quoteList = (v: unknown, where: string): string[] => {
      if (v === undefined || v === null) return [];
      const arr = Array.isArray(v) ? v : [v];
      const out: string[] = [];
      for (const q of arr) {
        const s = asString(q);
        if (s === undefined || s.trim() === '') problem(`${where}evidence must be a list of quotes`);
        else out.push(s);
      }
      return out;
    };

    const summary: Fact[] = [];
    list('summary').forEach((f, i) => {
      if (typeof f === 'string') {
        summary.push({ text: f, evidence: [] });
        return;
      }
      if (!isObj(f)) {
        problem(`summary #${i + 1} must be a mapping with text and evidence`);
        return;
      }
      onlyKeys(f, ['text', 'evidence', 'outsideCorpus'], `summary #${i + 1}: `);
      const text = str(f, 'text', `summary #${i + 1}: `);
      if (text === undefined) return;
      const fact: Fact = { text, evidence: quoteList(f.evidence, `summary #${i + 1}: `) };
      if (bool(f, 'outsideCorpus', `summary #${i + 1}: `) === true) fact.outsideCorpus = true;
      summary.push(fact);
    });

    const roles: Role[] = [];
    list('roles').forEach((r, i) => {
      if (!isObj(r)) return void problem(`role #${i + 1} must be a mapping`);
      onlyKeys(r, ['title', 'quote', 'from', 'until', 'at', 'ended', 'outsideCorpus'], `role #${i + 1}: `);
      const title = str(r, 'title', `role #${i + 1}: `);
      const quote = str(r, 'quote', `role #${i + 1}: `);
      if (title === undefined || quote === undefined) return;
      const role: Role = { title, quote };
      for (const key of ['from', 'until', 'at'] as const) {
        const v = str(r, key, `role "${title}": `, false);
        if (v !== undefined) role[key] = v;
      }
      const ended = str(r, 'ended', `role "${title}": `, false);
      if (ended === 'death' || ended === 'former') role.ended = ended;
      else if (ended !== undefined) problem(`role "${title}": "ended" must be "death" or "former"`);
      if (bool(r, 'outsideCorpus', `role "${title}": `) === true) role.outsideCorpus = true;
      roles.push(role);
    });

    const dates: EntryDate[] = [];
    list('dates').forEach((d, i) => {
      if (!isObj(d)) return void problem(`date #${i + 1} must be a mapping`);
      const start = str(d, 'start', `date #${i + 1}: `);
      const quote = str(d, 'quote', `date #${i + 1}: `);
      if (start === undefined || quote === undefined) return;
      onlyKeys(d, ['start', 'end', 'inferred', 'label', 'quote'], `date #${i + 1}: `);
      const date: EntryDate = { start, quote };
      const end = str(d, 'end', `date ${start}: `, false);
      if (end !== undefined) date.end = end;
      const label = str(d, 'label', `date ${start}: `, false);
      if (label !== undefined) date.label = label;
      const inferred = bool(d, 'inferred', `date ${start}: `);
      if (inferred !== undefined) date.inferred = inferred;
      dates.push(date);
    });

    const participants: string[] = [];
    list('participants').forEach((p, i) => {
      if (typeof p === 'string' && p !== '') participants.push(p);
      else problem(`participant #${i + 1} must be an entry id`);
    });

    const related: Relation[] = [];
    list('related').forEach((r, i) => {
      if (!isObj(r)) return void problem(`related #${i + 1} must be a mapping`);
      onlyKeys(r, ['id', 'relation', 'quote', 'outsideCorpus'], `related #${i + 1}: `);
      const rid = str(r, 'id', `related #${i + 1}: `);
      const relation = str(r, 'relation', `related #${i + 1}: `);
      const quote = str(r, 'quote', `related #${i + 1}: `);
      if (rid === undefined || relation === undefined || quote === undefined) return;
      const rel: Relation = { id: rid, relation, quote };
      if (bool(r, 'outsideCorpus', `related ${rid}: `) === true) rel.outsideCorpus = true;
      related.push(rel);
    });

    if (id === undefined || name === undefined || type === undefined) return;
    const entry: CatalogEntry = { id, name, type: type as CatalogEntry['type'], aliases, summary };
    if (item.roles !== undefined) entry.roles = roles;
    if (item.dates !== undefined) entry.dates = dates;
    if (item.participants !== undefined) entry.participants = participants;
    if (item.related !== undefined) entry.related = related;
    entries.push(entry);
  });
  if (problems.length > 0) throw new CatalogError(problems);
  return entries;
}

/** An alias as written: a plain string when it has no flags. */
function formatAlias(a: AliasSpec): string | Obj {
  const flags = ALIAS_FLAGS.filter((f) => a[f] !== undefined);
  if (flags.length === 0 && a.years === undefined) return a.text;
  const out: Obj = { text: a.text };
  for (const f of flags) out[f] = a[f];
  if (a.years !== undefined) out.years = a.years;
  return out;
}

/** Writes catalog entries as a YAML list, fields in a fixed order. */
export function formatCatalog(entries: readonly CatalogEntry[]): string {
  const data = entries.map((e) => {
    const out: Obj = { id: e.id, name: e.name, type: e.type, aliases: e.aliases.map(formatAlias) };
    out.summary = e.summary.map((f) => ({ text: f.text, evidence: [...f.evidence], ...(f.outsideCorpus ? { outsideCorpus: true } : {}) }));
    if (e.roles !== undefined) {
      out.roles = e.roles.map((r) => {
        const o: Obj = { title: r.title };
        if (r.from !== undefined) o.from = r.from;
        if (r.until !== undefined) o.until = r.until;
        if (r.at !== undefined) o.at = r.at;
        if (r.ended !== undefined) o.ended = r.ended;
        if (r.outsideCorpus) o.outsideCorpus = true;
        o.quote = r.quote;
        return o;
      });
    }
    if (e.dates !== undefined) {
      out.dates = e.dates.map((d) => {
        const o: Obj = { start: d.start };
        if (d.end !== undefined) o.end = d.end;
        if (d.inferred !== undefined) o.inferred = d.inferred;
        if (d.label !== undefined) o.label = d.label;
        o.quote = d.quote;
        return o;
      });
    }
    if (e.participants !== undefined) out.participants = [...e.participants];
    if (e.related !== undefined) {
      out.related = e.related.map((r) => ({ id: r.id, relation: r.relation, quote: r.quote, ...(r.outsideCorpus ? { outsideCorpus: true } : {}) }));
    }
    return out;
  });
  if (data.length === 0) return '[]\n';
  // Plain scalars where safe; the writer quotes strings that would read back as
  // numbers, booleans or null ("2015", "true", "null").
  return stringifyYaml(data, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' }).replace(
    /\n- /g,
    '\n\n- ',
  );
}
