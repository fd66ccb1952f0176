import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartyId } from '../../src/core';
import { JOURNAL_FILE } from '../../src/server/journal';
import {
  F,
  createSession,
  joinTeacher,
  joinTeam,
  until,
  viewAt,
  startServer,
  type Seat,
  type SessionInfo,
  type TestServer,
} from './helpers';

/**
 * Intent ids belong to the seat that sends them. A team that sends its own move under the id the
 * server will give a computer party's move (`auto-4-us`) or the turn timer's (`timer-5-coalition`)
 * used to freeze the table: every retry of the server's move was refused as "id-reused". Now the
 * server's ids live in a scope no client reaches, and each seat's ids are its own, while a genuine
 * retry of the same move from the same seat is still recognised and not applied twice.
 */

let t: TestServer;
let session: SessionInfo;
let teacher: Seat;
const teams: Partial<Record<PartyId, Seat>> = {};

beforeAll(async () => {
  // A turn lasts 60 timer seconds of 50 ms: 3 s for a team to move before the timer passes for it.
  t = await startServer({ tickMs: 50 });
  session = await createSession(t.url, { tables: 1, seed: 'id-squatting', turnSeconds: 60 });
  const code = session.tables[0].code;
  teacher = await joinTeacher(t.url, code, session.teacherToken);
  // The United States' seat is left to the computer.
  for (const p of ['ukraine', 'russia', 'coalition'] as const) teams[p] = await joinTeam(t.url, code, p);
  await until(() => [teacher, ...Object.values(teams)].every((s) => s.lastView !== undefined), 'everyone to get a view');
});

afterAll(async () => {
  for (const s of [teacher, ...Object.values(teams)]) await s?.leave();
  await t.stop();
});

describe('ids squatted by a team', () => {
  it('cannot block the computer, the timer or another seat, and a genuine retry is still a duplicate', async () => {
    expect(await teacher.intent(F('game.start'), 'start')).toMatchObject({ ok: true, seq: 1 });
    // Ukraine takes the id of the timer's pass for the coalition at step 5, and the teacher's id too.
    expect(await teams.ukraine!.intent({ type: 'party.pass', by: 'ukraine' }, 'timer-5-coalition')).toMatchObject({ ok: true, seq: 2 });
    // Russia takes the id of the computer's move for the United States at step 4.
    const squat = { type: 'party.pass', by: 'russia' } as const;
    expect(await teams.russia!.intent(squat, 'auto-4-us')).toMatchObject({ ok: true, seq: 3 });
    // The computer moves for the United States all the same.
    await viewAt(teacher, 4, 10_000);
    expect(teacher.lastView!.view.turn).toBe('coalition');
    // The coalition does not move: the timer passes for it.
    await viewAt(teacher, 5, 10_000);
    const steps = await teacher.request<{ steps: { intent: unknown }[] }>('steps', { from: 4 });
    expect(steps.steps.map((s) => s.intent)).toMatchObject([
      { type: expect.any(String), by: 'us' },
      { type: 'party.pass', by: 'coalition', note: 'Time ran out.' },
    ]);

    // Russia's retry of its own move (a lost acknowledgement) is recognised, not applied again.
    expect(await teams.russia!.intent(squat, 'auto-4-us')).toMatchObject({ ok: true, seq: 3, duplicate: true });
    // The same id for another move from the same seat is refused; from another seat it is simply that seat's id.
    expect(await teams.russia!.intent({ type: 'party.pass', by: 'russia', note: 'other' }, 'auto-4-us')).toMatchObject({
      ok: false,
      code: 'id-reused',
    });
    // The round is over: once the teacher lets the event happen, it is Ukraine's turn again.
    if (teacher.lastView!.view.phase === 'events') expect((await teacher.intent(F('facilitator.releaseEvent'), 'release-1')).ok).toBe(true);
    await until(() => teacher.lastView!.view.phase === 'turns' && teacher.lastView!.view.turn === 'ukraine', "Ukraine's turn");
    await viewAt(teams.ukraine!, teacher.lastView!.seq);
    const seq = teacher.lastView!.seq;
    expect(await teams.ukraine!.intent({ type: 'party.pass', by: 'ukraine' }, 'auto-4-us')).toMatchObject({ ok: true, seq: seq + 1 });
  });

  it('refuses client ids in the server’s scope', async () => {
    expect(await teams.ukraine!.intent({ type: 'party.pass', by: 'ukraine' }, 'server/auto-9-us')).toMatchObject({
      ok: false,
      code: 'bad-request',
    });
  });

  it('journals each id with its seat, and the server’s own under "server"', () => {
    const db = new DatabaseSync(join(t.dataDir, JOURNAL_FILE), { readOnly: true });
    try {
      const rows = db.prepare('SELECT intent_id FROM intents WHERE code = ? ORDER BY seq').all(session.tables[0].code);
      const ids = rows.map((r) => r.intent_id);
      expect(ids.slice(0, 5)).toEqual([
        'facilitator/start',
        'ukraine/timer-5-coalition',
        'russia/auto-4-us',
        'server/auto-4-us',
        'server/timer-5-coalition',
      ]);
    } finally {
      db.close();
    }
  });
});
