import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { startServer } from '../../scripts/serve';
import { missingChromiumMessage } from './browser';

/**
 * Before the browser tests: make sure Chromium is there (and say how to install it if not: a missing
 * browser must fail loudly, never skip), build the game, and serve `dist/` on a free port.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = resolve(import.meta.dirname, '../..');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const missing = missingChromiumMessage();
  if (missing) throw new Error(missing);
  // Vitest sets NODE_ENV=test, which would make Vite produce a non-production build (no service
  // worker, development code paths): the tests must exercise what `npm run build` ships.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, configFile: join(root, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  mkdirSync(join(root, 'tests/e2e/screenshots'), { recursive: true });
  const { server, url } = await startServer(join(root, 'dist'), 0, '127.0.0.1');
  project.provide('baseUrl', url);
  return async () => {
    await new Promise<void>((done) => server.close(() => done()));
  };
}
