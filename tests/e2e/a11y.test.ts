import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seriousViolations, shot, startGame, waitForTurn } from './actions';
import { launchChromium, openGame, waitForStage } from './browser';

/**
 * Every screen and dialog, checked with axe-core (no serious or critical violations) and saved as a
 * screenshot to look at; and a game started and a package proposed with the keyboard alone.
 */
const url = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function check(page: Page, name: string, fullPage = false): Promise<void> {
  await shot(page, name, fullPage);
  expect(await seriousViolations(page), name).toEqual([]);
}

async function closeDialog(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

describe('accessibility of every screen', () => {
  it('menu, settings, setup, about', async () => {
    const { page, errors, context } = await openGame(browser, url);
    await waitForStage(page);
    await check(page, 'menu');
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('dialog', { name: 'Settings' }).waitFor();
    await check(page, 'settings');
    await closeDialog(page);
    await page.getByRole('button', { name: 'About and sources' }).click();
    await page.getByRole('heading', { name: 'Source cards' }).waitFor();
    await check(page, 'about');
    await shot(page, 'about-full', true);
    await page.getByRole('button', { name: 'Back to the menu' }).click();
    await page.getByRole('button', { name: 'Play' }).click();
    await page.getByRole('heading', { name: 'New game', level: 1 }).waitFor();
    await check(page, 'setup');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the table, the term editor, the brief and the debrief', async () => {
    const { page, errors, context } = await openGame(browser, url);
    await startGame(page, 'United States', 'a11y-1');
    await waitForTurn(page);
    await waitForStage(page);
    await check(page, 'table-us');
    await page.getByRole('button', { name: 'Your brief' }).click();
    await page.getByRole('dialog', { name: 'Your brief: United States' }).waitFor();
    await check(page, 'brief');
    await closeDialog(page);
    await page.getByRole('button', { name: 'Public positions' }).click();
    await page.getByRole('dialog', { name: 'Public positions' }).waitFor();
    await check(page, 'positions');
    await closeDialog(page);
    const propose = page.getByRole('button', { name: 'Propose a package' });
    if (await propose.count()) await propose.click();
    else await page.getByRole('button', { name: 'Counter-offer' }).click();
    await page.getByRole('combobox', { name: 'Ceasefire' }).waitFor();
    await check(page, 'table-editor');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Offer air support' }).click();
    const offer = page.getByRole('dialog', { name: 'Offer US air support' });
    if (await offer.isVisible()) {
      await check(page, 'us-offer');
      await closeDialog(page);
    }
    await page.getByRole('button', { name: 'Walk out' }).click();
    await page.getByRole('dialog', { name: 'Walk out of the talks?' }).getByRole('button', { name: 'Walk out' }).click();
    await page.getByRole('button', { name: 'Open the debrief' }).click();
    await page.getByRole('heading', { name: 'The talks broke down', level: 1 }).waitFor();
    await check(page, 'outcome-breakdown');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the table at 1920×1080 and on a high-density screen', async () => {
    for (const [w, h, scale, name] of [
      [1920, 1080, 1, 'table-1920'],
      [1280, 720, 2, 'table-hidpi'],
    ] as const) {
      const { page, context } = await openGame(browser, url, { width: w, height: h, scale });
      await startGame(page, 'Coalition of the Willing', 'screens-1');
      await waitForTurn(page);
      await waitForStage(page);
      await shot(page, name);
      await context.close();
    }
  });
});

describe('keyboard alone', () => {
  /** Presses Tab until the focused element's text (or label) matches, like a keyboard user would. */
  async function tabTo(page: Page, name: RegExp): Promise<void> {
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const label = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el ? (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() : '';
      });
      if (name.test(label)) return;
    }
    throw new Error(`could not reach ${name} with the Tab key`);
  }

  it('starts a game, opens the brief and proposes a package with the keyboard, with a visible focus', async () => {
    const { page, errors, context } = await openGame(browser, url);
    await tabTo(page, /^Play/);
    // The focus ring is drawn on the focused control or, for the menu's cards, on the card around it.
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement!.closest('.menu-item') ?? document.activeElement!).outlineStyle,
    );
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await tabTo(page, /^Start the talks$/);
    await page.keyboard.press('Enter');
    await tabTo(page, /^Open the talks$/);
    await page.keyboard.press('Enter');
    await waitForTurn(page);
    await tabTo(page, /^Your brief$/);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Your brief: Ukraine' }).waitFor();
    await page.keyboard.press('Escape');
    await tabTo(page, /^Propose a package$/);
    await page.keyboard.press('Enter');
    // Focus moves into the editor; the first select can be changed with the arrow keys.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('term-ceasefire');
    await tabTo(page, /^Put it on the table$/);
    await page.keyboard.press('Enter');
    await page
      .getByRole('log')
      .getByText(/^Ukraine proposes/)
      .waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
