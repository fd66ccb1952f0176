import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRecordJson, recordLevel } from '../../src/core';
import { findBuiltinLevel } from '../../src/content/levels';
import { DEAL } from '../helpers/game';
import { seriousViolations, shot } from './actions';
import { launchChromium, openGame, type OpenedPage } from './browser';
import { ClassroomProcess, freePort } from './classroom-server';

/**
 * A classroom as a new user would run it: the teacher creates a session of two parallel tables from
 * the menu, four teams join table 1 from the join link on their own browsers and play it to the end
 * through the ordinary table screen, while the teacher releases each round's event from the console.
 * Mid-game one team reloads its page and the server is killed (SIGKILL) and started again on the
 * same data folder: the table resumes at the same hash and every browser finds its seat by itself.
 * The teacher ends table 2, compares the two tables, and a team's downloaded record replays with the
 * command line to the server's final hash. Screens are checked with axe and photographed.
 */
const root = resolve(import.meta.dirname, '../..');
const TEAMS = [
  ['ukraine', 'Ukraine'],
  ['russia', 'Russia'],
  ['us', 'United States'],
  ['coalition', 'Coalition of the Willing'],
] as const;

let browser: Browser;
let server: ClassroomProcess;
let teacher: OpenedPage;
const teams = new Map<string, OpenedPage>();
let session: { sessionId: string; teacherToken: string; codes: string[] };

interface TableInfo {
  code: string;
  phase: string;
  round: number;
  seq: number;
  hash: string;
}

async function overview(): Promise<TableInfo[]> {
  const res = await fetch(`${server.url}api/sessions/${session.sessionId}`, {
    headers: { Authorization: `Bearer ${session.teacherToken}` },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { tables: TableInfo[] }).tables;
}

const tableOne = async () => (await overview()).find((t) => t.code === session.codes[0])!;

async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  const found = await seriousViolations(page);
  expect(found, `${what}: ${found.join('\n')}`).toEqual([]);
}

async function yourMove(page: Page): Promise<void> {
  await page.getByRole('heading', { name: /^Your move · round \d+$/ }).waitFor({ timeout: 40_000 });
}

async function pass(page: Page): Promise<void> {
  await yourMove(page);
  await page.getByRole('button', { name: 'Pass', exact: true }).click();
  // The move goes to the server; the table changes when its view comes back.
  await page.getByRole('heading', { name: /^Your move · round \d+$/ }).waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Console errors other than the browser's own reports of the server going away (expected during the restart). */
const unexpected = (errors: string[]) =>
  errors.filter((e) => !/WebSocket|ERR_CONNECTION_REFUSED|Failed to load resource|Failed to fetch/.test(e));

/** The console's and lobby's status line (announcements repeat it in a live region). */
async function feedback(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('p.cr-feedback').filter({ hasText: text }).waitFor({ timeout: 10_000 });
}

async function waitForTable(page: Page, party: string): Promise<void> {
  await page.getByRole('heading', { name: `Buffer Zone Talks: negotiating as ${party}` }).waitFor({ timeout: 45_000 });
}

/** Everything Russia's browser received from the server (socket frames, API answers), as a student could read it. */
const received: { at: number; what: string; bytes: Buffer }[] = [];
let receivedCount = 0;

function listenAsStudent(page: Page): void {
  page.on('websocket', (ws) =>
    ws.on('framereceived', ({ payload }) => received.push({ at: receivedCount++, what: 'frame', bytes: Buffer.from(payload) })),
  );
  page.on('response', (res) => {
    if (!new URL(res.url()).pathname.startsWith('/api/')) return;
    const at = receivedCount++;
    void res.body().then(
      (bytes) => received.push({ at, what: res.url(), bytes }),
      () => undefined,
    );
  });
}

/** msgpack of `phase: "over"`: the debrief, which reveals every brief on purpose, starts there. */
const OVER = Buffer.concat([Buffer.from([0xa5]), Buffer.from('phase'), Buffer.from([0xa4]), Buffer.from('over')]);

beforeAll(async () => {
  server = new ClassroomProcess(await freePort());
  await server.start();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a classroom: a teacher and four teams', () => {
  it('the teacher creates a session with two parallel tables', async () => {
    teacher = await openGame(browser, server.url);
    const { page } = teacher;
    await page.getByRole('button', { name: 'Run a classroom' }).click();
    await page.getByRole('heading', { name: 'Run a classroom' }).waitFor();
    await page.getByRole('textbox', { name: 'Seed' }).fill('classroom-e2e');
    await page.getByRole('combobox', { name: 'Parallel tables' }).selectOption('2');
    await page.getByRole('combobox', { name: 'Time for each move' }).selectOption('300');
    expect(await page.getByRole('combobox', { name: 'Briefs' }).inputValue()).toBe('drawn');
    await shot(page, 'classroom-setup', true);
    await page.getByRole('button', { name: 'Create the session' }).click();
    await page.getByRole('heading', { name: 'Join the talks' }).waitFor();
    session = await page.evaluate(() => JSON.parse(localStorage.getItem('buffer-zone.classroom.teacher.v1')!));
    expect(session.codes).toHaveLength(2);
    // The lobby shows each table's code, link and QR code.
    for (const code of session.codes) await page.getByText(`${server.url}?join=${code}`).waitFor();
    expect(await page.locator('img.cr-qr').count()).toBe(2);
    await expect
      .poll(() => page.locator('img.cr-qr').evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).naturalWidth > 0)))
      .toBe(true);
  });

  it('four teams join table 1 from its link and read their briefs', async () => {
    const link = `${server.url}?join=${session.codes[0]}`;
    for (const [id, name] of TEAMS) {
      const opened = await openGame(browser, link);
      teams.set(id, opened);
      if (id === 'russia') listenAsStudent(opened.page);
      const { page } = opened;
      await page.getByRole('radio', { name }).waitFor();
      if (id === 'ukraine') {
        await shot(page, 'classroom-join');
        await expectNoSeriousViolations(page, 'join screen');
      }
      // The last team finds the other seats taken: they cannot be taken twice.
      if (id === 'coalition')
        for (const [, other] of TEAMS.slice(0, 3)) expect(await page.getByRole('radio', { name: other }).isDisabled()).toBe(true);
      await page.getByRole('radio', { name }).check();
      await page.getByRole('textbox', { name: 'Team name (optional)' }).fill(`Team ${name.split(' ')[0]}`);
      await page.getByRole('button', { name: 'Take this seat' }).click();
      await waitForTable(page, name);
      // The private brief is there; the teacher, not the team, opens the talks.
      await page.getByRole('button', { name: 'Read your brief' }).waitFor();
      await page.getByText('Your teacher opens the talks once every team has read its brief.').waitFor();
    }
    const { page } = teacher;
    for (const [, name] of TEAMS)
      await page
        .getByText(`Played by “Team ${name.split(' ')[0]}”`)
        .first()
        .waitFor();
    await shot(page, 'classroom-lobby');
    await expectNoSeriousViolations(page, 'lobby');
  });

  it('the teacher starts both tables and table 1 plays to a signed agreement, through a reload and a server restart', async () => {
    const { page } = teacher;
    const team = (id: string) => teams.get(id)!.page;
    await page.getByRole('button', { name: 'Start all tables' }).click();
    await feedback(page, 'The talks are open at every table.');
    await page.getByRole('button', { name: 'Open the console' }).first().click();
    await page.getByRole('heading', { name: /^Facilitator console · Table 1/ }).waitFor();

    // Round 1: every team holds its position; Russia's browser reloads in the middle of the round.
    await pass(team('ukraine'));
    await team('russia').reload();
    await waitForTable(team('russia'), 'Russia');
    await team('russia')
      .getByText(/Classroom table .* you are Russia/)
      .waitFor();
    await pass(team('russia'));
    await pass(team('us'));
    await pass(team('coalition'));

    // The round's event waits for the teacher, who sees it before anyone else.
    const release = page.getByRole('button', { name: 'Let it happen' });
    await expect.poll(() => release.getAttribute('aria-disabled'), { timeout: 10_000 }).toBeNull();
    await page.getByText('The seeded draw · only you see this').waitFor();
    await shot(page, 'classroom-console');
    await expectNoSeriousViolations(page, 'console');
    await release.click();
    await feedback(page, /^Event released:/);

    // Round 2, Ukraine to move: the teacher's laptop goes down and comes back.
    await yourMove(team('ukraine'));
    const before = await tableOne();
    await server.kill();
    await team('ukraine').locator('.cr-banner').getByText('Reconnecting to the table…').waitFor({ timeout: 15_000 });
    await shot(team('ukraine'), 'classroom-reconnecting');
    await server.start();
    const after = await tableOne();
    expect({ seq: after.seq, hash: after.hash }).toEqual({ seq: before.seq, hash: before.hash });
    for (const [id] of TEAMS) await team(id).locator('.cr-banner').waitFor({ state: 'hidden', timeout: 20_000 });
    // The console comes back after a reload of the teacher's page too.
    await page.reload();
    await page.getByRole('heading', { name: /^Facilitator console · Table 1/ }).waitFor();
    await page
      .getByText(/^Round 2 of 10/)
      .first()
      .waitFor({ timeout: 20_000 });

    // The facilitator's tools, each an intent in the table's record: an inject from the scenario and one
    // written on the spot (the teams see it at once), another event in place of the seeded draw, a
    // pause, and more time for the move.
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await feedback(page, 'Inject added: Diplomatic premises damaged.');
    await page.getByText('Write one now').click();
    await page.getByRole('textbox', { name: 'Headline' }).fill('A call from Ankara');
    await page.getByRole('textbox', { name: 'What happens' }).fill('Turkey offers to host the next round of talks.');
    await page.getByRole('button', { name: 'Add my inject' }).click();
    await feedback(page, 'Inject added: A call from Ankara.');
    await team('ukraine').getByRole('heading', { name: 'A call from Ankara' }).waitFor();
    await page.getByRole('combobox', { name: 'Replace it with' }).selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Replace', exact: true }).click();
    await feedback(page, 'The next event will be:');
    await page.getByText('Your replacement').waitFor();
    await page.getByRole('button', { name: 'Pause the talks' }).click();
    await feedback(page, 'The talks are paused.');
    await page.getByRole('button', { name: 'Resume the talks' }).click();
    await feedback(page, 'The talks go on.');
    await page.getByRole('button', { name: 'Add 1 minute' }).click();
    await feedback(page, 'Added 1 min on this move.');

    // Ukraine puts a package on the table that everyone can sign, whichever briefs the session drew; the others accept it.
    await yourMove(team('ukraine'));
    await team('ukraine').getByRole('button', { name: 'Propose a package' }).click();
    for (const [term, option] of Object.entries({ ...DEAL, bufferSide: 'both' })) {
      const select = team('ukraine').locator(`#term-${term}`);
      if (await select.count()) await select.selectOption(option);
    }
    await team('ukraine').getByRole('button', { name: 'Put it on the table' }).click();
    await yourMove(team('russia'));
    await shot(team('russia'), 'classroom-team');
    await expectNoSeriousViolations(team('russia'), 'team table');
    for (const id of ['russia', 'us', 'coalition']) {
      await yourMove(team(id));
      await team(id).getByRole('button', { name: 'Accept', exact: true }).click();
    }
    for (const [id] of TEAMS) await team(id).getByRole('button', { name: 'Open the debrief' }).waitFor({ timeout: 20_000 });
    const final = await tableOne();
    expect(final.phase).toBe('over');
    // Each browser followed the table step by step to the server's state.
    for (const [id] of TEAMS)
      expect(await team(id).evaluate(() => (window as unknown as { __bufferZone: { stateHash(): string } }).__bufferZone.stateHash())).toBe(
        final.hash,
      );
    for (const [id] of TEAMS) expect(unexpected(teams.get(id)!.errors)).toEqual([]);
  });

  it('a team reads the debrief and its downloaded record replays to the table’s hash', async () => {
    const { page } = teams.get('ukraine')!;
    await page.getByRole('button', { name: 'Open the debrief' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Agreement signed|broke down|Deadline reached/);
    expect(await page.locator('details.reveal').count()).toBe(4);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download record' }).click()]);
    const dir = mkdtempSync(join(tmpdir(), 'bz-record-'));
    try {
      const file = join(dir, 'table.bzrec.json');
      await download.saveAs(file);
      const record = parseRecordJson(readFileSync(file, 'utf8'));
      expect(record.ok).toBe(true);
      const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'replay', file, '--json'], {
        cwd: root,
        encoding: 'utf8',
      });
      expect(cli.status, cli.stderr).toBe(0);
      expect(JSON.parse(cli.stdout).stateHash).toBe((await tableOne()).hash);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // The full debrief says which briefs the session drew, beside the scenario's own values.
    await page.getByRole('button', { name: 'Full debrief' }).click();
    await page.getByText(/This classroom session drew its own version of each brief/).waitFor({ timeout: 20_000 });
    await page.locator('.debrief-variant').scrollIntoViewIfNeeded();
    await shot(page, 'classroom-debrief-variant');
    await page.goBack();
  });

  it('nothing Russia’s browser received before the end names another party’s brief as drawn, or the seed', async () => {
    const res = await fetch(`${server.url}api/tables/${session.codes[0]}/record`);
    const record = parseRecordJson(await res.text());
    if (!record.ok) throw new Error(record.error);
    expect(record.value.variant).toBeDefined();
    const played = recordLevel(findBuiltinLevel('buffer-zone-talks')!, record.value);
    if (!played.ok) throw new Error(played.error);
    const sorted = [...received].sort((a, b) => a.at - b.at);
    const end = sorted.findIndex((r) => r.bytes.includes(OVER));
    const before = sorted.slice(0, end < 0 ? sorted.length : end);
    expect(before.filter((r) => r.what === 'frame').length).toBeGreaterThan(20);
    const secrets = (['ukraine', 'us', 'coalition'] as const).flatMap((p) => [
      played.value.parties[p].brief,
      ...played.value.parties[p].redLines.map((r) => r.reason),
    ]);
    for (const r of before) {
      for (const secret of secrets) expect(r.bytes.includes(Buffer.from(secret)), `${r.what}: ${secret.slice(0, 40)}`).toBe(false);
      expect(r.bytes.includes(Buffer.from('classroom-e2e')), r.what).toBe(false);
    }
    // Its own brief did arrive: the search would have found the others'.
    expect(before.some((r) => r.bytes.includes(Buffer.from(played.value.parties.russia.brief)))).toBe(true);
  });

  it('the teacher ends table 2 and compares the two tables', async () => {
    const { page } = teacher;
    await page.getByRole('button', { name: 'Table 2' }).click();
    await page.getByRole('heading', { name: /^Facilitator console · Table 2/ }).waitFor();
    await page.getByRole('button', { name: 'End the talks…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'End the talks' }).click();
    await feedback(page, 'The talks are over.');

    await page.getByRole('button', { name: 'Compare the tables' }).click();
    await page.getByRole('heading', { name: 'The tables side by side' }).waitFor();
    const compared = page.locator('table.cr-compare-table');
    await compared.getByRole('columnheader', { name: /Table 1/ }).waitFor();
    await compared.getByRole('columnheader', { name: /Table 2/ }).waitFor();
    await expect
      .poll(async () => (await compared.getByRole('row', { name: /^Outcome/ }).textContent()) ?? '')
      .toMatch(/Outcome.*(Agreement signed|broke down|Deadline).*(Agreement signed|broke down|Deadline)/);
    await shot(page, 'classroom-comparison');
    await expectNoSeriousViolations(page, 'comparison');

    await page.getByRole('button', { name: 'Table 1' }).click();
    await page.getByRole('button', { name: 'Reveal the debrief' }).click();
    await page
      .getByRole('heading', { name: /Agreement signed|broke down|Deadline reached/ })
      .first()
      .waitFor();
    await shot(page, 'classroom-debrief');
    await expectNoSeriousViolations(page, 'teacher debrief');
    expect(unexpected(teacher.errors)).toEqual([]);
  });
});
