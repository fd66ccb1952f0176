import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousViolations, shot } from './actions';
import { launchChromium, openGame } from './browser';

/**
 * The lesson guide opens, from the About screen and from the teacher's setup, as a printable page of its
 * own: real headings, the pre-reading, no serious accessibility violations, and a PDF on A4.
 */
const url = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function openGuide(context: BrowserContext, page: Page): Promise<Page> {
  const [guide] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Lesson guide' }).click()]);
  await guide.getByRole('heading', { name: 'Buffer Zone: lesson guide', level: 1 }).waitFor();
  return guide;
}

describe('the lesson guide', () => {
  it('opens from About and sources as a printable, accessible page', async () => {
    const { page, context, errors } = await openGame(browser, url);
    await page.getByRole('button', { name: 'About and sources' }).click();
    await page.getByRole('heading', { name: 'Game assumptions' }).waitFor();
    expect(await page.getByText('Game assumption', { exact: true }).count()).toBeGreaterThan(10);
    const guide = await openGuide(context, page);
    for (const name of ['1. Learning objectives', '3. Pre-reading (one page for students)', '8. Debrief script', '9. Assessment'])
      await expect(guide.getByRole('heading', { name, level: 2 }).count()).resolves.toBe(1);
    expect(await guide.locator('blockquote').count()).toBeGreaterThan(8);
    await shot(guide, 'lesson-guide', true);
    expect(await seriousViolations(guide)).toEqual([]);
    const pdf = await guide.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens from the teacher’s setup', async () => {
    const { page, context } = await openGame(browser, url);
    await page.getByRole('button', { name: 'Run a classroom' }).click();
    await page.getByRole('heading', { name: 'Run a classroom' }).waitFor();
    const guide = await openGuide(context, page);
    await expect(guide.getByRole('heading', { name: '6. A 45-minute lesson', level: 2 }).count()).resolves.toBe(1);
    await context.close();
  });
});
