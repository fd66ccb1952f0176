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
 * - tableAnimationFps: frames the map canvas draws per second on the negotiation table at 1280×720,
 *   with full motion, during the 1.4 s pulse an event plays on the map (the loop is capped at 30).
 * - pageFpsDuringAnimation: requestAnimationFrame callbacks per second of the page over the same time
 *   (how smooth the rest of the page stays while the map draws).
 * - tableRestFps: frames the map draws per second over 2 s once nothing moves (should be 0: the loop sleeps).
 * - firstVisitBytes: the bytes a first visit transfers (the encoded, compressed response bodies and
 *   headers, as Chromium counts them): the menu, then Play, Start the talks and the first table with its map.
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

export interface BrowserFigures {
  initialJsGzipBytes: number;
  timeToInteractiveMs: number;
  tableAnimationFps: number;
  pageFpsDuringAnimation: number;
  tableRestFps: number;
  firstVisitBytes: number;
}

export async function measureBrowser(): Promise<BrowserFigures> {
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
    // Every byte of a first visit, as Chromium received it (compressed bodies plus headers).
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    // As on a first visit: nothing from the HTTP cache (the service worker is blocked in these tests).
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    let firstVisitBytes = 0;
    cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => (firstVisitBytes += e.encodedDataLength));
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    await page.getByRole('button', { name: 'Play' }).click();
    await page.getByRole('button', { name: 'Start the talks' }).click();
    await page.getByRole('button', { name: 'Open the talks' }).click();
    await waitForStage(page);
    await page.waitForLoadState('networkidle');
    await cdp.detach();
    // Strings, not functions: tsx would wrap a named inner function in a helper the page lacks.
    const frames = () => page.evaluate('window.__bufferZone.stageFrames()') as Promise<number>;
    // Lets the opening animation (the meters and the zone easing in) finish: no new frame for a second.
    for (let last = -1, still = 0, waited = 0; still < 4 && waited < 40; waited++) {
      const now = await frames();
      still = now === last ? still + 1 : 0;
      last = now;
      await page.waitForTimeout(250);
    }
    const restStart = await frames();
    await page.waitForTimeout(2000);
    const tableRestFps = ((await frames()) - restStart) / 2;
    const during = (await page.evaluate(`new Promise((done) => {
      const hook = window.__bufferZone;
      const first = hook.stageFrames();
      let ticks = 0;
      const start = performance.now();
      hook.pulseMap();
      const tick = (now) => {
        ticks += 1;
        if (now - start < 1400) requestAnimationFrame(tick);
        else done({ page: (ticks * 1000) / (now - start), map: ((hook.stageFrames() - first) * 1000) / (now - start) });
      };
      requestAnimationFrame(tick);
    })`)) as { page: number; map: number };
    await context.close();
    return {
      initialJsGzipBytes,
      timeToInteractiveMs,
      tableAnimationFps: during.map,
      pageFpsDuringAnimation: during.page,
      tableRestFps,
      firstVisitBytes,
    };
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
