import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { Difficulty, PartyId } from '../core';
import { JournalWriter } from './journal-writer';

/**
 * The journal: every session, table and applied intent, in one SQLite file. An intent row is committed
 * (WAL, synchronous=FULL) before the move is acknowledged, so an acknowledged move survives a crash;
 * a table is rebuilt by replaying its rows and checking each stored state hash. Intents are written by
 * a worker thread in group commits (journal-writer.ts); everything else here is rare and synchronous.
 */

export interface SessionSettings {
  tables: number;
  turnSeconds: number;
  difficulty: Difficulty;
  graceSeconds: number;
}

export interface SessionRow {
  id: string;
  levelId: string;
  seed: string;
  created: string;
  settings: SessionSettings;
}

/** A seat's claim: the SHA-256 of the token the browser keeps (never the token itself). */
export interface SeatClaim {
  tokenHash: string;
  claimedAt: string;
  /** The name the team typed when it took the seat, shown in the teacher's lobby. */
  name?: string;
}

export type SeatClaims = Partial<Record<PartyId, SeatClaim>>;

export interface TableRow {
  code: string;
  sessionId: string;
  /** Position of the table in its session (0-based), for the comparison view. */
  index: number;
  seats: SeatClaims;
  teacherHash: string;
}

/** Who sent an intent: a team's browser, the teacher's console, a computer party or the turn timer. */
export type IntentSource = 'team' | 'teacher' | 'computer' | 'timer';

export interface IntentRow {
  seq: number;
  intentId: string;
  intent: unknown;
  hash: string;
  source: IntentSource;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  level_id TEXT NOT NULL,
  seed TEXT NOT NULL,
  created TEXT NOT NULL,
  settings TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tables (
  code TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(id),
  idx INTEGER NOT NULL,
  seats TEXT NOT NULL,
  teacher_hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS tables_by_session ON tables(session_id, idx);
CREATE TABLE IF NOT EXISTS intents (
  code TEXT NOT NULL REFERENCES tables(code),
  seq INTEGER NOT NULL,
  intent_id TEXT NOT NULL,
  intent TEXT NOT NULL,
  hash TEXT NOT NULL,
  source TEXT NOT NULL,
  created TEXT NOT NULL,
  UNIQUE(code, seq),
  UNIQUE(code, intent_id)
);
`;

export class Journal {
  private db: DatabaseSync;
  private writer: JournalWriter;
  private stmts: {
    insertSession: StatementSync;
    insertTable: StatementSync;
    getSession: StatementSync;
    getTable: StatementSync;
    tablesOf: StatementSync;
    setSeats: StatementSync;
    insertIntent: StatementSync;
    intentsOf: StatementSync;
    recentTables: StatementSync;
  };

  constructor(readonly dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, 'classroom.sqlite');
    this.db = new DatabaseSync(file);
    // WAL lets readers run during a write; FULL syncs the WAL on every commit, which is what makes an ack durable.
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
    this.db.exec(SCHEMA);
    this.writer = new JournalWriter(file);
    this.stmts = {
      insertSession: this.db.prepare('INSERT INTO sessions (id, level_id, seed, created, settings) VALUES (?, ?, ?, ?, ?)'),
      insertTable: this.db.prepare('INSERT INTO tables (code, session_id, idx, seats, teacher_hash) VALUES (?, ?, ?, ?, ?)'),
      getSession: this.db.prepare('SELECT id, level_id, seed, created, settings FROM sessions WHERE id = ?'),
      getTable: this.db.prepare('SELECT code, session_id, idx, seats, teacher_hash FROM tables WHERE code = ?'),
      tablesOf: this.db.prepare('SELECT code, session_id, idx, seats, teacher_hash FROM tables WHERE session_id = ? ORDER BY idx'),
      setSeats: this.db.prepare('UPDATE tables SET seats = ? WHERE code = ?'),
      insertIntent: this.db.prepare(
        'INSERT INTO intents (code, seq, intent_id, intent, hash, source, created) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      intentsOf: this.db.prepare('SELECT seq, intent_id, intent, hash, source FROM intents WHERE code = ? ORDER BY seq'),
      recentTables: this.db.prepare(
        'SELECT t.code AS code FROM tables t JOIN sessions s ON s.id = t.session_id WHERE s.created >= ? ORDER BY s.created, t.idx',
      ),
    };
  }

  /** Creates a session and its tables in one transaction: either all of it is stored or none. */
  createSession(session: SessionRow, tables: TableRow[]): void {
    this.transaction(() => {
      this.stmts.insertSession.run(session.id, session.levelId, session.seed, session.created, JSON.stringify(session.settings));
      for (const t of tables) this.stmts.insertTable.run(t.code, t.sessionId, t.index, JSON.stringify(t.seats), t.teacherHash);
    });
  }

  hasTable(code: string): boolean {
    return this.stmts.getTable.get(code) !== undefined;
  }

  session(id: string): SessionRow | undefined {
    const r = this.stmts.getSession.get(id) as Record<string, string> | undefined;
    if (!r) return undefined;
    return { id: r.id, levelId: r.level_id, seed: r.seed, created: r.created, settings: JSON.parse(r.settings) as SessionSettings };
  }

  table(code: string): TableRow | undefined {
    const r = this.stmts.getTable.get(code) as Record<string, string | number> | undefined;
    return r ? toTableRow(r) : undefined;
  }

  tablesOf(sessionId: string): TableRow[] {
    return (this.stmts.tablesOf.all(sessionId) as Record<string, string | number>[]).map(toTableRow);
  }

  /** Codes of the tables of sessions created since `sinceIso`: the ones worth reopening after a restart. */
  recentTableCodes(sinceIso: string): string[] {
    return (this.stmts.recentTables.all(sinceIso) as { code: string }[]).map((r) => r.code);
  }

  setSeats(code: string, seats: SeatClaims): void {
    this.stmts.setSeats.run(JSON.stringify(seats), code);
  }

  /** Appends one applied intent at once. Throws if the seq or the intent id is already taken (the UNIQUE constraints). */
  appendIntent(code: string, row: IntentRow): void {
    this.stmts.insertIntent.run(code, row.seq, row.intentId, JSON.stringify(row.intent), row.hash, row.source, new Date().toISOString());
  }

  /**
   * Appends an intent in the next group commit (on the writer thread) and resolves once it is on disk.
   * Rejects if the row cannot be written (e.g. its step or intent id is already taken).
   */
  commitIntent(code: string, row: IntentRow): Promise<void> {
    return this.writer.append(code, row);
  }

  intents(code: string): IntentRow[] {
    return (this.stmts.intentsOf.all(code) as Record<string, string | number>[]).map((r) => ({
      seq: Number(r.seq),
      intentId: String(r.intent_id),
      intent: JSON.parse(String(r.intent)) as unknown,
      hash: String(r.hash),
      source: String(r.source) as IntentSource,
    }));
  }

  /** Stops taking intents at once; resolves when the pending ones are written and the file is closed. */
  async close(): Promise<void> {
    await this.writer.close();
    if (this.db.isOpen) this.db.close();
  }

  private transaction(fn: () => void): void {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      fn();
      this.db.exec('COMMIT');
    } catch (e) {
      this.db.exec('ROLLBACK');
      throw e;
    }
  }
}

function toTableRow(r: Record<string, string | number>): TableRow {
  return {
    code: String(r.code),
    sessionId: String(r.session_id),
    index: Number(r.idx),
    seats: JSON.parse(String(r.seats)) as SeatClaims,
    teacherHash: String(r.teacher_hash),
  };
}
