import { rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stateHash, type Intent } from '../../src/core';
import { authorize } from '../../src/server/authorize';
import { Journal } from '../../src/server/journal';
import { JournalWriter } from '../../src/server/journal-writer';
import { TokenBucket, WindowCounter } from '../../src/server/limits';
import { SeatBook } from '../../src/server/seats';
import { CODE_ALPHABET, isWellFormedCode, newJoinCode, normalizeCode } from '../../src/server/secrets';
import { createSession } from '../../src/server/sessions';
import { Table } from '../../src/server/table';
import { tempDataDir } from './helpers';

/** The pieces under the room, without sockets: the journal, the table it rebuilds, who may send what, limits, seats. */

const dirs: string[] = [];
const journals: Journal[] = [];
afterEach(async () => {
  for (const j of journals.splice(0)) await j.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function freshTable(): { journal: Journal; table: Table; dir: string } {
  const dir = tempDataDir();
  dirs.push(dir);
  const journal = new Journal(dir);
  journals.push(journal);
  const created = createSession(journal, { levelId: 'buffer-zone-talks', seed: 'journal', tables: 1 }, 60);
  if (!created.ok) throw new Error(created.error);
  const opened = Table.open(journal, created.value.codes[0]);
  if (!opened.ok) throw new Error(opened.error);
  return { journal, table: opened.value, dir };
}

const start: Intent = { type: 'game.start', by: 'facilitator' };
const pass = (by: 'ukraine' | 'russia' | 'us'): Intent => ({ type: 'party.pass', by });
const F_PAUSE: Intent = { type: 'facilitator.pause', by: 'facilitator' };

describe('the journal and the table it rebuilds', () => {
  it('stores each applied intent before it is acknowledged, and reopens the table at the same hash', async () => {
    const { journal, table } = freshTable();
    expect(await table.apply('a', start, 'teacher')).toMatchObject({ ok: true, seq: 1 });
    expect(await table.apply('b', pass('ukraine'), 'team')).toMatchObject({ ok: true, seq: 2 });
    // Each id is stored with the seat it belongs to.
    expect(journal.intents(table.code).map((r) => [r.seq, r.intentId, r.source])).toEqual([
      [1, 'facilitator/a', 'teacher'],
      [2, 'ukraine/b', 'team'],
    ]);
    const again = Table.open(journal, table.code);
    if (!again.ok) throw new Error(again.error);
    expect(again.value.hash).toBe(table.hash);
    expect(again.value.hash).toBe(stateHash(table.state));
    // Ids are remembered across the reopening: a retry after a restart is not applied twice.
    expect(await again.value.apply('b', pass('ukraine'), 'team')).toEqual({ ok: true, seq: 2, hash: table.hash, duplicate: true });
  });

  it('refuses an illegal intent and journals nothing', async () => {
    const { journal, table } = freshTable();
    const hash = table.hash;
    expect(await table.apply('x', pass('russia'), 'team')).toMatchObject({
      ok: false,
      code: 'illegal',
      error: 'The talks have not started yet.',
    });
    expect(table.hash).toBe(hash);
    expect(journal.intents(table.code)).toEqual([]);
  });

  it('refuses an id a seat reuses for a different intent; other seats and the server have ids of their own', async () => {
    const { table } = freshTable();
    await table.apply('a', start, 'teacher');
    expect(await table.apply('a', F_PAUSE, 'teacher')).toMatchObject({ ok: false, code: 'id-reused' });
    expect(await table.apply('a', pass('ukraine'), 'team')).toMatchObject({ ok: true, seq: 2 });
    expect(await table.apply('a', pass('russia'), 'team')).toMatchObject({ ok: true, seq: 3 });
    expect(await table.apply('a', pass('us'), 'computer')).toMatchObject({ ok: true, seq: 4 });
    expect(await table.apply('a', pass('russia'), 'team')).toMatchObject({ ok: true, seq: 3, duplicate: true });
  });

  it('enforces one row per step and per intent id in the database itself', async () => {
    const { journal, table } = freshTable();
    await table.apply('a', start, 'teacher');
    const row = { seq: 1, intentId: 'other', intent: start, hash: table.hash, source: 'teacher' as const };
    expect(() => journal.appendIntent(table.code, row)).toThrow(/UNIQUE/);
    expect(() => journal.appendIntent(table.code, { ...row, seq: 2, intentId: 'facilitator/a' })).toThrow(/UNIQUE/);
  });

  it('commits intents that arrive together in one transaction, and a bad row fails alone', async () => {
    const { journal, table } = freshTable();
    const row = (seq: number, intentId: string) => ({ seq, intentId, intent: start, hash: table.hash, source: 'teacher' as const });
    const results = await Promise.allSettled([
      journal.commitIntent(table.code, row(1, 'a')),
      journal.commitIntent(table.code, row(2, 'b')),
      journal.commitIntent(table.code, row(2, 'c')), // the same step twice: refused by UNIQUE(code, seq)
      journal.commitIntent(table.code, row(3, 'd')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(journal.intents(table.code).map((r) => r.intentId)).toEqual(['a', 'b', 'd']);
  });

  it('answers every write with an error, never a hang, when the writer cannot open the file', async () => {
    const writer = new JournalWriter(join(tempDataDir(), 'missing-folder', 'x.sqlite'));
    const row = { seq: 1, intentId: 'a', intent: start, hash: '0'.repeat(64), source: 'teacher' as const };
    await expect(writer.append('ACDEFG', row)).rejects.toThrow();
    await expect(writer.append('ACDEFG', { ...row, seq: 2 })).rejects.toThrow();
    await writer.close();
  });

  it('does not move on when the write fails', async () => {
    const { journal, table } = freshTable();
    const hash = table.hash;
    void journal.close();
    expect(await table.apply('a', start, 'teacher')).toMatchObject({ ok: false, code: 'journal-failed' });
    expect(table.hash).toBe(hash);
    expect(table.seq).toBe(0);
  });

  it('reopens a table whose journal does not replay at its last good step, marked damaged with the step', async () => {
    const { journal, table, dir } = freshTable();
    await table.apply('a', start, 'teacher');
    await table.apply('b', pass('ukraine'), 'team');
    await journal.close();
    const db = new DatabaseSync(join(dir, 'classroom.sqlite'));
    db.prepare('UPDATE intents SET hash = ? WHERE seq = 2').run('0'.repeat(64));
    db.close();
    const fresh = new Journal(dir);
    journals.push(fresh);
    const reopened = Table.open(fresh, table.code);
    if (!reopened.ok) throw new Error(reopened.error);
    expect(reopened.value.seq).toBe(1);
    expect(reopened.value.damage).toEqual({ step: 2, reason: expect.stringMatching(/^state hash .* differs from the journal's/) });
    expect(await reopened.value.apply('c', pass('ukraine'), 'team')).toMatchObject({ ok: false, code: 'unavailable' });
  });
});

describe('who may send which intent', () => {
  it.each([
    ['ukraine', pass('ukraine'), null],
    ['ukraine', pass('russia'), 'not-your-seat'],
    ['ukraine', { type: 'game.start', by: 'ukraine' }, 'teacher-only'],
    ['ukraine', { type: 'facilitator.end', by: 'facilitator' }, 'teacher-only'],
    ['facilitator', { type: 'game.start', by: 'facilitator' }, null],
    ['facilitator', { type: 'facilitator.releaseEvent', by: 'facilitator' }, null],
    ['facilitator', pass('ukraine'), 'not-your-seat'],
    ['facilitator', { type: 'game.start', by: 'russia' }, 'not-your-seat'],
  ] as const)('%s sending %j → %s', (seat, intent, code) => {
    const denied = authorize(seat, intent as Intent);
    expect(denied === null ? null : !denied.ok && denied.code).toBe(code);
  });
});

describe('codes, limits and seats', () => {
  it('draws a session’s briefs once, server-side, and every table of the session plays them', () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const journal = new Journal(dir);
    journals.push(journal);
    const created = createSession(journal, { levelId: 'buffer-zone-talks', seed: 'briefs', tables: 3 }, 60);
    if (!created.ok) throw new Error(created.error);
    const stored = journal.session(created.value.session.id)!;
    expect(stored.variant).toEqual(created.value.session.variant);
    expect(Object.keys(stored.variant!)).toHaveLength(4);
    const levels = created.value.codes.map((code) => {
      const t = Table.open(journal, code);
      if (!t.ok) throw new Error(t.error);
      return t.value.level;
    });
    expect(new Set(levels).size).toBe(1);
    expect(levels[0].parties.russia.walkAway).toBe(stored.variant!.russia!.walkAway);
    // Another session draws its own.
    const other = createSession(journal, { levelId: 'buffer-zone-talks', seed: 'briefs', tables: 1 }, 60);
    if (!other.ok) throw new Error(other.error);
    expect(other.value.session.variant).not.toEqual(stored.variant);
    // "As written": no variant at all.
    const written = createSession(journal, { levelId: 'buffer-zone-talks', tables: 1, briefs: 'as-written' }, 60);
    if (!written.ok) throw new Error(written.error);
    expect(journal.session(written.value.session.id)!.variant).toBeNull();
    // A generated seed is three words and six digits.
    expect(written.value.session.seed).toMatch(/^[a-z]+-[a-z]+-[a-z]+-\d{6}$/);
  });

  it('opens a journal made before briefs were drawn: its sessions play the level as written, new ones draw', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const old = new DatabaseSync(join(dir, 'classroom.sqlite'));
    old.exec(`
      CREATE TABLE sessions (id TEXT PRIMARY KEY, level_id TEXT NOT NULL, seed TEXT NOT NULL, created TEXT NOT NULL, settings TEXT NOT NULL);
      CREATE TABLE tables (code TEXT PRIMARY KEY, session_id TEXT NOT NULL REFERENCES sessions(id), idx INTEGER NOT NULL, seats TEXT NOT NULL, teacher_hash TEXT NOT NULL);
      CREATE TABLE intents (code TEXT NOT NULL REFERENCES tables(code), seq INTEGER NOT NULL, intent_id TEXT NOT NULL, intent TEXT NOT NULL, hash TEXT NOT NULL, source TEXT NOT NULL, created TEXT NOT NULL, UNIQUE(code, seq), UNIQUE(code, intent_id));
      INSERT INTO sessions VALUES ('old', 'buffer-zone-talks', 'old-seed', '2026-11-01T09:00:00.000Z', '{"tables":1,"turnSeconds":0,"difficulty":"normal","graceSeconds":60}');
      INSERT INTO tables VALUES ('ABC234', 'old', 0, '{}', '${'0'.repeat(64)}');
    `);
    old.close();
    const journal = new Journal(dir);
    journals.push(journal);
    expect(journal.session('old')!.variant).toBeNull();
    const table = Table.open(journal, 'ABC234');
    if (!table.ok) throw new Error(table.error);
    expect(table.value.level.parties.russia.walkAway).toBe(51);
    expect(table.value.record().variant).toBeUndefined();
    const fresh = createSession(journal, { levelId: 'buffer-zone-talks', tables: 1 }, 60);
    if (!fresh.ok) throw new Error(fresh.error);
    expect(journal.session(fresh.value.session.id)!.variant).not.toBeNull();
  });

  it('a stored variant the level does not allow keeps that table shut, with the reason', () => {
    const { journal, dir } = freshTable();
    const created = createSession(journal, { levelId: 'buffer-zone-talks', tables: 1 }, 60);
    if (!created.ok) throw new Error(created.error);
    const db = new DatabaseSync(join(dir, 'classroom.sqlite'));
    db.prepare('UPDATE sessions SET variant = ? WHERE id = ?').run(
      JSON.stringify({ russia: { walkAway: 99, weights: {}, dropped: [], added: [] } }),
      created.value.session.id,
    );
    db.close();
    const opened = Table.open(journal, created.value.codes[0]);
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.error).toMatch(/brief variant\.russia\.walkAway: 99 is outside the level's range/);
  });

  it('makes codes from an alphabet without look-alike characters, and reads typed codes forgivingly', () => {
    for (let i = 0; i < 200; i++) expect(isWellFormedCode(newJoinCode())).toBe(true);
    for (const ch of '0O1IL2Z5S8B') expect(CODE_ALPHABET).not.toContain(ch);
    expect(normalizeCode(' acd-efg ')).toBe('ACDEFG');
  });

  it('counts failures per address in a sliding window', () => {
    let now = 0;
    const counter = new WindowCounter(3, 1000, () => now);
    for (let i = 0; i < 3; i++) counter.add('10.0.0.1');
    expect(counter.blocked('10.0.0.1')).toBe(true);
    expect(counter.blocked('10.0.0.2')).toBe(false);
    now = 1001;
    expect(counter.blocked('10.0.0.1')).toBe(false);
  });

  it('lets a client burst, then refills at the sustained rate', () => {
    let now = 0;
    const bucket = new TokenBucket(2, 3, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    now = 500;
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
  });

  it('keeps a dropped seat for the grace period, then gives it to the computer; the token takes it back', () => {
    let now = 0;
    const seats = new SeatBook({}, 1000, () => now);
    expect(seats.status('us')).toBe('computer');
    expect(seats.check('us', undefined)).toEqual({ ok: true, claim: true });
    const token = seats.claim('us', 'Table 3');
    seats.sit('us', 's1');
    expect(seats.view().us).toEqual({ status: 'team', claimed: true, name: 'Table 3' });
    expect(seats.check('us', undefined)).toMatchObject({ ok: false, credential: false });
    expect(seats.check('us', 'wrong')).toMatchObject({ ok: false, credential: true });
    seats.drop('us', 's1');
    expect(seats.status('us')).toBe('away');
    now = 1000;
    expect(seats.status('us')).toBe('computer');
    expect(seats.check('us', token)).toEqual({ ok: true, claim: false });
    expect(seats.sit('us', 's2')).toBeUndefined();
    expect(seats.status('us')).toBe('team');
    // The same token from a second tab displaces the first.
    expect(seats.sit('us', 's3')).toBe('s2');
  });
});
