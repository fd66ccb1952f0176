import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import LZString from 'lz-string';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parseRecordJson, shareFragment } from '../../src/core';
import { SCREENSHOTS, playToEnd, seriousViolations, shot, startGame, waitForTurn } from './actions';
import { launchChromium, openGame, waitForStage } from './browser';

/**
 * Replays and debriefs, as a discussion group uses them: a finished game is opened from its record
 * file, its share link is copied and opened in a fresh browser profile (no server involved), stepped
 * through, branched at round 3 with a different offer (a 20 km zone), the branch is played to its end
 * and compared with the original, the what-if explorer runs (progress, cancel, results), and the full
 * debrief is printed to PDF on A4 and its pages looked at. Hostile links and files are refused with a
 * message and break nothing. Every new screen passes axe-core.
 */
const url = inject('baseUrl');
const FIXTURE = resolve(import.meta.dirname, '../fixtures/classroom-1.bzrec.json');
const fixtureText = readFileSync(FIXTURE, 'utf8');
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function axe(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page), name).toEqual([]);
}

const stepText = (page: Page) => page.locator('.viewer-head .round-text').textContent();

/** The share link copied in the first test, opened in the second. */
let sharedLink = '';

describe('a finished game, discussed', () => {
  it('opens a record file and copies its share link', async () => {
    const { page, errors, context } = await openGame(browser, url);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
    await page.getByRole('button', { name: 'Review a game' }).click();
    await page.getByRole('heading', { name: 'Replays and debriefs', level: 1 }).waitFor();
    await page.locator('#record-file').setInputFiles(FIXTURE);
    await page.getByRole('heading', { name: /^Replay of Buffer Zone Talks/ }).waitFor();
    expect(await stepText(page)).toBe('Step 22 of 22');
    await page.getByRole('navigation', { name: 'Replay' }).getByRole('button', { name: 'Copy share link' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Link copied' }).count()).toBe(1);
    sharedLink = await page.evaluate(() => navigator.clipboard.readText());
    expect(sharedLink).toMatch(/#game=2\./);
    // Measured for the report: the link of this 22-step game (six rounds).
    console.log(`share link of a 22-step game: ${sharedLink.length} characters`);
    expect(sharedLink.length).toBeLessThan(8000);
    // The game is now in this browser's recent games.
    await page.getByRole('button', { name: 'Replays', exact: true }).click();
    await page.getByRole('list').getByText('classroom-1').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens the link in a fresh profile, steps through it, branches at round 3 with a 20 km zone and compares', async () => {
    expect(sharedLink).not.toBe('');
    const { page, errors, context } = await openGame(browser, sharedLink);
    await page.getByRole('heading', { name: /^Replay of Buffer Zone Talks/ }).waitFor();
    expect(await stepText(page)).toBe('Step 22 of 22');
    await page.getByText('Agreement signed in round 6').first().waitFor();

    // Buttons, keys, the round menu and the timeline slider all move through the game.
    await page.getByRole('button', { name: 'Step back' }).click();
    expect(await stepText(page)).toBe('Step 21 of 22');
    await page.keyboard.press('Home');
    expect(await stepText(page)).toBe('Step 0 of 22');
    await page.keyboard.press('ArrowRight');
    await page.getByRole('button', { name: 'Step forward' }).click();
    expect(await stepText(page)).toBe('Step 2 of 22');
    await page.getByRole('heading', { name: 'Ukraine', level: 2 }).waitFor();
    await page.getByText(/^Why:/).waitFor();
    await page.keyboard.press('PageDown');
    expect(await stepText(page)).toBe('Step 5 of 22');
    const slider = page.getByRole('slider', { name: 'Timeline: choose a step' });
    await slider.focus();
    await page.keyboard.press('End');
    expect(await slider.getAttribute('aria-valuenow')).toBe('22');
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('4');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => stepText(page)).not.toBe('Step 0 of 22');
    await page.getByRole('button', { name: 'Pause', exact: true }).click();

    await page.getByRole('combobox', { name: 'Jump to round' }).selectOption('3');
    expect(await stepText(page)).toBe('Step 9 of 22');
    expect(await slider.getAttribute('aria-valuenow')).toBe('9');
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/^Step 9 of 22, round 3/);
    // Step 9 drew an event; the step panel shows it with the move and its reason.
    await page.getByText('Event drawn · round 2').waitFor();
    await waitForStage(page);
    await shot(page, 'viewer');
    await axe(page, 'viewer');

    // Play from here: Ukraine by a person, the others by the computer, from round 3.
    await page.getByRole('button', { name: 'Play from here' }).click();
    const dialog = page.getByRole('dialog', { name: 'Play from here' });
    await dialog.waitFor();
    expect(await dialog.getByRole('combobox', { name: 'Ukraine' }).inputValue()).toBe('human');
    expect(await dialog.getByRole('combobox', { name: 'Russia' }).inputValue()).toBe('normal');
    await shot(page, 'branch-dialog');
    await axe(page, 'branch dialog');
    await dialog.getByRole('button', { name: 'Start the branch' }).click();
    expect(await waitForTurn(page)).toBe(true);
    await page.locator('.table-head').getByText('Branch from step 9').waitFor();
    await page.getByRole('heading', { name: 'Your move · round 3' }).waitFor();
    await page.getByRole('button', { name: 'Counter-offer' }).click();
    await page.getByRole('combobox', { name: 'Buffer zone depth' }).selectOption('20');
    const submit = page.getByRole('button', { name: 'Table the counter-offer' });
    expect(await submit.getAttribute('aria-disabled')).toBeNull();
    await submit.click();
    await page
      .getByRole('log')
      .getByText(/^Ukraine counters: .*buffer zone depth → 20 km/)
      .last()
      .waitFor();
    await playToEnd(page);
    await page.getByRole('button', { name: 'Open the debrief' }).click();
    await page.getByRole('button', { name: 'Compare with the original' }).click();
    await page.getByRole('heading', { name: 'The branch beside the original', level: 1 }).waitFor();
    await page.getByText('Both games are the same up to step 9 (round 3)').waitFor();
    const terms = page.getByRole('table').filter({ hasText: 'Buffer zone depth' });
    expect(await terms.getByRole('row').count()).toBeGreaterThan(8);
    await page
      .getByRole('region', { name: 'Branch: moves after step 9' })
      .getByText(/^Ukraine counters: .*buffer zone depth → 20 km/)
      .first()
      .waitFor();
    await shot(page, 'compare');
    await shot(page, 'compare-full', true);
    await axe(page, 'comparison');

    // The what-if explorer, from the original at round 3: progress, cancel, then a full run.
    await page.getByRole('button', { name: 'Replay the original' }).click();
    expect(await stepText(page)).toBe('Step 9 of 22');
    await page.getByRole('button', { name: 'Explore from here' }).click();
    await page.getByRole('heading', { name: 'Explore from step 9 (round 3)', level: 1 }).waitFor();
    const progress = page.getByRole('progressbar', { name: 'Continuations run' });
    await page.getByRole('combobox', { name: 'Number of continuations' }).selectOption('5000');
    await page.getByRole('button', { name: 'Run' }).click();
    await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page
      .getByRole('status')
      .getByText(/^Cancelled after [\d,]+ of 5,000 continuations/)
      .waitFor();
    await page.getByRole('heading', { name: 'Outcomes (partial)' }).waitFor();
    await page.getByRole('combobox', { name: 'Number of continuations' }).selectOption('100');
    await page.getByRole('button', { name: 'Run' }).click();
    await page.locator('[data-explore-ms][data-runs="100"]').waitFor({ timeout: 30_000 });
    expect(await progress.getAttribute('value')).toBe('100');
    const counts = await page.getByRole('table').filter({ hasText: 'Continuations' }).locator('tbody td:nth-child(2)').allTextContents();
    expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(100);
    expect(await page.getByRole('img', { name: /^Russia: scores from/ }).count()).toBe(1);
    await shot(page, 'explorer', true);
    await axe(page, 'explorer');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the full debrief, exports it, prints it on A4, and opens a key moment in the replay', async () => {
    const { page, errors, context } = await openGame(browser, sharedLink);
    await page.getByRole('heading', { name: /^Replay of Buffer Zone Talks/ }).waitFor();
    await page.getByRole('navigation', { name: 'Replay' }).getByRole('button', { name: 'Full debrief' }).click();
    await page.locator('main[data-debrief="ready"]').waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { name: 'Agreement signed', level: 1 }).waitFor();
    await page.getByRole('img', { name: /^Chart of the Pareto frontier/ }).waitFor();
    await page.getByText(/signable packages that no other signable package beats/).waitFor();
    await page.getByRole('heading', { name: 'Questions for discussion' }).waitFor();
    expect(await page.locator('.debrief-brief').count()).toBe(4);
    await shot(page, 'debrief');
    await shot(page, 'debrief-full', true);
    await axe(page, 'debrief');

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(csv.suggestedFilename()).toBe('buffer-zone-debrief-buffer-zone-talks-classroom-1.csv');
    const csvText = readFileSync((await csv.path())!, 'utf8');
    expect(csvText.split('\n')[0]).toBe('level,seed,outcome,round,party,walk_away,value,score,durability');
    expect(csvText.trim().split('\n')).toHaveLength(5);
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    const data = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { frontier: { size: number }; outcome: { kind: string } };
    expect(data.outcome.kind).toBe('agreement');
    expect(data.frontier.size).toBeGreaterThan(0);
    // Every figure the browser worked out agrees with the command line's `analyze` of the same record:
    // the JSON and CSV exports to the letter, and the scores table on the screen.
    const analyze = (flag: string) =>
      execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'analyze', FIXTURE, flag], {
        cwd: resolve(import.meta.dirname, '../..'),
        encoding: 'utf8',
      });
    const cli = JSON.parse(analyze('--json')) as {
      parties: { name: string; value: number; walkAway: number; finalWalkAway: number; score: number }[];
    };
    expect(data).toEqual(cli);
    expect(csvText.trim()).toBe(analyze('--csv').trim());
    const shown = await page
      .locator('table.score-table tbody tr')
      .evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('th, td')).map((c) => c.textContent?.trim() ?? '')));
    expect(shown.map((cells) => cells.slice(0, 4))).toEqual(
      cli.parties.map((p) => [
        p.name,
        String(p.value),
        `${p.walkAway}${p.finalWalkAway !== p.walkAway ? `now ${p.finalWalkAway}` : ''}`,
        `${p.score > 0 ? '+' : p.score < 0 ? '−' : '±'}${Math.abs(p.score)}`,
      ]),
    );

    // Printed to PDF on A4 with the print stylesheet, then each page turned into a picture to look at.
    await page.emulateMedia({ media: 'print' });
    const pdfPath = resolve(SCREENSHOTS, 'debrief.pdf');
    await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    const pages = pdfPages(pdfPath);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    // The four hidden briefs now separate what is reported from the game's assumptions, so they run longer.
    expect(pages.length).toBeLessThanOrEqual(16);
    // The text on paper, without spaces (spaced-out capitals come out letter by letter).
    const squash = (t: string) => t.replace(/\s+/g, '').toLowerCase();
    const text = squash(execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }));
    for (const wanted of [
      'Agreement signed',
      'The deal and the Pareto frontier',
      'Key moments',
      'Questions for discussion',
      'The hidden briefs',
    ])
      expect(text).toContain(squash(wanted));
    // No buttons on paper.
    for (const unwanted of ['Export CSV', 'Copy share link', 'Main menu']) expect(text).not.toContain(squash(unwanted));

    await page.locator('.moment-link').first().click();
    await page.getByRole('heading', { name: /^Replay of/ }).waitFor();
    expect(await stepText(page)).toMatch(/^Step \d+ of 22$/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('from the end of a solo game: the full debrief, and the game in the recent list', async () => {
    const { page, errors, context } = await openGame(browser, url);
    await startGame(page, 'Russia', 'discussion-solo');
    await waitForTurn(page);
    await page.getByRole('button', { name: 'Walk out' }).click();
    await page.getByRole('dialog', { name: 'Walk out of the talks?' }).getByRole('button', { name: 'Walk out' }).click();
    await page.getByRole('button', { name: 'Open the debrief' }).click();
    await page.getByRole('heading', { name: 'The talks broke down', level: 1 }).waitFor();
    await page.getByRole('group', { name: 'Discuss this game' }).getByRole('button', { name: 'Full debrief' }).click();
    await page.locator('main[data-debrief="ready"]').waitFor({ timeout: 30_000 });
    await page.getByText(/Why did Russia walk out/).waitFor();
    await page.getByRole('button', { name: 'Main menu' }).click();
    await page.getByRole('button', { name: 'Review a game' }).click();
    const item = page.getByRole('listitem').filter({ hasText: 'discussion-solo' });
    await item.getByText(/Talks broke down in round 1 · \d+ moves · played here, played by a person as Russia/).waitFor();
    await item.getByRole('button', { name: 'Replay' }).click();
    await page.getByRole('heading', { name: /^Replay of/ }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('hostile links and files', () => {
  const record = parseRecordJson(fixtureText);
  if (!record.ok) throw new Error(record.error);
  const good = shareFragment(record.value);
  const payload = good.slice('game=2.'.length);
  const compact = JSON.parse(LZString.decompressFromEncodedURIComponent(payload)) as Record<string, unknown>;
  const encode = (o: unknown) => `game=2.${LZString.compressToEncodedURIComponent(JSON.stringify(o))}`;
  const mid = Math.floor(payload.length / 2);
  const flip = (c: string) => (c === 'A' ? 'B' : 'A');
  const links: [string, string][] = [
    ['truncated', good.slice(0, Math.floor(good.length * 0.6))],
    ['edited', `game=2.${payload.slice(0, mid)}${flip(payload[mid])}${payload.slice(mid + 1)}`],
    ['a move edited', encode({ ...compact, i: (compact.i as object[]).map((x, k) => (k === 12 ? { ...x, note: 'changed' } : x)) })],
    ['a foreign level', encode({ ...compact, l: 'somebody-elses-level' })],
    ['another version', `game=9.${payload}`],
    ['an earlier record format', `game=1.${payload}`],
    ['random text', 'game=2.hello-there'],
  ];

  it('refuses each bad link with a message; the game keeps working', async () => {
    const { page, errors, context } = await openGame(browser, `${url}#${links[0][1]}`);
    for (const [what, fragment] of links) {
      // The first link opens at start-up; the others arrive as a changed fragment in the same tab.
      if (what !== links[0][0]) await page.goto(`${url}#${fragment}`);
      const alert = page.getByRole('alert').filter({ hasText: 'This share link could not be opened' });
      await alert.waitFor();
      const detail = (await alert.locator('.notice-detail').textContent()) ?? '';
      expect(detail, what).toMatch(/^link: /);
      if (what === 'a foreign level') expect(detail).toContain('somebody-elses-level');
      if (what === 'another version') expect(detail).toContain('different version');
      if (what === 'an earlier record format')
        expect(detail).toContain('made by an earlier version of Buffer Zone; it cannot be replayed by this one');
      if (what === 'a move edited') expect(detail).toContain('does not');
      // The bad fragment is removed from the address, so a reload opens the menu.
      expect(new URL(page.url()).hash).toBe('');
      if (what === 'random text') break;
      await page.getByRole('button', { name: 'Back to the menu' }).click();
      await page.getByRole('heading', { name: 'Buffer Zone', level: 1 }).waitFor();
    }
    await shot(page, 'replays-bad-link');
    await axe(page, 'replays with an error');
    // Still working: the good link opens, pasted into the field.
    await page.getByRole('textbox', { name: 'Share link' }).fill(`${url}#${good}`);
    await page.getByRole('button', { name: 'Open link' }).click();
    await page.getByRole('heading', { name: /^Replay of/ }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses each bad file with a message, and opens a dropped good one', async () => {
    const { page, errors, context } = await openGame(browser, url);
    await page.getByRole('button', { name: 'Review a game' }).click();
    const json = JSON.parse(fixtureText) as { level: { id: string }; steps: { hash: string }[] };
    const edited = {
      ...json,
      steps: json.steps.map((s, k) => (k === 20 ? { ...s, hash: s.hash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) } : s)),
    };
    const files: [string, string | Buffer, RegExp][] = [
      ['truncated.bzrec.json', fixtureText.slice(0, Math.floor(fixtureText.length / 2)), /not valid JSON/],
      ['random.txt', 'Lorem ipsum, not a game at all.', /not valid JSON/],
      ['not-a-record.json', JSON.stringify({ hello: 'world', steps: 3 }), /format/],
      ['edited.bzrec.json', JSON.stringify(edited), /step 21 does not lead to its recorded state/],
      ['foreign.bzrec.json', JSON.stringify({ ...json, level: { ...json.level, id: 'somebody-elses-level' } }), /somebody-elses-level/],
      ['huge.bzrec.json', Buffer.alloc(10 * 1024 * 1024, 'a'), /10\.0 MB is far too large/],
    ];
    for (const [name, content, message] of files) {
      await page.locator('#record-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
      const alert = page.getByRole('alert');
      await expect
        .poll(
          async () => {
            const text = (await alert.textContent()) ?? '';
            return text.includes(name) && message.test(text);
          },
          { timeout: 10_000 },
        )
        .toBe(true);
    }
    await shot(page, 'replays-bad-file');
    // Drag and drop of a good record opens it.
    const dataTransfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'classroom-1.bzrec.json', { type: 'application/json' }));
      return dt;
    }, fixtureText);
    await page.dispatchEvent('.drop-zone', 'drop', { dataTransfer });
    await page.getByRole('heading', { name: /^Replay of/ }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** Turns a PDF's pages into PNG files next to it (poppler's pdftoppm) and returns their paths. */
function pdfPages(pdfPath: string): string[] {
  const prefix = resolve(SCREENSHOTS, 'debrief-page');
  for (const f of readdirSync(SCREENSHOTS)) if (f.startsWith('debrief-page')) rmSync(resolve(SCREENSHOTS, f));
  try {
    execFileSync('pdftoppm', ['-r', '70', '-png', pdfPath, prefix]);
  } catch (e) {
    throw new Error(
      `pdftoppm could not turn the printed debrief into pictures (${(e as Error).message}). It comes with poppler-utils: sudo apt-get install poppler-utils`,
    );
  }
  const pages = readdirSync(SCREENSHOTS)
    .filter((f) => /^debrief-page-\d+\.png$/.test(f))
    .sort();
  return pages.map((f) => resolve(SCREENSHOTS, f));
}

describe('offline', () => {
  it('opens a share link with no network once the game has been visited', async () => {
    const record = parseRecordJson(fixtureText);
    if (!record.ok) throw new Error(record.error);
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(url);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    await context.setOffline(true);
    await page.goto(`${url}#${shareFragment(record.value)}&step=9`);
    await page.reload();
    await page.getByRole('heading', { name: /^Replay of Buffer Zone Talks/ }).waitFor();
    expect(await stepText(page)).toBe('Step 9 of 22');
    await page.getByRole('button', { name: 'Explore from here' }).click();
    await page.getByRole('combobox', { name: 'Number of continuations' }).selectOption('100');
    await page.getByRole('button', { name: 'Run' }).click();
    await page.locator('[data-explore-ms][data-runs="100"]').waitFor({ timeout: 30_000 });
    await context.close();
  });
});
