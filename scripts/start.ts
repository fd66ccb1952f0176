import { existsSync, readdirSync, statSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { serveDist } from './serve';

/**
 * `npm start`: builds the game if `dist/` is missing or older than its sources, then serves it.
 * PORT (default 8080) and HOST (default 0.0.0.0, so other machines in a classroom can join) apply.
 */
const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const SOURCES = ['src', 'levels', 'public', 'index.html', 'vite.config.ts', 'package.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

async function main(): Promise<void> {
  const built = join(dist, 'index.html');
  const sourcesChanged = Math.max(...SOURCES.map((s) => newestMtime(join(root, s))));
  if (!existsSync(built) || statSync(built).mtimeMs < sourcesChanged) {
    console.log('Building the game…');
    await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  }
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? '0.0.0.0';
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a number from 0 to 65535, not "${process.env.PORT}".`);
    process.exit(2);
  }
  const server = serveDist(dist, port, host);
  server.once('error', (e: NodeJS.ErrnoException) => {
    console.error(
      e.code === 'EADDRINUSE' ? `Port ${port} is already in use: set PORT to another port, e.g. PORT=8081 npm start` : e.message,
    );
    process.exit(1);
  });
  server.once('listening', () => {
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    console.log(`Buffer Zone is running at http://localhost:${actual}/`);
    if (host === '0.0.0.0') {
      for (const list of Object.values(networkInterfaces())) {
        for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) console.log(`On your network: http://${a.address}:${actual}/`);
      }
    }
    console.log('Press Ctrl+C to stop.');
  });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
