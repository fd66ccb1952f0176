import { resolve } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * What a person does at the table, by accessible names only: these helpers are the e2e tests'
 * hands. A simple, legal strategy: propose a package when the table is empty, accept what can be
 * accepted, otherwise pass.
 */
export const SCREENSHOTS = resolve(import.meta.dirname, 'screenshots');

export async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage });
}

export async function startGame(
  page: Page,
  party: 'Ukraine' | 'Russia' | 'United States' | 'Coalition of the Willing',
  seed: string,
  level = 'Buffer Zone Talks',
): Promise<void> {
  await page.getByRole('button', { name: 'Play' }).click();
  await page.getByRole('radio', { name: level }).check();
  await page.getByRole('radio', { name: party }).check();
  await page.getByRole('textbox', { name: 'Seed' }).fill(seed);
  await page.getByRole('button', { name: 'Start the talks' }).click();
  await page.getByRole('button', { name: 'Open the talks' }).click();
}

/** Waits until it is the player's move (true) or the talks are over (false). */
export async function waitForTurn(page: Page): Promise<boolean> {
  const turn = page.getByRole('heading', { name: /^Your move · round \d+$/ });
  const over = page.getByRole('button', { name: 'Open the debrief' });
  await turn.or(over).first().waitFor({ timeout: 30_000 });
  return !(await over.isVisible());
}

/** The names of the move buttons the rules allow right now (one round trip instead of one per button). */
async function enabledMoves(page: Page): Promise<Set<string>> {
  const names = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLButtonElement>('section.moves button')]
      .filter((b) => b.getAttribute('aria-disabled') !== 'true')
      .map((b) => b.textContent?.trim() ?? ''),
  );
  return new Set(names);
}

/** One move of the simple strategy. Returns what it did. */
export async function simpleMove(page: Page): Promise<'propose' | 'accept' | 'pass'> {
  const enabled = await enabledMoves(page);
  if (enabled.has('Propose a package')) {
    await page.getByRole('button', { name: 'Propose a package' }).click();
    const submit = page.getByRole('button', { name: 'Put it on the table' });
    if ((await submit.getAttribute('aria-disabled')) !== 'true') {
      await submit.click();
      return 'propose';
    }
    await page.getByRole('button', { name: 'Cancel' }).click();
  } else if (enabled.has('Accept')) {
    await page.getByRole('button', { name: 'Accept', exact: true }).click();
    return 'accept';
  }
  await page.getByRole('button', { name: 'Pass', exact: true }).click();
  return 'pass';
}

/** Plays until the talks end; returns the moves made. */
export async function playToEnd(page: Page, limit = 80): Promise<string[]> {
  const moves: string[] = [];
  for (let i = 0; i < limit; i++) {
    if (!(await waitForTurn(page))) return moves;
    moves.push(await simpleMove(page));
  }
  throw new Error(`the talks did not end within ${limit} moves: ${moves.join(', ')}`);
}

/** Runs axe-core on the page and returns the serious and critical violations, readably. */
export async function seriousViolations(page: Page, tags?: string[]): Promise<string[]> {
  await page.addScriptTag({ path: resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js') });
  const violations = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      resultTypes: ['violations'],
      ...(tags ? { runOnly: { type: 'tag', values: tags } } : {}),
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 4).map((n) => n.target.join(' ')),
    }));
  }, tags);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.targets.join(', ')})`);
}
