/**
 * `npm run bench`: every benchmark, each printing its figures beside baselines
 * measured in the same run and the budgets from the issues. Figures are never
 * asserted in tests; this is where they are shown.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

const DIR = import.meta.dirname;
const only = process.argv.slice(2);
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !['index.ts', 'format.ts'].includes(f))
  .filter((f) => only.length === 0 || only.includes(path.basename(f, '.ts')))
  .sort();

for (const file of files) {
  const module = (await import(path.join(DIR, file))) as Record<string, unknown>;
  const run = Object.entries(module).find(([name, value]) => name.startsWith('bench') && typeof value === 'function')?.[1] as (() => Promise<void>) | undefined;
  if (!run) continue;
  console.log(`\n## ${path.basename(file, '.ts')}`);
  await run();
}
