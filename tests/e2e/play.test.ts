import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { parseRecordJson, replayRecord, stateHash } from '../../src/core';
import { findBuiltinLevel } from '../../src/content/levels';
import { playToEnd, shot, startGame, waitForTurn } from './actions';
import { launchChromium, openGame, waitForStage } from './browser';

/**
 * Full games of the main scenario through the UI, once as each party, with the simple strategy.
 * Each game must end (agreement, breakdown or deadline) on the debrief, with no console errors.
 * The Ukraine game also downloads its record and replays it in Node to the same final hash.
 */
const url = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const PARTIES = [
  ['Ukraine', 'ukraine'],
  ['Russia', 'russia'],
  ['United States', 'us'],
  ['Coalition of the Willing', 'coalition'],
] as const;

describe('playing the main scenario to its end', () => {
  for (const [name, id] of PARTIES) {
    it(`as ${name}`, async () => {
      const { page, errors, context } = await openGame(browser, url);
      await startGame(page, name, `e2e-${id}`);
      if (id === 'ukraine') {
        await waitForStage(page);
        await waitForTurn(page);
        await shot(page, 'table');
      }
      const moves = await playToEnd(page);
      expect(moves.length).toBeGreaterThan(0);
      if (id === 'ukraine') await shot(page, 'table-over');
      await page.getByRole('button', { name: 'Open the debrief' }).click();
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toMatch(/Agreement signed|broke down|Deadline reached/);
      // Every party's hidden brief is revealed in the debrief.
      for (const [other] of PARTIES) await page.getByText(other, { exact: false }).first().waitFor();
      expect(await page.locator('details.reveal').count()).toBe(4);

      if (id === 'ukraine') {
        await waitForStage(page);
        await shot(page, 'outcome');
        await shot(page, 'outcome-full', true);
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: 'Download record' }).click(),
        ]);
        expect(download.suggestedFilename()).toBe(`buffer-zone-buffer-zone-talks-e2e-ukraine.bzrec.json`);
        const text = readFileSync((await download.path())!, 'utf8');
        const record = parseRecordJson(text);
        expect(record.ok).toBe(true);
        if (!record.ok) return;
        const level = findBuiltinLevel(record.value.level.id)!;
        const replayed = replayRecord(level, record.value);
        expect(replayed.ok && replayed.value.ok).toBe(true);
        if (!replayed.ok) return;
        const browserHash = await page.evaluate(() =>
          (window as unknown as { __bufferZone: { stateHash(): string | null } }).__bufferZone.stateHash(),
        );
        expect(stateHash(replayed.value.state)).toBe(browserHash);
        expect(replayed.value.state.phase).toBe('over');

        // The share link opens the new-game screen with the same choices.
        const link = await page.getByRole('textbox', { name: 'Link to the same game' }).inputValue();
        await page.goto(link);
        expect(await page.getByRole('textbox', { name: 'Seed' }).inputValue()).toBe('e2e-ukraine');
        expect(await page.getByRole('radio', { name: 'Ukraine' }).isChecked()).toBe(true);
        expect(await page.getByRole('radio', { name: 'Buffer Zone Talks' }).isChecked()).toBe(true);
      }
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
