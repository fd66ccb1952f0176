import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  F,
  createSession,
  joinTeacher,
  joinTeam,
  startServer,
  until,
  viewAt,
  type Seat,
  type SessionInfo,
  type TestServer,
} from './helpers';

/**
 * Time in a classroom: a team that runs out of time on its turn holds its position ("Time ran out."),
 * the teacher's pause stops the clock and the teacher can add time; a team that drops and stays away
 * longer than the grace period is played by the computer until it comes back with its token.
 * (The server's timer second is shortened to 20 ms here.)
 */

let t: TestServer;
let session: SessionInfo;
let teacher: Seat;
let ukraine: Seat;
let russia: Seat;

beforeAll(async () => {
  t = await startServer({ tickMs: 20 });
  // 50 timer seconds = 1 s of real time here.
  session = await createSession(t.url, { tables: 1, turnSeconds: 50, graceSeconds: 1 });
  const code = session.tables[0].code;
  teacher = await joinTeacher(t.url, code, session.teacherToken);
  ukraine = await joinTeam(t.url, code, 'ukraine');
  russia = await joinTeam(t.url, code, 'russia');
  await until(() => teacher.lastView?.seats.russia.status === 'team', 'the teams to sit');
});

afterAll(async () => {
  for (const s of [teacher, ukraine, russia]) await s?.leave();
  await t.stop();
});

describe('the turn timer', () => {
  it('does not run before the start; the teacher can add time, and a pause stops the clock', async () => {
    expect(teacher.lastView!.timer).toMatchObject({ turnSeconds: 50, remaining: null, running: false });
    expect((await teacher.intent(F('game.start'))).ok).toBe(true);
    await until(() => teacher.lastView?.timer.party === 'ukraine' && teacher.lastView.timer.running, 'Ukraine’s clock');
    expect(await teacher.request('timer', { addSeconds: 600 })).toEqual({ ok: true });
    await until(() => (teacher.lastView?.timer.remaining ?? 0) > 100, 'the extra time');
    const pause = await teacher.intent(F('facilitator.pause'));
    await viewAt(teacher, (pause as { seq: number }).seq);
    const frozen = teacher.lastView!.timer.remaining;
    expect(teacher.lastView!.timer.running).toBe(false);
    await new Promise((r) => setTimeout(r, 200));
    expect(teacher.lastView!.timer.remaining).toBe(frozen);
    const resume = await teacher.intent(F('facilitator.resume'));
    await viewAt(teacher, (resume as { seq: number }).seq);
    expect(teacher.lastView!.timer.running).toBe(true);
    expect((await ukraine.intent({ type: 'party.pass', by: 'ukraine', note: 'We move ourselves.' })).ok).toBe(true);
  });

  it('passes for a team whose time runs out', async () => {
    await until(() => teacher.lastView?.timer.party === 'russia', 'Russia’s clock');
    await until(() => teacher.view.log.some((e) => e.by === 'russia'), 'Russia’s time to run out', 5000);
    expect(teacher.view.log.find((e) => e.by === 'russia')).toMatchObject({ kind: 'pass', note: 'Time ran out.' });
    // While a clock runs, every client gets each second as a 'timer' message.
    expect(ukraine.messages.some((m) => m.type === 'timer' && (m.payload as { party: string }).party === 'russia')).toBe(true);
  });

  it('lets the computer play the seats nobody took, and waits for the teacher to release the event', async () => {
    await until(() => teacher.view.phase === 'events', 'the computer parties to move');
    const byComputer = teacher.view.log.filter((e) => e.by === 'us' || e.by === 'coalition');
    expect(byComputer).toHaveLength(2);
    expect(teacher.lastView!.timer.running).toBe(false);
    expect((await teacher.intent(F('facilitator.releaseEvent'))).ok).toBe(true);
  });
});

describe('the grace period', () => {
  it('keeps a dropped team’s seat, then lets the computer play it, until the team comes back', async () => {
    // A table without a turn timer, so only the grace period (1 s) decides.
    const other = await createSession(t.url, { tables: 1, turnSeconds: 0, graceSeconds: 2 });
    const code = other.tables[0].code;
    const host = await joinTeacher(t.url, code, other.teacherToken);
    let team = await joinTeam(t.url, code, 'ukraine');
    await until(() => team.seatToken !== undefined && host.lastView?.seats.ukraine.status === 'team', 'Ukraine seated');
    const token = team.seatToken!;
    await team.leave(false);
    await until(() => host.lastView?.seats.ukraine.status === 'away', 'Ukraine away');
    expect((await host.intent(F('game.start'))).ok).toBe(true);
    // Ukraine moves first: the table waits for it until the grace period (2 s) ends, then the computer moves for it.
    await new Promise((r) => setTimeout(r, 300));
    expect(host.view.turn).toBe('ukraine');
    await until(() => host.lastView?.seats.ukraine.status === 'computer', 'the grace period to end', 4000);
    await until(() => host.view.phase === 'events', 'the computer to move for every empty seat', 4000);
    expect(host.view.log.filter((e) => e.by === 'ukraine')).toHaveLength(1);
    team = await joinTeam(t.url, code, 'ukraine', token);
    await until(() => host.lastView?.seats.ukraine.status === 'team', 'Ukraine back');
    expect(team.view.brief?.party).toBe('ukraine');
    await team.leave();
    await host.leave();
  });
});
