import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { shot, simpleMove, startGame, waitForTurn } from './actions';
import { launchChromium, openGame, waitForStage } from './browser';

/**
 * Real navigation: every screen has its own address, Back and Forward move between screens, a reload
 * stays where it was (the table resumes straight from the save), links to any screen work, a link
 * asking for something the game does not have says so, and a game open in two tabs is caught.
 */
const url = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const path = (page: Page) => new URL(page.url()).pathname + new URL(page.url()).search;
/** Waits for the screen whose main heading is `name` (the first look-up in a page can take a while). */
const onScreen = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
const hash = (page: Page) =>
  page.evaluate(() => (window as unknown as { __bufferZone: { stateHash(): string | null } }).__bufferZone.stateHash());

describe('screens with addresses', () => {
  it('moves back and forward between the menu, the form and the table, and a reload keeps the table', async () => {
    const { page, errors, context } = await openGame(browser, url);
    expect(path(page)).toBe('/');
    await startGame(page, 'Russia', 'nav-1');
    await waitForTurn(page);
    expect(path(page)).toBe('/table');
    await simpleMove(page);
    await waitForTurn(page);
    const before = await hash(page);

    await page.goBack();
    await onScreen(page, 'New game');
    expect(path(page)).toBe('/play');
    await page.goForward();
    await onScreen(page, 'Buffer Zone Talks: negotiating as Russia');
    expect(path(page)).toBe('/table');
    expect(await hash(page)).toBe(before);

    // A reload opens the table again, straight from the save: no menu, no Resume button.
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    await onScreen(page, 'Buffer Zone Talks: negotiating as Russia');
    expect(await hash(page)).toBe(before);
    await waitForTurn(page);

    // Back after the reload still goes to the form, then the menu; Forward returns to the table.
    await page.goBack();
    await onScreen(page, 'New game');
    await page.goBack();
    await onScreen(page, 'Buffer Zone');
    expect(path(page)).toBe('/');
    await page.goForward();
    await page.goForward();
    await onScreen(page, 'Buffer Zone Talks: negotiating as Russia');
    expect(await hash(page)).toBe(before);

    // The table's Main menu button is a screen change like any other: Back returns to the table.
    await page.getByRole('button', { name: 'Main menu' }).click();
    await onScreen(page, 'Buffer Zone');
    await page.goBack();
    await expect.poll(() => path(page)).toBe('/table');
    await waitForStage(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens each screen from its own address, and says so when there is nothing to open', async () => {
    const { page, errors, context } = await openGame(browser, url);
    await page.getByRole('button', { name: 'About and sources' }).click();
    expect(path(page)).toBe('/about');
    await page.reload();
    await onScreen(page, 'About and sources');
    await page.goto(`${url}replays`);
    await onScreen(page, 'Replays and debriefs');

    await page.goto(`${url}table`);
    await onScreen(page, 'Buffer Zone');
    await page.getByText('No game in progress').waitFor();
    expect(path(page)).toBe('/');

    await page.goto(`${url}nowhere-at-all`);
    await page.getByText('There is no such page').waitFor();
    await page.getByText('“nowhere-at-all” is not a screen of Buffer Zone').waitFor();
    await shot(page, 'menu-notice');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('links to the new-game form', () => {
  it('keeps the old link form working', async () => {
    const { page, context } = await openGame(browser, `${url}?level=buffer-zone-talks&party=russia&seed=classroom-1`);
    await onScreen(page, 'New game');
    expect(await page.getByRole('textbox', { name: 'Seed' }).inputValue()).toBe('classroom-1');
    expect(await page.getByRole('radio', { name: 'Russia' }).isChecked()).toBe(true);
    expect(await page.getByRole('alert').filter({ hasText: 'link' }).count()).toBe(0);
    await context.close();
  });

  it('names an unknown scenario or party instead of quietly choosing another', async () => {
    const { page, context } = await openGame(browser, `${url}play?level=no-such-talks&party=nato&seed=abc`);
    await page.getByText('This link could not be followed exactly').waitFor();
    await page.getByText('The link names a scenario “no-such-talks” that the game does not have').waitFor();
    await page.getByText('The link names a party “nato” that the game does not have').waitFor();
    expect(await page.getByRole('radio', { name: 'Buffer Zone Talks' }).isChecked()).toBe(true);
    await shot(page, 'setup-link-problems');
    await context.close();
  });

  it('refuses a seed longer than 64 characters instead of cutting it', async () => {
    const seed = 'a'.repeat(70);
    const { page, context } = await openGame(browser, `${url}?level=tutorial-nope&seed=${seed}`);
    await page.getByText('The link’s seed is 70 characters long; a seed has at most 64.').waitFor();
    expect(await page.getByRole('textbox', { name: 'Seed' }).inputValue()).toBe(seed);
    await page.getByRole('button', { name: 'Start the talks' }).click();
    await page.getByText('A seed has at most 64 characters; this one has 70.').waitFor();
    expect(path(page)).toMatch(/^\/play/);
    await page.getByRole('button', { name: 'New seed' }).click();
    await page.getByRole('button', { name: 'Start the talks' }).click();
    await page.getByRole('button', { name: 'Open the talks' }).waitFor();
    expect(path(page)).toBe('/table');
    await context.close();
  });
});

describe('one game, two tabs', () => {
  it('stops the older tab and says so, and lets it take the game back', async () => {
    const first = await openGame(browser, url);
    await startGame(first.page, 'Ukraine', 'two-tabs');
    await waitForTurn(first.page);
    await simpleMove(first.page);
    await waitForTurn(first.page);

    // The same browser profile: the second tab shares the save.
    const second = await first.context.newPage();
    await second.goto(`${url}table`);
    await onScreen(second, 'Buffer Zone Talks: negotiating as Ukraine');
    await onScreen(first.page, 'This game is open in another tab');
    expect(await first.page.getByRole('button', { name: 'Pass', exact: true }).count()).toBe(0);
    await shot(first.page, 'two-tabs');
    const afterSecond = await hash(second);

    await first.page.getByRole('button', { name: 'Play here instead' }).click();
    await onScreen(first.page, 'Buffer Zone Talks: negotiating as Ukraine');
    await onScreen(second, 'This game is open in another tab');
    expect(await hash(first.page)).toBe(afterSecond);
    expect(first.errors).toEqual([]);
    await first.context.close();
  });
});
