import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@colyseus/sdk';
import { CODE_ALPHABET, CODE_LENGTH } from '../../src/server/secrets';
import { F, createSession, joinTeacher, joinTeam, startServer, type Seat, type SessionInfo, type TestServer } from './helpers';

/**
 * Join codes cannot be found by trying: 25^6 ≈ 244 million codes, and an address that fails a few
 * times (wrong code, wrong seat token, unknown table in the API) is refused for a while, even with a
 * right code. A classroom shares one address, so only failures count. Teams already at their tables
 * are not affected.
 */

const LIMIT = 5;
let t: TestServer;
let session: SessionInfo;
let teacher: Seat;
let ukraine: Seat;

beforeAll(async () => {
  t = await startServer({ limits: { failedAttempts: LIMIT, failedAttemptWindowMs: 60_000 } });
  session = await createSession(t.url, { tables: 1 });
  teacher = await joinTeacher(t.url, session.tables[0].code, session.teacherToken);
  ukraine = await joinTeam(t.url, session.tables[0].code, 'ukraine');
});

afterAll(async () => {
  await teacher?.leave();
  await ukraine?.leave();
  await t.stop();
});

function wrongCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[(i * 7 + 3) % CODE_ALPHABET.length];
  return code === session.tables[0].code ? code.split('').reverse().join('') : code;
}

describe('guessing codes and tokens', () => {
  it('answers each wrong code, malformed code and wrong token until the limit, then refuses even a right code', async () => {
    await expect(new Client(t.url).joinById(wrongCode(), { seat: 'russia' })).rejects.toThrow(/No table has the code/);
    await expect(new Client(t.url).joinById('0000', { seat: 'russia' })).rejects.toThrow(/No table has the code/);
    expect((await fetch(`${t.url}/api/tables/${wrongCode()}/record`)).status).toBe(404);
    await expect(new Client(t.url).joinById(session.tables[0].code, { seat: 'ukraine', seatToken: 'guess' })).rejects.toThrow(
      /does not match/,
    );
    expect((await fetch(`${t.url}/api/sessions/${session.sessionId}?teacherToken=guess`)).status).toBe(401);
    // That was five failures: the next attempt is refused, whatever it is.
    await expect(new Client(t.url).joinById(session.tables[0].code, { seat: 'russia' })).rejects.toThrow(/Too many failed attempts/);
    expect((await fetch(`${t.url}/api/tables/${session.tables[0].code}`)).status).toBe(429);
  });

  it('lets the teams already seated play on', async () => {
    expect((await teacher.intent(F('game.start'))).ok).toBe(true);
    expect(await ukraine.intent({ type: 'party.pass', by: 'ukraine' })).toMatchObject({ ok: true, seq: 2 });
  });
});
