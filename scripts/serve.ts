import { createServer, type Server } from 'node:http';
import { serveStatic } from '../src/server/static';

/**
 * The built game (`dist/`) alone, without the classroom server: for the browser tests and benchmarks,
 * which start many short-lived servers. The file handling is the classroom server's own.
 */

/** Starts serving `dir` on `port` (0 picks a free port). Listen for 'listening' or use `startServer`. */
export function serveDist(dir: string, port: number, host = '0.0.0.0'): Server {
  const server = createServer((req, res) => serveStatic(dir, req, res));
  server.listen(port, host);
  return server;
}

/** Serves `dir` and resolves once the port is open, with the URL to open. */
export function startServer(dir: string, port = 0, host = '127.0.0.1'): Promise<{ server: Server; url: string; port: number }> {
  return new Promise((resolvePromise, reject) => {
    const server = serveDist(dir, port, host);
    server.once('error', reject);
    server.once('listening', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolvePromise({ server, port: actual, url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${actual}/` });
    });
  });
}
