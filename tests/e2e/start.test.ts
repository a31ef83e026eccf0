/**
 * Issue 16 (item 9): `npm start` on a machine without a display says so, tells
 * how to load `dist/chrome` by hand, writes a screenshot of the demo article
 * with a card open, and leaves no temporary profile behind. Runs the start
 * script itself (on the existing build) in headless Chromium: `npm start`
 * drives Chromium only.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './server';

function run(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'scripts', 'start.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    // A start script that never ends (as one did without a display) is stopped, not left behind.
    const timer = setTimeout(() => child.kill('SIGTERM'), 100_000);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('npm start without a display', () => {
  it('says so, explains how to load the extension by hand, writes a screenshot with a card open and cleans up', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'backstory-start-test-'));
    try {
      const screenshot = path.join(tmp, 'start.png');
      const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: tmp, BACKSTORY_SKIP_BUILD: '1', BACKSTORY_SCREENSHOT: screenshot };
      delete env.DISPLAY;
      delete env.WAYLAND_DISPLAY;
      delete env.BACKSTORY_PROFILE;
      const { code, output } = await run(env);
      expect(code, output).toBe(0);
      expect(output).toContain('No display here');
      expect(output).toContain(`Load unpacked → ${path.join(ROOT, 'dist', 'chrome')}`);
      expect(output).toContain(screenshot);
      const png = await readFile(screenshot);
      expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
      // The temporary profile (backstory-start-*) is gone; tsx may leave its own cache.
      expect((await readdir(tmp)).filter((name) => name.startsWith('backstory-start-'))).toEqual([]);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }, 120_000);
});
