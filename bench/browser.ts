import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { startServer } from '../scripts/serve';
import { launchChromium, missingChromiumMessage, openGame, waitForStage } from '../tests/e2e/browser';

/**
 * Browser figures for `npm run bench`, measured on the production build in headless Chromium
 * (software WebGL, so the frame rate is a floor, not what a real GPU gives):
 * - initialJsGzipBytes: gzip size of the JavaScript index.html loads before anything else (the entry
 *   and its static imports). Phaser is a separate chunk fetched right after the menu is usable.
 * - timeToInteractiveMs: from navigation start to the main menu being rendered and usable.
 * - tableFps: requestAnimationFrame callbacks per second over 3 s on the negotiation table, with full
 *   motion (the map animates), at 1280×720.
 */
const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');

async function ensureBuild(): Promise<void> {
  if (existsSync(join(dist, 'index.html'))) return;
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, configFile: join(root, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

/** The JS files index.html asks for directly: module scripts and module preloads. */
export function initialScripts(html: string): string[] {
  const files = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g)) files.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)) files.add(m[1]);
  return [...files].map((f) => f.replace(/^\.?\//, ''));
}

export async function measureBrowser(): Promise<{ initialJsGzipBytes: number; timeToInteractiveMs: number; tableFps: number }> {
  const missing = missingChromiumMessage();
  if (missing) throw new Error(missing);
  await ensureBuild();
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initialJsGzipBytes = initialScripts(html).reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0);

  const { server, url } = await startServer(dist, 0, '127.0.0.1');
  const browser = await launchChromium();
  try {
    // Time to interactive: the best of three cold loads, each in a fresh context (empty cache).
    const loads: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { page, context } = await openGame(browser, url);
      loads.push(await page.evaluate(() => performance.getEntriesByName('buffer-zone:interactive')[0]?.startTime ?? Number.NaN));
      await context.close();
    }
    const timeToInteractiveMs = Math.min(...loads);

    const { page, context } = await openGame(browser, url, {
      reducedMotion: false,
      settings: { motion: 'full', sound: false, pace: 'normal', textSize: 'standard' },
    });
    await page.getByRole('button', { name: 'Play' }).click();
    await page.getByRole('button', { name: 'Start the talks' }).click();
    await page.getByRole('button', { name: 'Open the talks' }).click();
    await waitForStage(page);
    await page.waitForTimeout(500);
    // A string, not a function: tsx would wrap a named inner function in a helper the page lacks.
    const tableFps = (await page.evaluate(`new Promise((done) => {
      let frames = 0;
      const start = performance.now();
      const tick = (now) => {
        frames += 1;
        if (now - start < 3000) requestAnimationFrame(tick);
        else done((frames * 1000) / (now - start));
      };
      requestAnimationFrame(tick);
    })`)) as number;
    await context.close();
    return { initialJsGzipBytes, timeToInteractiveMs, tableFps };
  } finally {
    await browser.close();
    server.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  measureBrowser().then(
    (m) => console.log(JSON.stringify(m, null, 2)),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
