import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createClassroomServer } from './server';

/**
 * Runs the classroom server on its own: `node --import tsx src/server/main.ts`.
 * PORT (default 8080), HOST (default 0.0.0.0), DATA_DIR (default ./data), STATIC_DIR (default dist/ if built),
 * GRACE_SECONDS, COMPUTER_DELAY_MS and SESSIONS_PER_HOUR apply. Started with an IPC channel (by tests and the load bench),
 * it reports `{ type: 'ready', url }`, answers `{ type: 'memory' }` with the heap after a collection and
 * `{ type: 'timings' }` with where the moves' time went (`{ type: 'timings-reset' }` starts afresh).
 */
const env = process.env;
const number = (name: string): number | undefined => (env[name] === undefined ? undefined : Number(env[name]));
const dist = resolve(import.meta.dirname, '../../dist');

const server = await createClassroomServer({
  port: number('PORT') ?? 8080,
  host: env.HOST ?? '0.0.0.0',
  dataDir: env.DATA_DIR ?? './data',
  staticDir: env.STATIC_DIR ?? (existsSync(join(dist, 'index.html')) ? dist : null),
  graceSeconds: number('GRACE_SECONDS'),
  computerDelayMs: number('COMPUTER_DELAY_MS'),
  tickMs: number('TICK_MS'),
  // Sessions one address may create per hour (60): a school's one laptop running many classes may need more.
  ...(env.SESSIONS_PER_HOUR ? { limits: { sessionsPerHour: number('SESSIONS_PER_HOUR')! } } : {}),
  quiet: env.QUIET === '1',
}).catch((e: unknown) => {
  console.error((e as Error).message);
  process.exit(1);
});

if (env.QUIET !== '1') {
  console.log(`Buffer Zone classroom server: ${server.url}/`);
  for (const url of server.lanUrls) console.log(`On your network (give this to the class): ${url}/`);
}

if (process.send) {
  process.send({ type: 'ready', url: server.url, port: server.port });
  process.on('message', (message: { type?: string }) => {
    if (message?.type === 'timings') process.send!({ type: 'timings', timings: server.timings.report() });
    if (message?.type === 'timings-reset') server.timings.reset();
    if (message?.type !== 'memory') return;
    (globalThis as { gc?: () => void }).gc?.();
    process.send!({ type: 'memory', memory: process.memoryUsage(), tables: server.openTables() });
  });
  // The parent going away (a finished test or bench) ends this server too.
  process.on('disconnect', () => void server.close().then(() => process.exit(0)));
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void server.close().then(() => process.exit(0)));
}
