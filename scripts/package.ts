/**
 * `npm run package`: a production build, then one store zip per browser in
 * `web-ext-artifacts/` (web-ext's zipper, which both stores accept).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildAll } from './build';

const ROOT = path.resolve(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

await buildAll({ production: true });
for (const browser of ['chrome', 'firefox']) {
  execFileSync(
    path.join(ROOT, 'node_modules', '.bin', 'web-ext'),
    ['build', '--source-dir', `dist/${browser}`, '--artifacts-dir', 'web-ext-artifacts', '--filename', `backstory-${browser}-${version}.zip`, '--overwrite-dest'],
    { cwd: ROOT, stdio: 'inherit' },
  );
}
