/**
 * The MUST rules of the W3C Web Annotation Data Model
 * (https://www.w3.org/TR/annotation-model/) that a file's annotations are
 * checked against before anything is imported, and that our export is tested
 * against. Each rule names its section, so a refusal says which rule and
 * where: "first.items[3].id: … (model §3.1)". Pure; no DOM.
 */
import { ANNO_CONTEXT } from './limits';
import { isObject, listOf, type Json } from './import-common';

/** One broken rule: where (a path relative to the checked value: "", ".id", ".target[1].selector"), what, and the model's section. */
export interface RuleBreach {
  path: string;
  problem: string;
  section: string;
}


/** An absolute IRI: a scheme, then no spaces or characters IRIs exclude (JSON Schema's `uri` format, as the W3C tests use). */
export function isIri(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]*$/.test(value);
}

/** xsd:dateTime in UTC with "Z", as §3.3.1 requires of created, modified and generated. */
export function isUtcDateTime(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value) && Number.isFinite(Date.parse(value));
}

const RESOURCE_SETS = new Set(['Choice', 'Composite', 'List', 'Independents']);
const DIRECTIONS = new Set(['ltr', 'rtl', 'auto']);

class Breach extends Error {
  constructor(readonly breach: RuleBreach) {
    super(breach.problem);
  }
}

function fail(path: string, section: string, problem: string): never {
  throw new Breach({ path, problem, section });
}

function checkDates(o: Json, path: string): void {
  for (const key of ['created', 'modified', 'generated']) {
    if (key in o && !isUtcDateTime(o[key])) fail(`${path}.${key}`, '3.3.1', `expected one date and time in UTC ending in "Z" (xsd:dateTime), found ${JSON.stringify(o[key])}`);
  }
}

function checkIris(o: Json, path: string, key: string, section: string, single: boolean): void {
  if (!(key in o)) return;
  const values = single ? [o[key]] : listOf(o[key]);
  values.forEach((value, i) => {
    if (!isIri(value)) fail(single || !Array.isArray(o[key]) ? `${path}.${key}` : `${path}.${key}[${i}]`, section, `expected ${single ? 'one IRI' : 'IRIs'}, found ${JSON.stringify(value)}`);
  });
}

function checkAgents(o: Json, path: string): void {
  for (const key of ['creator', 'generator']) {
    listOf(o[key]).forEach((agent, i) => {
      const at = Array.isArray(o[key]) ? `${path}.${key}[${i}]` : `${path}.${key}`;
      if (isObject(agent)) checkIris(agent, at, 'id', '3.3.3', true);
      else if (!isIri(agent)) fail(at, '3.3.3', `expected an agent (an IRI or an object), found ${JSON.stringify(agent)}`);
    });
  }
}

function checkSelector(s: unknown, path: string): void {
  if (!isObject(s)) {
    // A selector given by its IRI alone is allowed (§4.2).
    if (isIri(s)) return;
    fail(path, '4.2', `expected a selector object, found ${JSON.stringify(s)}`);
  }
  if (typeof s.type !== 'string') fail(`${path}.type`, '4.2', 'a selector must have exactly one type');
  if (s.type === 'TextQuoteSelector') {
    if (typeof s.exact !== 'string') fail(`${path}.exact`, '4.2.4', 'a TextQuoteSelector must have exactly one exact string');
    for (const key of ['prefix', 'suffix']) if (key in s && typeof s[key] !== 'string') fail(`${path}.${key}`, '4.2.4', `${key} must be one string when present`);
  } else if (s.type === 'TextPositionSelector' || s.type === 'DataPositionSelector') {
    for (const key of ['start', 'end']) {
      const n = s[key];
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) fail(`${path}.${key}`, s.type === 'TextPositionSelector' ? '4.2.5' : '4.2.6', `${key} must be exactly one non-negative integer`);
    }
  } else if (['FragmentSelector', 'CssSelector', 'XPathSelector'].includes(s.type)) {
    if (typeof s.value !== 'string') fail(`${path}.value`, '4.2', `a ${s.type} must have exactly one value string`);
  } else if (s.type === 'RangeSelector') {
    if (!('startSelector' in s) || !('endSelector' in s)) fail(path, '4.2.9', 'a RangeSelector must have a startSelector and an endSelector');
    checkSelector(s.startSelector, `${path}.startSelector`);
    checkSelector(s.endSelector, `${path}.endSelector`);
  }
  if ('refinedBy' in s) listOf(s.refinedBy).forEach((r, i) => checkSelector(r, Array.isArray(s.refinedBy) ? `${path}.refinedBy[${i}]` : `${path}.refinedBy`));
}

function checkResource(r: unknown, path: string, role: 'body' | 'target'): void {
  if (typeof r === 'string') {
    if (!isIri(r)) fail(path, '3.2', `a ${role} given as a string must be an IRI, found ${JSON.stringify(r)}`);
    return;
  }
  if (!isObject(r)) fail(path, '3.2', `expected a ${role}: an IRI or an object`);
  checkDates(r, path);
  checkAgents(r, path);
  if ('textDirection' in r && !DIRECTIONS.has(r.textDirection as string)) fail(`${path}.textDirection`, '3.2.1', `expected "ltr", "rtl" or "auto", found ${JSON.stringify(r.textDirection)}`);
  if ('processingLanguage' in r && typeof r.processingLanguage !== 'string') fail(`${path}.processingLanguage`, '3.2.1', 'expected one language tag');
  for (const key of ['format', 'language']) {
    listOf(r[key]).forEach((value) => {
      if (typeof value !== 'string') fail(`${path}.${key}`, '3.2.1', `${key} values must be strings`);
    });
  }
  if ('id' in r) checkIris(r, path, 'id', '3.2', true);
  if ('source' in r) {
    // A SpecificResource (§4): exactly one source, an IRI or a resource with an IRI.
    const source = r.source;
    if (Array.isArray(source)) fail(`${path}.source`, '4', 'a SpecificResource must have exactly one source');
    if (isObject(source)) checkResource(source, `${path}.source`, role);
    else if (!isIri(source)) fail(`${path}.source`, '4', `expected an IRI, found ${JSON.stringify(source)}`);
    listOf(r.selector).forEach((s, i) => checkSelector(s, Array.isArray(r.selector) ? `${path}.selector[${i}]` : `${path}.selector`));
    return;
  }
  if (typeof r.type === 'string' && RESOURCE_SETS.has(r.type)) {
    if (!Array.isArray(r.items)) fail(`${path}.items`, '3.2.7', `a ${r.type} must list its items`);
    r.items.forEach((item, i) => checkResource(item, `${path}.items[${i}]`, role));
    return;
  }
  if (r.type === 'TextualBody' || ('value' in r && !('id' in r))) {
    if (typeof r.value !== 'string') fail(`${path}.value`, '3.2.4', 'a TextualBody must have exactly one value string');
    return;
  }
  if (!isIri(r.id)) fail(`${path}.id`, '3.2.2', `an external ${role} must have exactly one IRI id`);
}

/** True when `@context` includes the Web Annotation context (a lone value given as a string). */
function checkContext(context: unknown, path: string): void {
  const values = listOf(context);
  if (!values.includes(ANNO_CONTEXT)) fail(`${path}.@context`, '3.1', `must include "${ANNO_CONTEXT}"`);
  if (Array.isArray(context) && context.length === 1) fail(`${path}.@context`, '3.1', 'a single context must be given as a string, not a list');
}

/**
 * The first MUST rule `annotation` breaks, or null. `inheritsContext` is true
 * inside an AnnotationCollection or AnnotationPage that carries the context
 * itself (a JSON-LD reader applies it to the items); a lone annotation must
 * carry its own.
 */
export function annotationBreach(annotation: unknown, inheritsContext: boolean): RuleBreach | null {
  try {
    if (!isObject(annotation)) fail('', '3.1', 'expected an annotation object');
    const at = (key: string) => `.${key}`;
    if ('@context' in annotation || !inheritsContext) checkContext(annotation['@context'], '');
    if (!isIri(annotation.id)) fail(at('id'), '3.1', `an annotation must have exactly one IRI id, found ${JSON.stringify(annotation.id)}`);
    const types = listOf(annotation.type);
    if (!types.includes('Annotation')) fail(at('type'), '3.1', `type must be "Annotation" or a list that includes it, found ${JSON.stringify(annotation.type)}`);
    const targets = listOf(annotation.target);
    if (targets.length === 0) fail(at('target'), '3.1', 'an annotation must have at least one target');
    targets.forEach((t, i) => checkResource(t, Array.isArray(annotation.target) ? `.target[${i}]` : '.target', 'target'));
    if ('body' in annotation && 'bodyValue' in annotation) fail('', '3.2.5', 'an annotation must not have both body and bodyValue');
    if ('bodyValue' in annotation && typeof annotation.bodyValue !== 'string') fail(at('bodyValue'), '3.2.5', 'bodyValue must be exactly one string');
    listOf(annotation.body).forEach((b, i) => checkResource(b, Array.isArray(annotation.body) ? `.body[${i}]` : '.body', 'body'));
    checkDates(annotation, '');
    checkAgents(annotation, '');
    checkIris(annotation, '', 'rights', '3.3.6', false);
    checkIris(annotation, '', 'canonical', '3.3.7', true);
    checkIris(annotation, '', 'via', '3.3.7', false);
    listOf(annotation.motivation).forEach((m) => {
      if (typeof m !== 'string') fail(at('motivation'), '3.3.5', `motivations are names or IRIs, found ${JSON.stringify(m)}`);
    });
    return null;
  } catch (error) {
    if (error instanceof Breach) return error.breach;
    throw error;
  }
}

/** The first MUST rule an AnnotationCollection or AnnotationPage (not its items) breaks, or null (§5). */
export function containerBreach(container: Json, ownContext: boolean): RuleBreach | null {
  try {
    if (ownContext) checkContext(container['@context'], '');
    if (container.type === 'AnnotationCollection') {
      if (!isIri(container.id)) fail('.id', '5.1', `a collection must have exactly one IRI id, found ${JSON.stringify(container.id)}`);
    } else if (!Array.isArray(container.items)) {
      fail('.items', '5.2', 'an AnnotationPage must list its items');
    }
    return null;
  } catch (error) {
    if (error instanceof Breach) return error.breach;
    throw error;
  }
}

/** "where: problem (Web Annotation model §x)" for a breach found at `root`. */
export function describeBreach(breach: RuleBreach, root: string): string {
  const where = `${root}${breach.path}`.replace(/^\./, '');
  return `${where ? `${where}: ` : ''}${breach.problem} (Web Annotation model §${breach.section}, a MUST rule)`;
}
