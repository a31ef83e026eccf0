/**
 * A fixture server on 127.0.0.1: the built demo pages, the e2e fixtures, the
 * shared real-world pages (read in place, never copied), and per-test routes.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Saved real-world pages, beside the project. */
export const REALPAGES_DIR = path.resolve(ROOT, '..', 'shared', 'realpages');

const MOUNTS: Record<string, string> = {
  '/demo/': path.join(ROOT, 'dist', 'demo'),
  '/fixtures/': path.join(ROOT, 'tests', 'e2e', 'fixtures'),
  '/realpages/': REALPAGES_DIR,
};

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml' };

/** A running fixture server. */
export interface FixtureServer {
  origin: string;
  /** Serves `html` at `pathname` until replaced (for pages that change between visits), with `headers` besides its type. */
  route(pathname: string, html: string, headers?: Record<string, string>): void;
  /** Serves a small image at `pathname` only after `delayMs`: a page holding it fires `load` no sooner. */
  slowImage(pathname: string, delayMs: number): void;
  url(pathname: string): string;
  close(): Promise<void>;
}

/** A 1×1 transparent GIF. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** Starts a server on a free port of 127.0.0.1. */
export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, { html: string; headers: Record<string, string> }>();
  const slowImages = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
      const routed = routes.get(pathname);
      if (routed !== undefined) {
        res.writeHead(200, { ...routed.headers, 'content-type': TYPES['.html']! });
        res.end(routed.html);
        return;
      }
      const delay = slowImages.get(pathname);
      if (delay !== undefined) {
        setTimeout(() => res.writeHead(200, { 'content-type': 'image/gif', 'cache-control': 'no-store' }).end(PIXEL), delay);
        return;
      }
      const mount = Object.keys(MOUNTS).find((prefix) => pathname.startsWith(prefix));
      if (mount) {
        const base = MOUNTS[mount]!;
        let file = path.join(base, pathname.slice(mount.length));
        if (!file.startsWith(base)) {
          res.writeHead(403).end();
          return;
        }
        if (pathname.endsWith('/')) file = path.join(file, 'index.html');
        try {
          const body = await readFile(file);
          res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
          res.end(body);
          return;
        } catch {
          // fall through to 404
        }
      }
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('fixture server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    route: (pathname, html, headers = {}) => void routes.set(pathname, { html, headers }),
    slowImage: (pathname, delayMs) => void slowImages.set(pathname, delayMs),
    url: (pathname) => origin + pathname,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
