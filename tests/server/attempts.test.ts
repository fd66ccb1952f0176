import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@colyseus/sdk';
import { CODE_ALPHABET, CODE_LENGTH } from '../../src/server/secrets';
import { F, Seat, createSession, joinTeacher, joinTeam, startServer, type SessionInfo, type TestServer } from './helpers';

/**
 * Join codes cannot be found by trying: 25^6 ≈ 244 million codes, and an address that fails a few
 * times (wrong code, wrong seat token, unknown table in the API) gets its code lookups slowed to a
 * few a second. A whole class behind one school router shares an address, so only failures count,
 * and nobody with a right code is locked out: a right code gets in after a short wait, a team coming
 * back with its seat token and the teacher's own requests are not slowed at all.
 */

const LIMIT = 5;
const PER_SECOND = 5;
let t: TestServer;
let session: SessionInfo;
let teacher: Seat;
let ukraine: Seat;
let ukraineToken: string;
const code = () => session.tables[0].code;

beforeAll(async () => {
  t = await startServer({
    limits: { failedAttempts: LIMIT, failedAttemptWindowMs: 60_000, slowLookupsPerSecond: PER_SECOND, slowLookupQueue: 4 },
  });
  session = await createSession(t.url, { tables: 1 });
  teacher = await joinTeacher(t.url, code(), session.teacherToken);
  ukraine = await joinTeam(t.url, code(), 'ukraine');
  await new Promise((r) => setTimeout(r, 100));
  ukraineToken = ukraine.seatToken!;
});

afterAll(async () => {
  await teacher?.leave();
  await ukraine?.leave();
  await t.stop();
});

function wrongCode(i = 0): string {
  let c = '';
  for (let k = 0; k < CODE_LENGTH; k++) c += CODE_ALPHABET[(k * 7 + 3 + i) % CODE_ALPHABET.length];
  return c === code() ? c.split('').reverse().join('') : c;
}

describe('guessing codes and tokens', () => {
  it('answers each wrong code, malformed code and wrong token', async () => {
    await expect(new Client(t.url).joinById(wrongCode(), { seat: 'russia' })).rejects.toThrow(/No table has the code/);
    await expect(new Client(t.url).joinById('0000', { seat: 'russia' })).rejects.toThrow(/No table has the code/);
    expect((await fetch(`${t.url}/api/tables/${wrongCode()}/record`)).status).toBe(404);
    await expect(new Client(t.url).joinById(code(), { seat: 'ukraine', seatToken: 'guess' })).rejects.toThrow(/does not match/);
    expect((await fetch(`${t.url}/api/sessions/${session.sessionId}?teacherToken=guess`)).status).toBe(401);
  });

  it('over the limit, still lets a right code in, and the teacher and the teams at their tables carry on', async () => {
    const joined = await new Client(t.url).joinById(code(), { seat: 'russia' });
    const russia = new Seat(joined, 'russia');
    expect((await fetch(`${t.url}/api/tables/${code()}`)).status).toBe(200);
    const overview = await fetch(`${t.url}/api/sessions/${session.sessionId}`, {
      headers: { Authorization: `Bearer ${session.teacherToken}` },
    });
    expect(overview.status).toBe(200);
    expect((await teacher.intent(F('game.start'))).ok).toBe(true);
    expect(await ukraine.intent({ type: 'party.pass', by: 'ukraine' })).toMatchObject({ ok: true, seq: 2 });
    await russia.leave();
  });

  it('takes a team back with its seat token at once', async () => {
    await ukraine.leave();
    const started = Date.now();
    ukraine = await joinTeam(t.url, code(), 'ukraine', ukraineToken);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(ukraine.room.connection.isOpen).toBe(true);
  });

  it('lets an address over the limit try codes only a few times a second, and refuses a flood without looking', async () => {
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => fetch(`${t.url}/api/tables/${wrongCode(i + 1)}`).then((r) => r.status)),
    );
    // Four wait their turn (and are answered: no such table), the rest are refused at once.
    expect(answers.filter((s) => s === 404).length).toBe(4);
    expect(answers.filter((s) => s === 429).length).toBe(8);
    expect(Date.now() - started).toBeGreaterThanOrEqual((3 * 1000) / PER_SECOND - 50);
  });
});
