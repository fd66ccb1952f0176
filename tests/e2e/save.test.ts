import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { playToEnd, shot, simpleMove, startGame, waitForTurn } from './actions';
import { launchChromium, openGame } from './browser';

/**
 * Save and resume: a reload mid-game reopens the table straight from the save, at exactly the same
 * state (same hash), and play goes on; the menu offers Resume after leaving the table;
 * a damaged or tampered save is explained, offered for download, and replaced by a fresh game,
 * while the rest of the game keeps working.
 */
const url = inject('baseUrl');
const SAVE_KEY = 'buffer-zone.save.v1';
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const hash = (page: Page) =>
  page.evaluate(() => (window as unknown as { __bufferZone: { stateHash(): string | null } }).__bufferZone.stateHash());

it('resumes a game after a reload, at the same state, and plays it to the end', async () => {
  const { page, errors, context } = await openGame(browser, url);
  await startGame(page, 'Russia', 'resume-1');
  for (let i = 0; i < 3; i++) {
    await waitForTurn(page);
    await simpleMove(page);
  }
  await waitForTurn(page);
  const before = await hash(page);
  expect(before).toMatch(/^[0-9a-f]{64}$/);

  await page.reload();
  await waitForTurn(page);
  expect(await hash(page)).toBe(before);
  // From the menu, Resume brings the same game back.
  await page.getByRole('button', { name: 'Main menu' }).click();
  await page.reload();
  await page.getByRole('button', { name: 'Resume' }).click();
  await waitForTurn(page);
  expect(await hash(page)).toBe(before);
  await playToEnd(page);
  await page.getByRole('button', { name: 'Open the debrief' }).click();
  await page.getByRole('button', { name: 'Download record' }).waitFor();

  // The finished game's debrief survives a reload, and stays available from the menu.
  await page.reload();
  await page.getByRole('heading', { name: /Agreement signed|broke down|Deadline reached/, level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Main menu' }).click();
  await page.getByRole('button', { name: 'Last debrief' }).click();
  await page.getByRole('heading', { name: /Agreement signed|broke down|Deadline reached/, level: 1 }).waitFor();
  expect(errors).toEqual([]);
  await context.close();
});

for (const [what, damage] of [
  ['not JSON at all', (_: string) => '{"format":"buffer-zone-record", this is not json'],
  ['a step hash changed', (text: string) => text.replace(/"hash":"([0-9a-f])/, (_m, c: string) => `"hash":"${c === '0' ? '1' : '0'}`)],
] as const) {
  it(`explains a damaged save (${what}) and starts fresh`, async () => {
    const { page, errors, context } = await openGame(browser, url);
    await startGame(page, 'Ukraine', 'damaged-1');
    await waitForTurn(page);
    await simpleMove(page);
    await waitForTurn(page);
    const saved = await page.evaluate((key) => localStorage.getItem(key), SAVE_KEY);
    expect(saved).toBeTruthy();
    await page.evaluate(([key, text]) => localStorage.setItem(key, text), [SAVE_KEY, damage(saved!)] as const);
    await page.reload();

    const alert = page.getByRole('alert').filter({ hasText: 'Your saved game could not be restored' });
    await alert.waitFor();
    expect(await page.getByRole('button', { name: 'Resume' }).count()).toBe(0);
    if (what === 'not JSON at all') await shot(page, 'damaged-save');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the damaged save' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('buffer-zone-damaged-save.txt');

    await page.getByRole('button', { name: 'Start a fresh game' }).click();
    await page.getByRole('heading', { name: 'New game', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Start the talks' }).click();
    await page.getByRole('button', { name: 'Open the talks' }).click();
    await waitForTurn(page);
    await page.reload();
    await waitForTurn(page);
    expect(await page.getByRole('alert').filter({ hasText: 'could not be restored' }).count()).toBe(0);
    // The damaged save is reported as a page message, not as a console error.
    expect(errors).toEqual([]);
    await context.close();
  });
}
