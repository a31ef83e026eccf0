/**
 * axe-core for the e2e tests: runs it in a page (the driver adds its source
 * past the extension pages' CSP) and lists every violation, of any impact,
 * one line each with the elements it names.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DriverPage } from './driver';
import { ROOT } from './server';

let source: Promise<string> | undefined;

/** axe's include/exclude context: CSS selectors, an array steps into a shadow root. */
export type AxeContext = { include: (string | string[])[] } | undefined;

/**
 * Every axe violation of `page` now (within `context` when given), as
 * `rule (impact): target, target, …` lines; `[]` when clean. Colour contrast
 * is one of axe's default rules: it is checked.
 */
export async function axeViolations(page: DriverPage, context?: AxeContext): Promise<string[]> {
  source ??= readFile(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScript(await source);
  return page.evaluate(async (ctx) => {
    interface Result {
      violations: { id: string; impact: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
    }
    const axe = (window as unknown as { axe: { run(context: unknown, options: object): Promise<Result> } }).axe;
    const result = await axe.run(ctx ?? document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary?.split('\n').slice(1, 2).join('').trim() ?? ''}`).join('; ')}`);
  }, context);
}
