import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import { JOURNAL_FILE } from '../../src/server/journal';
import { F, createSession, joinTeacher, startServer, tempDataDir, until, type Seat, type SessionInfo, type TestServer } from './helpers';

/**
 * A teacher's backups. `backup` writes one consistent file while the server runs with tables in
 * play; `restore` puts it into a fresh DATA_DIR (and refuses while a server uses the folder); a server
 * started there has the tables back at the same hashes. The journal is also checkpointed while the
 * server runs and when it stops, so classroom.sqlite alone holds the moves, not only its -wal file.
 */

const level = { levelId: 'buffer-zone-talks' };
let t: TestServer;
let session: SessionInfo;
const teachers: Seat[] = [];
const scratch = tempDataDir();

function cli(...argv: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(
    argv,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function overview(url: string, s: SessionInfo) {
  const res = await fetch(`${url}/api/sessions/${s.sessionId}`, { headers: { Authorization: `Bearer ${s.teacherToken}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { tables: { code: string; seq: number; hash: string }[] }).tables.map(({ code, seq, hash }) => ({
    code,
    seq,
    hash,
  }));
}

beforeAll(async () => {
  t = await startServer({ computerDelayMs: 60_000, checkpointSeconds: 1 });
  session = await createSession(t.url, { ...level, tables: 2, seed: 'backup' });
  for (const [i, table] of session.tables.entries()) {
    const teacher = await joinTeacher(t.url, table.code, session.teacherToken);
    teachers.push(teacher);
    expect((await teacher.intent(F('game.start'))).ok).toBe(true);
    for (let k = 0; k <= i; k++) expect((await teacher.intent(F('facilitator.inject', { eventId: 'embassy-damaged' }))).ok).toBe(true);
  }
});

afterAll(async () => {
  for (const s of teachers) await s.leave();
  await t?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('checkpoints the journal while the server runs: classroom.sqlite alone has the moves', async () => {
    const copy = join(scratch, 'copy-of-the-file-alone.sqlite');
    await until(
      () => {
        copyFileSync(join(t.dataDir, JOURNAL_FILE), copy);
        const db = new DatabaseSync(copy, { readOnly: true });
        try {
          return (db.prepare('SELECT COUNT(*) AS n FROM intents').get() as { n: number }).n === 5;
        } catch {
          return false;
        } finally {
          db.close();
        }
      },
      'a checkpoint',
      5000,
    );
  });

  it('backs up while the server runs, refuses to restore over it, and restores into a fresh folder with the same hashes', async () => {
    const before = await overview(t.url, session);
    expect(before.map((x) => x.seq)).toEqual([2, 3]);

    const made = cli('backup', join(scratch, 'backups'), '--data-dir', t.dataDir);
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    expect(made.out).toMatch(
      /^Backed up 1 session, 2 tables and 5 moves from .*classroom\.sqlite to .*classroom-backup-\d{8}-\d{6}\.sqlite$/,
    );
    const [file] = readdirSync(join(scratch, 'backups'));
    const backup = join(scratch, 'backups', file);
    // One file: no write-ahead log beside it.
    expect(readdirSync(join(scratch, 'backups'))).toEqual([file]);

    const refused = cli('restore', backup, '--data-dir', t.dataDir);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/classroom\.sqlite: a classroom server \(process \d+, http:.*\) is using this folder\. Stop it first/);

    // More moves after the backup: they are not in it.
    expect((await teachers[0].intent(F('facilitator.pause'))).ok).toBe(true);

    const fresh = join(scratch, 'restored');
    const restored = cli('restore', backup, '--data-dir', fresh);
    expect(restored.code).toBe(0);
    expect(restored.out).toContain('Restored 1 session, 2 tables and 5 moves');

    await t.server.close();
    const again = await startServer({ dataDir: fresh, computerDelayMs: 60_000 });
    try {
      expect(await overview(again.url, session)).toEqual(before);
      // The restored tables play on.
      const teacher = await joinTeacher(again.url, session.tables[0].code, session.teacherToken);
      expect(await teacher.intent(F('facilitator.pause'))).toMatchObject({ ok: true, seq: 3 });
      await teacher.leave();
    } finally {
      await again.stop();
    }
  });

  it('leaves classroom.sqlite complete when the server stops (no -wal needed)', () => {
    const wal = join(t.dataDir, `${JOURNAL_FILE}-wal`);
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
    const db = new DatabaseSync(join(t.dataDir, JOURNAL_FILE), { readOnly: true });
    expect((db.prepare('SELECT COUNT(*) AS n FROM intents').get() as { n: number }).n).toBe(6);
    db.close();
  });

  it('answers bad input with exit code 2 and a message that names the file', () => {
    const empty = join(scratch, 'empty');
    mkdirSync(empty);
    const none = cli('backup', join(scratch, 'b2'), '--data-dir', empty);
    expect(none).toMatchObject({ code: 2, err: expect.stringContaining(join(empty, JOURNAL_FILE)) });
    const notes = join(scratch, 'notes.sqlite');
    writeFileSync(notes, 'lesson notes, not a database\n'.repeat(30));
    expect(cli('restore', notes, '--data-dir', join(scratch, 'r2'))).toMatchObject({
      code: 2,
      err: `${notes}: cannot be used: it is not a SQLite database (file is not a database)`,
    });
    expect(cli('restore', join(scratch, 'missing.sqlite'))).toMatchObject({
      code: 2,
      err: expect.stringContaining('missing.sqlite: no such file'),
    });
    expect(cli('backup')).toMatchObject({ code: 2, err: expect.stringMatching(/^backup: give a folder/) });
    expect(existsSync(join(scratch, 'r2', JOURNAL_FILE))).toBe(false);
  });
});
