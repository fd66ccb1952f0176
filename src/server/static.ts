import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import sirv, { type RequestHandler } from 'sirv';

/**
 * Serves the built game (`dist/`) on the classroom server's port, so the class needs one address.
 * The files are served by sirv: the brotli or gzip copy written at build time (`*.br`, `*.gz`, see
 * vite.config.ts) when the browser accepts it, the plain file otherwise. Every path without a file
 * extension that is not a file (`/table`, `/replays`…) gets `index.html`, so each screen's address
 * works after a reload or from a link. Hashed assets are cached for a year; the page and the service
 * worker are revalidated every time.
 */

const handlers = new Map<string, RequestHandler>();

function handlerFor(dir: string): RequestHandler {
  const root = resolve(dir);
  let handler = handlers.get(root);
  if (!handler) {
    handler = sirv(root, {
      // Looks files up on every request (as a plain file server does) rather than listing the folder
      // once: a rebuilt dist/ is served at once, and a file a rebuild removed is a 404, not an error.
      dev: true,
      brotli: true,
      gzip: true,
      single: true,
      etag: true,
      setHeaders(res, pathname) {
        const immutable = pathname.startsWith('/assets/');
        res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
        res.setHeader('X-Content-Type-Options', 'nosniff');
      },
    });
    handlers.set(root, handler);
  }
  return handler;
}

/** A path that tries to leave the folder, or cannot be decoded: refused before any lookup. */
function badPath(url: string | undefined): boolean {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url ?? '/', 'http://localhost').pathname);
  } catch {
    return true;
  }
  return pathname.includes('\0') || pathname.includes('\\') || pathname.split('/').some((s) => s === '..');
}

export function serveStatic(dir: string | null, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  if (!dir) {
    res
      .writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
      .end('This server has no game files to serve (build the game first).');
    return;
  }
  if (badPath(req.url)) {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request');
    return;
  }
  handlerFor(dir)(req, res, () => {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
  });
}
