import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, waitForStage } from './browser';

/**
 * Once loaded, the game works without a network: the service worker has precached every built file
 * (including the lazily loaded map), so a reload offline still opens the menu and starts a game.
 */
const url = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

it('reloads and plays offline after the first visit', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The first visit installs the worker; from the next load on, it controls the page.
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('button', { name: 'Play' }).click();
  await page.getByRole('button', { name: 'Start the talks' }).click();
  await page.getByRole('button', { name: 'Open the talks' }).click();
  await waitForStage(page);
  await page.getByRole('heading', { name: /^Your move · round 1$/ }).waitFor();
  await context.close();
});
