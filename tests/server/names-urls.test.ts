import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@colyseus/sdk';
import { TEAM_NAME_MAX } from '../../src/protocol';
import { cleanTeamName } from '../../src/server/names';
import { createSession, joinTeacher, until, startServer, type Seat, type SessionInfo, type TestServer } from './helpers';

/**
 * Team names are shown on the teacher's projector and in every team's seat list, so a name cannot
 * carry control characters (NUL, ESC, line breaks) or the invisible bidirectional controls that
 * reverse the text around them; the join form and the server have the same length limit; and a long
 * name without spaces wraps in the lobby instead of pushing the layout apart. Malformed addresses
 * are the client's mistake: 400, never 500.
 */

const root = resolve(import.meta.dirname, '../..');

describe('cleaning a team name', () => {
  it.each([
    ['Group 4', 'Group 4'],
    ['  Group   4  ', 'Group 4'],
    ['Nul\u0000here', 'Nulhere'],
    ['\u001b[31mRed\u001b[0m', '[31mRed[0m'],
    ['Line\r\nbreak', 'Line break'],
    ['Tab\there', 'Tab here'],
    ['\u202eevil\u202c name', 'evil name'],
    ['\u2066isolated\u2069 \u2067rtl\u2068', 'isolated rtl'],
    ['\u200fmark\u200e', 'mark'],
    ['C1\u0085\u009bcontrols', 'C1 controls'],
    ['Ukraine 🇺🇦', 'Ukraine 🇺🇦'],
    ['Кліматична група', 'Кліматична група'],
    ['\u0000\u001b\u202e  ', undefined],
    ['', undefined],
  ])('%j → %j', (raw, clean) => {
    expect(cleanTeamName(raw)).toBe(clean);
  });

  it('keeps at most the join form’s limit, without splitting a character', () => {
    expect(cleanTeamName('x'.repeat(60))).toBe('x'.repeat(TEAM_NAME_MAX));
    const emoji = cleanTeamName('a' + '🙂'.repeat(30))!;
    expect(emoji.length).toBeLessThanOrEqual(TEAM_NAME_MAX);
    expect(emoji).toBe('a' + '🙂'.repeat((TEAM_NAME_MAX - 1) >> 1));
  });

  it('has the same limit as the join form, and the lobby wraps long names', () => {
    const join = readFileSync(resolve(root, 'src/ui/classroom/screens/join.ts'), 'utf8');
    const input = join.slice(join.indexOf("id: 'team-name'"), join.indexOf("id: 'team-name'") + 200);
    expect(input).toContain(`maxlength: ${TEAM_NAME_MAX},`);
    const css = readFileSync(resolve(root, 'src/ui/classroom/classroom.css'), 'utf8');
    expect(css).toMatch(/\.cr-seat-status \{[^}]*overflow-wrap: anywhere/);
    expect(css).toMatch(/\.cr-seat \{[^}]*grid-template-columns: auto 12\.5rem minmax\(0, 1fr\) auto/);
  });
});

let t: TestServer;
let session: SessionInfo;
let teacher: Seat;
const code = () => session.tables[0].code;

beforeAll(async () => {
  t = await startServer();
  session = await createSession(t.url, { tables: 1 });
  teacher = await joinTeacher(t.url, code(), session.teacherToken);
});

afterAll(async () => {
  await teacher?.leave();
  await t.stop();
});

describe('team names on the server', () => {
  it('strips control and bidi characters from a name before anyone sees it', async () => {
    const room = await new Client(t.url).joinById(code(), { seat: 'russia', name: '\u202eGroup\u0000 \u001b[2J7\r\n' });
    await until(() => teacher.lastView?.seats.russia.name != null, 'the name in the lobby');
    expect(teacher.lastView!.seats.russia.name).toBe('Group [2J7');
    const summary = (await (await fetch(`${t.url}/api/tables/${code()}`)).json()) as { seats: { russia: { name: string } } };
    expect(summary.seats.russia.name).toBe('Group [2J7');
    await room.leave();
  });

  it('takes a name as long as the form allows, and refuses a longer one with the limit', async () => {
    const longest = 'W'.repeat(TEAM_NAME_MAX);
    const room = await new Client(t.url).joinById(code(), { seat: 'us', name: longest });
    await until(() => teacher.lastView?.seats.us.name === longest, 'the longest name');
    await room.leave();
    await expect(new Client(t.url).joinById(code(), { seat: 'coalition', name: `${longest}W` })).rejects.toThrow(
      `A team name has at most ${TEAM_NAME_MAX} characters.`,
    );
  });
});

describe('malformed addresses', () => {
  it.each(['/api/tables/%E0%A4%A', '/api/tables/%E0%A4%A/record', '/api/tables/%E0%A4%A/qr.svg', '/api/sessions/%E0%A4%A', '/api/%FF'])(
    'GET %s → 400',
    async (path) => {
      const res = await fetch(`${t.url}${path}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(/not valid/);
    },
  );

  it('POST /matchmake/joinById/%E0%A4%A → 400', async () => {
    const res = await fetch(`${t.url}/matchmake/joinById/%E0%A4%A`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(400);
  });

  it('still answers afterwards', async () => {
    expect((await fetch(`${t.url}/api/tables/${code()}`)).status).toBe(200);
  });
});
