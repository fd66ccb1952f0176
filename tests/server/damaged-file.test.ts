import { existsSync, readFileSync, readdirSync, writeFileSync, openSync, writeSync, closeSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JOURNAL_FILE, Journal, checkJournalFile } from '../../src/server/journal';
import { createSession as createSessionRow } from '../../src/server/sessions';
import { F, createSession, joinTeacher, startServer, tempDataDir, type TestServer } from './helpers';

/**
 * A damaged or foreign classroom.sqlite never stops the server. It says which file, what is wrong
 * and how to restore it; it moves and changes nothing; and it serves the game and new sessions from
 * a fresh file beside it, named in the message (and used again at the next start, so those new
 * sessions are not lost either).
 */

let lines: string[] = [];
let servers: TestServer[] = [];
const dirs: string[] = [];

beforeEach(() => {
  lines = [];
  for (const method of ['warn', 'error', 'log'] as const)
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
});

afterEach(async () => {
  for (const s of servers) await s.server.close();
  servers = [];
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dirWith(write: (file: string) => void): string {
  const dir = tempDataDir();
  dirs.push(dir);
  write(join(dir, JOURNAL_FILE));
  return dir;
}

async function start(dataDir: string): Promise<TestServer> {
  const t = await startServer({ dataDir });
  servers.push(t);
  return t;
}

const fallbacks = (dir: string) => readdirSync(dir).filter((f) => /^classroom-\d{8}-\d{6}\.sqlite$/.test(f));

/** A real journal with a session and some rows, closed (so everything is in the file itself). */
async function realJournal(file: string): Promise<void> {
  const dir = join(file, '..');
  const journal = new Journal(dir);
  for (let i = 0; i < 40; i++) createSessionRow(journal, { levelId: 'buffer-zone-talks', seed: `s${i}`, tables: 8 }, 60);
  await journal.close();
}

describe('a classroom.sqlite the server cannot use', () => {
  it.each([
    ['a text file', (f: string) => writeFileSync(f, 'These are my lesson notes, not a database.\n'.repeat(40)), /not a SQLite database/],
    [
      'another program’s database',
      (f: string) => {
        const db = new DatabaseSync(f);
        db.exec("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT); INSERT INTO users (email) VALUES ('a@example.org');");
        db.close();
      },
      /database of another program \(its tables: users\)/,
    ],
  ])('%s: says so, leaves it alone and serves new sessions from a fresh file', async (_name, write, reason) => {
    const dir = dirWith(write);
    const before = readFileSync(join(dir, JOURNAL_FILE));
    const t = await start(dir);
    const text = lines.join('\n');
    expect(text).toContain(`${JOURNAL_FILE} cannot be used`);
    expect(text).toMatch(reason);
    expect(text).toContain('left exactly as it is');
    const fresh = fallbacks(dir);
    expect(fresh).toHaveLength(1);
    expect(text).toContain(fresh[0]);
    expect(text).toMatch(/npm run cli -- restore/);
    expect(text).not.toMatch(/\n\s+at /);
    // Nothing was moved, changed or created beside the unusable file.
    expect(readFileSync(join(dir, JOURNAL_FILE))).toEqual(before);
    expect(existsSync(join(dir, `${JOURNAL_FILE}-wal`))).toBe(false);

    // The game goes on: a new session, a teacher, a move.
    const session = await createSession(t.url, { tables: 1 });
    const teacher = await joinTeacher(t.url, session.tables[0].code, session.teacherToken);
    expect(await teacher.intent(F('game.start'))).toMatchObject({ ok: true, seq: 1 });
    await teacher.leave();
    await t.server.close();
    servers = [];

    // The next start finds the same fresh file, with that session in it.
    lines = [];
    const again = await start(dir);
    expect(fallbacks(dir)).toEqual(fresh);
    expect(lines.join('\n')).toContain(fresh[0]);
    const res = await fetch(`${again.url}/api/sessions/${session.sessionId}`, {
      headers: { Authorization: `Bearer ${session.teacherToken}` },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { tables: { seq: number }[] }).tables[0].seq).toBeGreaterThanOrEqual(1);
  });

  it('a damaged database: says it is damaged and carries on', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    await realJournal(join(dir, JOURNAL_FILE));
    expect(checkJournalFile(join(dir, JOURNAL_FILE))).toBeNull();
    // Scribble over the file past its first page, as a failing disk or a bad copy would.
    const fd = openSync(join(dir, JOURNAL_FILE), 'r+');
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, 4096);
    closeSync(fd);
    const reason = checkJournalFile(join(dir, JOURNAL_FILE));
    expect(reason).toMatch(/damaged|malformed|not a SQLite database/);
    const t = await start(dir);
    expect(lines.join('\n')).toContain(`${JOURNAL_FILE} cannot be used: ${reason}`);
    expect(fallbacks(dir)).toHaveLength(1);
    await createSession(t.url, { tables: 1 });
  });
});
