import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { playToEnd, seriousViolations, shot, startGame } from './actions';
import { launchChromium, openGame } from './browser';

/**
 * The game on a class's devices: a phone (390×844 and the narrowest common one, 360×740) and a tablet
 * (768×1024). A game is played to its full debrief at each size; on every screen nothing scrolls
 * sideways, every control is at least 24×24 px (WCAG 2.5.8) and the main moves at least 44 px tall, and
 * axe's WCAG 2.2 AA rules (target size among them) find nothing serious. Where the table is one column
 * the move bar stays on screen while it is your move. Each screen is photographed.
 */
const url = inject('baseUrl');
const WCAG22 = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SIZES = [
  { name: 'phone', width: 390, height: 844, text: 'standard' },
  { name: 'small-phone', width: 360, height: 740, text: 'standard' },
  { name: 'tablet', width: 768, height: 1024, text: 'standard' },
  { name: 'phone-large-text', width: 390, height: 844, text: 'large' },
] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface Fit {
  overflow: number;
  wide: string[];
  small: string[];
  smallMoves: string[];
}

/** What does not fit: the page's sideways overflow and the elements past the edge, targets under 24 px, moves under 44 px. */
async function fit(page: Page): Promise<Fit> {
  return page.evaluate(`(() => {
    const doc = document.documentElement;
    const past = (e) => { const b = e.getBoundingClientRect(); return b.width > 0 && b.right > doc.clientWidth + 1; };
    const wide = [...document.querySelectorAll('body *')].filter((e) => past(e) && ![...e.children].some(past)).slice(0, 5)
      .map((e) => e.tagName.toLowerCase() + '.' + String(e.className).slice(0, 30) + ' “' + (e.textContent || '').trim().slice(0, 30) + '”');
    const rect = (e) => e.getBoundingClientRect();
    // A menu button's click area is its whole card (a stretched ::before), measured on the card.
    const area = (e) => rect(e.classList.contains('menu-button') ? e.closest('.menu-item') : e);
    const small = [...document.querySelectorAll('button, a[href], select, input:not([type=radio]):not([type=checkbox]), summary')]
      .filter((e) => { const b = area(e); return b.width > 0 && b.height > 0 && (b.width < 24 || b.height < 24); })
      .slice(0, 5).map((e) => (e.textContent || e.getAttribute('aria-label') || e.tagName).trim().slice(0, 30) + ' ' + Math.round(area(e).width) + '×' + Math.round(area(e).height));
    const smallMoves = [...document.querySelectorAll('section.moves button')]
      .filter((e) => rect(e).width > 0 && rect(e).height < 44).map((e) => e.textContent.trim() + ' ' + Math.round(rect(e).height));
    return { overflow: doc.scrollWidth - doc.clientWidth, wide, small, smallMoves };
  })()`);
}

async function check(page: Page, size: string, screen: string): Promise<void> {
  await page.waitForTimeout(300);
  const f = await fit(page);
  expect(f.overflow, `${size} ${screen}: scrolls sideways (${f.wide.join('; ')})`).toBe(0);
  expect(f.small, `${size} ${screen}: targets under 24 px`).toEqual([]);
  expect(f.smallMoves, `${size} ${screen}: moves under 44 px`).toEqual([]);
  expect(await seriousViolations(page, WCAG22), `${size} ${screen}`).toEqual([]);
  await shot(page, `${size}-${screen}`);
}

describe.each(SIZES)('on a $name ($width×$height, $text text)', ({ name, width, height, text }) => {
  it('plays a game to the full debrief, every screen fitting the width with targets to tap', async () => {
    const settings = { motion: 'system', sound: false, pace: 'quick', textSize: text };
    const { page, errors, context } = await openGame(browser, url, { width, height, settings });
    await page.getByRole('button', { name: 'Play' }).waitFor();
    await check(page, name, 'menu');
    await startGame(page, 'Russia', `devices-${name}`);
    await page.getByRole('heading', { name: /^Your move · round \d+$/ }).waitFor({ timeout: 30_000 });
    await check(page, name, 'table');
    // The move bar is on screen wherever the page is scrolled, while it is your move (the table is one column here).
    await page.evaluate(() => window.scrollTo(0, 0));
    const bar = await page.locator('section.moves').boundingBox();
    expect(bar!.y + bar!.height).toBeLessThanOrEqual(height + 1);
    expect(bar!.y).toBeGreaterThan(height / 2);
    await page.getByRole('button', { name: 'Propose a package' }).click();
    await check(page, name, 'editor');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await playToEnd(page);
    await page.getByRole('button', { name: 'Open the debrief' }).click();
    await page.getByRole('group', { name: 'Discuss this game' }).waitFor();
    await check(page, name, 'outcome');
    await page.getByRole('group', { name: 'Discuss this game' }).getByRole('button', { name: 'Full debrief' }).click();
    await page.locator('main[data-debrief="ready"]').waitFor({ timeout: 30_000 });
    await check(page, name, 'debrief');
    expect(errors).toEqual([]);
    await context.close();
  });
});
