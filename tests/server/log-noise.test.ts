import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LineLimiter } from '../../src/server/logger';
import { createSession, joinTeam, startServer, type Seat, type TestServer } from './helpers';

/**
 * Bad input from a client never puts a stack trace in the teacher's terminal: each refusal is one
 * short line, and a client sending sixty absurdly nested MessagePack requests (once 664 lines of
 * stack traces) gets a handful of lines in all. The sender keeps its connection and its seat.
 */

let t: TestServer;
let team: Seat;
const lines: string[] = [];

beforeAll(async () => {
  for (const method of ['warn', 'error', 'log', 'info'] as const)
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
  t = await startServer({ quiet: false });
  const session = await createSession(t.url, { tables: 1 });
  team = await joinTeam(t.url, session.tables[0].code, 'russia');
});

afterAll(async () => {
  await team?.leave();
  await t?.stop();
  vi.restoreAllMocks();
});

describe('a client sending messages nobody can read', () => {
  it('gets a refusal each time; the terminal gets a few short lines and no stack trace', async () => {
    lines.length = 0;
    const packr = (team.room as unknown as { packr: { pack: (v: unknown) => Uint8Array } }).packr;
    const pack = packr.pack;
    const nested = new Uint8Array(60_000).fill(0x91); // an array in an array in an array…
    nested[nested.length - 1] = 0xc0;
    packr.pack = () => nested;
    try {
      for (let i = 0; i < 60; i++) await expect(team.request('intent', {})).rejects.toThrow();
    } finally {
      packr.pack = pack;
    }
    expect(lines.filter((l) => /\n\s+at /.test(l) || /^\s+at /.test(l))).toEqual([]);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(6);
    for (const line of lines) {
      expect(line).toMatch(/^\[classroom\] refused a message a client sent: RangeError: Maximum call stack size exceeded$/);
    }
    expect(team.room.connection.isOpen).toBe(true);
    expect(await team.request('sync')).toMatchObject({ ok: true });
  });

  it('says how many lines it left out', () => {
    let now = 0;
    const out: string[] = [];
    const limiter = new LineLimiter(
      (l) => out.push(l),
      2,
      1000,
      () => now,
    );
    for (let i = 0; i < 5; i++) limiter.line(`refused ${i}`);
    now = 1000;
    limiter.line('refused 5');
    expect(out).toEqual(['refused 0', 'refused 1', '[classroom] … and 3 more refused client messages like these', 'refused 5']);
  });
});
