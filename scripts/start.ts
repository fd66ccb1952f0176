import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { createClassroomServer } from '../src/server';

/**
 * `npm start`: builds the game if `dist/` is missing or older than its sources, then serves it and
 * the classroom server on one port: solo play is the same static game, and a teacher can run a
 * classroom from the same address. PORT (default 8080), HOST (default 0.0.0.0, so the class's devices
 * can join), DATA_DIR (default ./data, where the tables are kept) and SESSIONS_PER_HOUR (default 60,
 * sessions one address may create in an hour) apply.
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
  const perHour = process.env.SESSIONS_PER_HOUR;
  if (perHour !== undefined && !/^[1-9][0-9]{0,6}$/.test(perHour)) {
    console.error(`SESSIONS_PER_HOUR must be a whole number from 1, not "${perHour}".`);
    process.exit(2);
  }
  const dataDir = process.env.DATA_DIR ?? join(process.cwd(), 'data');
  const limits = perHour ? { sessionsPerHour: Number(perHour) } : {};
  const server = await createClassroomServer({ port, host, dataDir, staticDir: dist, quiet: true, limits }).catch((e: unknown) => {
    const message = (e as Error).message;
    console.error(message.includes('already in use') ? `${message} For example: PORT=8081 npm start` : message);
    process.exit(1);
  });
  const local = server.url.replace('127.0.0.1', 'localhost');
  console.log(`Buffer Zone is running at ${local}/`);
  for (const url of server.lanUrls) console.log(`On your network: ${url}/  (give this address to the class, or show the join QR codes)`);
  console.log(`Classroom tables are kept in ${resolve(dataDir)}`);
  console.log('Press Ctrl+C to stop.');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void server.close().then(() => process.exit(0)));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
