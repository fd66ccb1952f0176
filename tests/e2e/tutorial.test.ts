import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { playToEnd, shot, waitForTurn } from './actions';
import { launchChromium, openGame, waitForStage } from './browser';

/**
 * The tutorial from the first tip to the debrief, as a newcomer would play it: read the brief, open
 * the talks, propose, watch the replies, counter, and close. The coach must follow each taught move.
 */
const url = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

it('plays the tutorial through, step by step', async () => {
  const { page, errors, context } = await openGame(browser, url);
  await page.getByRole('button', { name: 'Tutorial' }).click();
  const coach = page.getByRole('region', { name: 'Your brief' });
  await expect.poll(() => coach.isVisible()).toBe(true);
  await expect.poll(() => page.getByText('Tutorial · step 1 of 7').isVisible()).toBe(true);

  await page.getByRole('button', { name: 'Read your brief' }).click();
  const brief = page.getByRole('dialog', { name: 'Your brief: Ukraine' });
  await brief.waitFor();
  await brief.getByRole('button', { name: 'Back to the table' }).click();
  await page.getByRole('button', { name: 'Next tip' }).click();
  await page.getByText('Tutorial · step 2 of 7').waitFor();
  await page.getByRole('button', { name: 'Next tip' }).click();
  await page.getByText('Tutorial · step 3 of 7').waitFor();
  await waitForStage(page);
  await shot(page, 'tutorial');

  // Step 3 teaches a proposal.
  await page.getByRole('button', { name: 'Open the talks' }).click();
  await waitForTurn(page);
  await page.getByRole('button', { name: 'Propose a package' }).click();
  await page.getByRole('combobox', { name: 'Ceasefire' }).selectOption('full');
  await page.getByRole('button', { name: 'Put it on the table' }).click();
  await page.getByText('Tutorial · step 4 of 7').waitFor();
  await page.getByRole('button', { name: 'Next tip' }).click();
  await page.getByText('Tutorial · step 5 of 7').waitFor();

  // Step 5 teaches a counter-offer: wait for another party's package, then change one term.
  let countered = false;
  for (let turn = 0; turn < 8 && !countered; turn++) {
    if (!(await waitForTurn(page))) break;
    const counter = page.getByRole('button', { name: 'Counter-offer' });
    if ((await counter.count()) && (await counter.getAttribute('aria-disabled')) !== 'true') {
      await counter.click();
      const submit = page.getByRole('button', { name: 'Table the counter-offer' });
      for (const depth of ['10', '20', '0', '30']) {
        await page.getByRole('combobox', { name: 'Buffer zone depth' }).selectOption(depth);
        if ((await submit.getAttribute('aria-disabled')) !== 'true') break;
      }
      await shot(page, 'tutorial-counter');
      await submit.click();
      countered = true;
    } else {
      await page.getByRole('button', { name: 'Pass', exact: true }).click();
    }
  }
  expect(countered).toBe(true);
  await page.getByText('Tutorial · step 6 of 7').waitFor();
  await page.getByRole('button', { name: 'Next tip' }).click();
  await page.getByText('Tutorial · step 7 of 7').waitFor();
  await page.getByRole('button', { name: 'Finish tutorial' }).click();
  await expect.poll(() => page.getByText(/Tutorial · step/).count()).toBe(0);

  await playToEnd(page);
  await page.getByRole('button', { name: 'Open the debrief' }).click();
  await page.getByRole('button', { name: 'Download record' }).waitFor();
  expect(errors).toEqual([]);
  await context.close();
});
