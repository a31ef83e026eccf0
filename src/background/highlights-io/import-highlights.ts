/**
 * Reading an import file: our versioned JSON, W3C Web Annotation JSON-LD, or
 * a Hypothesis export. The whole file is checked before anything is written;
 * the first problem refuses it, with where it is ("highlights[3].selectors[0].exact:
 * expected a string") and, for W3C files, the model's rule it breaks. Items
 * Backstory cannot place are skipped and counted by reason. Pure.
 */
import * as v from 'valibot';
import type { Highlight } from '../../shared/highlight';
import { siteOf } from '../../shared/page-url';
import { describeIssue } from './issue-message';
import { ourFileShell, ourHighlight } from './import-schemas';
import { parseJsonInStages } from './staged-json';
import { runAtOnce, runInStages, type Stages } from './stages';
import { FORMAT_NAME, FORMAT_VERSION, MAX_IMPORT_CHARS, MAX_IMPORT_RECORDS } from './limits';
import { importTooLargeMessage } from '../../shared/import-limits';
import { highlightProblem } from '../../shared/highlight-rules';
import { isObject, normalizeQuickly, type ItemsOutcome, type Json, type SkipCounts } from './import-common';
import { readAnnotations } from './import-w3c';
import { hypothesisItems, readHypothesis } from './import-hypothesis';
import { containerBreach, describeBreach } from './w3c-rules';

/** The formats an import reads. */
export type ImportFormat = 'json' | 'jsonld' | 'hypothesis';

/** The outcome of reading a file: the highlights to write and what was skipped by reason, or why the file is refused. */
export type ParsedImport = { ok: true; format: ImportFormat; highlights: Highlight[]; skipped: SkipCounts } | { ok: false; message: string };

const fail = (message: string): ParsedImport => ({ ok: false, message });

function tooMany(count: number): ParsedImport {
  return fail(`This file holds ${count.toLocaleString('en')} highlights; Backstory imports at most ${MAX_IMPORT_RECORDS.toLocaleString('en')} at a time. Split it into smaller files.`);
}

function withFormat(format: ImportFormat, outcome: ItemsOutcome): ParsedImport {
  return outcome.ok ? { ...outcome, format } : outcome;
}

/** Reads an import file's text at once; what it returns passes the rules every write path checks. */
export function parseImport(text: string, now = Date.now()): ParsedImport {
  return runAtOnce(importStages(text, now));
}

/**
 * {@link parseImport} in stages: gives the event loop a turn after each
 * `budgetMs` of work, so the background answers other calls while it reads a
 * large file. The outcome is the same; nothing is written by either.
 */
export function parseImportInStages(text: string, now = Date.now(), budgetMs?: number): Promise<ParsedImport> {
  return runInStages(importStages(text, now), budgetMs);
}

function* importStages(text: string, now: number): Stages<ParsedImport> {
  const parsed = yield* parseFile(text, now);
  if (!parsed.ok) return parsed;
  for (const [i, h] of parsed.highlights.entries()) {
    const problem = highlightProblem(h, now);
    if (problem) return fail(`Highlight ${(i + 1).toLocaleString('en')} of the file: ${problem}`);
    yield;
  }
  return parsed;
}

function* parseFile(text: string, now: number): Stages<ParsedImport> {
  // First, before any parsing: an oversized file costs one length check.
  if (text.length > MAX_IMPORT_CHARS) return fail(importTooLargeMessage(text.length));
  let data: unknown;
  try {
    data = yield* parseJsonInStages(text);
  } catch (error) {
    return fail(`This file is not valid JSON (${error instanceof Error ? error.message : String(error)}), so it cannot be a highlights export.`);
  }
  if (isObject(data) && 'format' in data) return yield* parseOurs(data, now);
  const hypothesis = hypothesisItems(data);
  if (hypothesis) return hypothesis.items.length > MAX_IMPORT_RECORDS ? tooMany(hypothesis.items.length) : withFormat('hypothesis', yield* readHypothesis(hypothesis.items, hypothesis.root, now));
  const annotations = annotationsOf(data);
  if (!annotations) {
    return fail('This is neither a Backstory highlights file, a W3C Web Annotation file nor a Hypothesis export: expected an object with "format": "backstory-highlights", an AnnotationCollection or Hypothesis annotations.');
  }
  if ('message' in annotations) return fail(annotations.message);
  if (annotations.items.length > MAX_IMPORT_RECORDS) return tooMany(annotations.items.length);
  return withFormat('jsonld', yield* readAnnotations(annotations.items, annotations.root, annotations.inheritsContext, now));
}

function* parseOurs(data: Json, now: number): Stages<ParsedImport> {
  if (data.format !== FORMAT_NAME) return fail(`format: expected "${FORMAT_NAME}", found ${JSON.stringify(data.format)}.`);
  if (data.version !== FORMAT_VERSION) {
    return fail(`This file is version ${JSON.stringify(data.version)} of the Backstory highlights format; this version of Backstory reads version ${FORMAT_VERSION} only.`);
  }
  if (Array.isArray(data.highlights) && data.highlights.length > MAX_IMPORT_RECORDS) return tooMany(data.highlights.length);
  // The file's frame first, then each highlight on its own, so the work can pause between them.
  const shell = v.safeParse(ourFileShell, data);
  if (!shell.success) return fail(describeIssue(shell.issues[0]));
  const highlights: Highlight[] = [];
  for (const [i, item] of shell.output.highlights.entries()) {
    const parsed = v.safeParse(ourHighlight, item);
    if (!parsed.success) return fail(describeIssue(parsed.issues[0], `highlights[${i}]`));
    const h = parsed.output;
    if (h.selectors[0].exact !== h.quote) return fail(`highlights[${i}].quote: differs from selectors[0].exact`);
    const url = normalizeQuickly(h.url);
    highlights.push({ ...h, url, site: siteOf(url), createdAt: Math.min(h.createdAt, now), updatedAt: Math.min(Math.max(h.updatedAt, h.createdAt), now) });
    yield;
  }
  return { ok: true, format: 'json', highlights, skipped: {} };
}

type Located = { items: unknown[]; root: string; inheritsContext: boolean };

/** The annotations of a JSON-LD document, the path they sit at and whether a container gives them its context; null when it is not one. */
function annotationsOf(data: unknown): Located | { message: string } | null {
  if (Array.isArray(data)) return { items: data, root: '', inheritsContext: false };
  if (!isObject(data)) return null;
  const containerFailure = (container: Json, root: string, ownContext: boolean) => {
    const breach = containerBreach(container, ownContext);
    return breach ? { message: describeBreach(breach, root) } : null;
  };
  if (data.type === 'AnnotationCollection') {
    const broken = containerFailure(data, '', true);
    if (broken) return broken;
    const first = data.first;
    if (isObject(first)) return containerFailure(first, 'first', false) ?? { items: first.items as unknown[], root: 'first.items', inheritsContext: true };
    return { items: Array.isArray(data.items) ? data.items : [], root: 'items', inheritsContext: true };
  }
  if (data.type === 'AnnotationPage') return containerFailure(data, '', true) ?? { items: data.items as unknown[], root: 'items', inheritsContext: true };
  if (data.type === 'Annotation' || (Array.isArray(data.type) && data.type.includes('Annotation'))) return { items: [data], root: '', inheritsContext: false };
  return null;
}
