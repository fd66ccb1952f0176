import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * Headless Chromium for the e2e tests and the browser benchmark. Debian's `chromium` package is used
 * (Playwright's own browser download is not). It renders Phaser with WebGL through SwiftShader.
 */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export function missingChromiumMessage(): string | null {
  const path = chromiumPath();
  if (existsSync(path)) return null;
  return [
    `Chromium was not found at ${path}. The browser tests need it.`,
    'Install it with:  sudo apt-get install chromium',
    'or point CHROMIUM_PATH at an existing Chromium or Chrome binary, e.g. CHROMIUM_PATH=/usr/bin/google-chrome npm test',
  ].join('\n');
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
}

export async function openGame(
  browser: Browser,
  url: string,
  options: { width?: number; height?: number; reducedMotion?: boolean; scale?: number; settings?: Record<string, unknown> } = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 720 },
    deviceScaleFactor: options.scale ?? 1,
    reducedMotion: options.reducedMotion === false ? 'no-preference' : 'reduce',
    acceptDownloads: true,
    serviceWorkers: 'block',
  });
  const settings = options.settings ?? { motion: 'system', sound: false, pace: 'quick', textSize: 'standard' };
  await context.addInitScript((s) => {
    if (!localStorage.getItem('buffer-zone.settings.v1')) localStorage.setItem('buffer-zone.settings.v1', JSON.stringify(s));
  }, settings);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`${e.name}: ${e.message}`));
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  return { context, page, errors };
}

/** Waits until the Phaser stage has drawn its first frame (for screenshots and frame-rate runs). */
export async function waitForStage(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.stage === 'ready', null, { timeout: 30_000 });
  await page.waitForTimeout(150);
}
