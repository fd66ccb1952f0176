import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { parseRecordJson, shareFragment } from '../src/core';
import { startServer } from '../scripts/serve';
import { launchChromium, missingChromiumMessage, openGame } from '../tests/e2e/browser';

/**
 * The what-if explorer in headless Chromium, on the production build: 1,000 continuations with the
 * computer in every seat from a mid-game step (step 20 of the golden 41-step game), run by the explorer
 * screen in its Web Workers, timed by the page from the click on "Run" to the last result. The workers
 * are started (and have loaded the rules) before the click, as they are when a person opens the screen.
 * The figure is the median of three runs.
 */
const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const FIXTURE = join(root, 'tests/fixtures/classroom-1.bzrec.json');
const STEP = 20;
const RUNS = 1000;

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

export async function measureExplorer(): Promise<{ continuations: number; ms: number }> {
  const missing = missingChromiumMessage();
  if (missing) throw new Error(missing);
  await ensureBuild();
  const record = parseRecordJson(readFileSync(FIXTURE, 'utf8'), FIXTURE);
  if (!record.ok) throw new Error(record.error);
  const { server, url } = await startServer(dist, 0, '127.0.0.1');
  const browser = await launchChromium();
  try {
    const { page, context } = await openGame(browser, `${url}#${shareFragment(record.value)}&step=${STEP}`);
    await page.getByRole('heading', { name: /^Replay of/ }).waitFor();
    await page.getByRole('button', { name: 'Explore from here' }).click();
    await page.locator('main[data-workers="ready"]').waitFor({ timeout: 30_000 });
    await page.getByRole('combobox', { name: 'Number of continuations' }).selectOption(String(RUNS));
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.getByRole('button', { name: 'Run' }).click();
      const done = page.locator(`[data-explore-ms][data-runs="${RUNS}"]`);
      await done.waitFor({ timeout: 120_000 });
      times.push(Number(await done.getAttribute('data-explore-ms')));
      await page.evaluate(() => document.querySelector('[data-explore-ms]')?.removeAttribute('data-explore-ms'));
    }
    await context.close();
    times.sort((a, b) => a - b);
    return { continuations: RUNS, ms: times[1] };
  } finally {
    await browser.close();
    server.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  measureExplorer().then(
    (m) => console.log(JSON.stringify(m, null, 2)),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
