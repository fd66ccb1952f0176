import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { BriefVariant, Difficulty, PartyId } from '../core';
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
  /** The briefs this session's tables play (core/variant.ts); null for a session made before variants, which plays the level as written. */
  variant: BriefVariant | null;
}

/** A stored variant that is not JSON is kept as its text, so opening a table can say what is wrong with it. */
function readVariant(text: string | null): BriefVariant | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as BriefVariant;
  } catch {
    return text as unknown as BriefVariant;
  }
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
  /** The id with its scope (`ukraine/…`, `facilitator/…`, `server/…`), or a bare id in rows from before scopes. */
  intentId: string;
  intent: unknown;
  hash: string;
  source: IntentSource;
}

/** A row as read back: `unreadable` says why its intent could not be decoded (then `intent` is undefined). */
export interface StoredIntent extends IntentRow {
  unreadable?: string;
}

/** The journal's file name in DATA_DIR. */
export const JOURNAL_FILE = 'classroom.sqlite';

/** Marks a SQLite file as a Buffer Zone classroom journal ("BZC1"), so a foreign database is recognised. */
const APPLICATION_ID = 0x425a4331;
const OUR_TABLES = ['intents', 'sessions', 'tables'];

/** A file name for a fresh journal beside a damaged one: classroom-20261201-093000.sqlite. */
export function timestampedName(prefix: string, when = new Date()): string {
  const stamp = when
    .toISOString()
    .replace(/\.\d+Z$/, '')
    .replace(/[-:]/g, '')
    .replace('T', '-');
  return `${prefix}-${stamp}.sqlite`;
}

const FALLBACK = /^classroom-\d{8}-\d{6}\.sqlite$/;

/**
 * What is wrong with a journal file, or null if it can be used: unreadable, not a database, damaged,
 * or another program's database. Reads only; writes nothing.
 */
export function checkJournalFile(file: string): string | null {
  if (!existsSync(file)) return null;
  let db: DatabaseSync | null = null;
  try {
    db = new DatabaseSync(file, { readOnly: true });
    const check = db.prepare('PRAGMA quick_check(1)').get() as Record<string, unknown> | undefined;
    const verdict = check ? String(Object.values(check)[0]) : 'no answer';
    if (verdict !== 'ok') return `the database is damaged (${verdict})`;
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    const appId = Number((db.prepare('PRAGMA application_id').get() as { application_id: number }).application_id);
    const ours = OUR_TABLES.every((t) => tables.includes(t));
    if (tables.length > 0 && !ours) return `it is a database of another program (its tables: ${tables.slice(0, 5).join(', ')})`;
    if (appId !== 0 && appId !== APPLICATION_ID) return `it is a database of another program (application id ${appId})`;
    return null;
  } catch (e) {
    return describeSqliteError(e);
  } finally {
    if (db?.isOpen) db.close();
  }
}

/** SQLite's words, as a teacher would want them. */
export function describeSqliteError(e: unknown): string {
  const message = (e as Error).message ?? String(e);
  if (/file is not a database/i.test(message)) return 'it is not a SQLite database (file is not a database)';
  if (/malformed/i.test(message)) return `the database is damaged (${message})`;
  return message;
}

/** Where a journal lives, and what happened to the usual file if it could not be used. */
export interface JournalLocation {
  file: string;
  /** Set when DATA_DIR/classroom.sqlite was unusable and a fresh file beside it is used instead. */
  problem: { file: string; reason: string } | null;
}

/**
 * Chooses the journal file: DATA_DIR/classroom.sqlite if it is usable; otherwise it is left untouched
 * and the newest usable classroom-<time>.sqlite beside it is used (one made when the problem was first
 * found), or a new one.
 */
export function locateJournal(dataDir: string, now = new Date()): JournalLocation {
  const main = join(dataDir, JOURNAL_FILE);
  const reason = checkJournalFile(main);
  if (!reason) return { file: main, problem: null };
  const earlier = readdirSync(dataDir)
    .filter((f) => FALLBACK.test(f))
    .sort()
    .reverse()
    .map((f) => join(dataDir, f))
    .find((f) => checkJournalFile(f) === null);
  return { file: earlier ?? join(dataDir, timestampedName('classroom', now)), problem: { file: main, reason } };
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  level_id TEXT NOT NULL,
  seed TEXT NOT NULL,
  created TEXT NOT NULL,
  settings TEXT NOT NULL,
  variant TEXT
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
    insertIntent: StatementSync;
    intentsOf: StatementSync;
    recentTables: StatementSync;
  };

  /** The file in use (DATA_DIR/classroom.sqlite, or a fresh one beside it when that one is unusable). */
  readonly file: string;
  /** Why DATA_DIR/classroom.sqlite is not the file in use, if it is not. */
  readonly problem: JournalLocation['problem'];

  constructor(readonly dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    const where = locateJournal(dataDir);
    this.file = where.file;
    this.problem = where.problem;
    const file = where.file;
    this.db = new DatabaseSync(file);
    try {
      // WAL lets readers run during a write; FULL syncs the WAL on every commit, which is what makes an ack durable.
      this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
      this.db.exec(SCHEMA);
      this.migrate();
      this.db.exec(`PRAGMA application_id = ${APPLICATION_ID}`);
    } catch (e) {
      this.db.close();
      throw new Error(`${file}: ${describeSqliteError(e)}`);
    }
    this.writer = new JournalWriter(file);
    this.stmts = {
      insertSession: this.db.prepare('INSERT INTO sessions (id, level_id, seed, created, settings, variant) VALUES (?, ?, ?, ?, ?, ?)'),
      insertTable: this.db.prepare('INSERT INTO tables (code, session_id, idx, seats, teacher_hash) VALUES (?, ?, ?, ?, ?)'),
      getSession: this.db.prepare('SELECT id, level_id, seed, created, settings, variant FROM sessions WHERE id = ?'),
      getTable: this.db.prepare('SELECT code, session_id, idx, seats, teacher_hash FROM tables WHERE code = ?'),
      tablesOf: this.db.prepare('SELECT code, session_id, idx, seats, teacher_hash FROM tables WHERE session_id = ? ORDER BY idx'),
      insertIntent: this.db.prepare(
        'INSERT INTO intents (code, seq, intent_id, intent, hash, source, created) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      intentsOf: this.db.prepare('SELECT seq, intent_id, intent, hash, source FROM intents WHERE code = ? ORDER BY seq'),
      recentTables: this.db.prepare(
        'SELECT t.code AS code FROM tables t JOIN sessions s ON s.id = t.session_id WHERE s.created >= ? ORDER BY s.created, t.idx',
      ),
    };
  }

  /** Brings a journal made by an earlier version up to this schema (columns are only ever added). */
  private migrate(): void {
    const columns = (this.db.prepare('PRAGMA table_info(sessions)').all() as { name: string }[]).map((c) => c.name);
    if (!columns.includes('variant')) this.db.exec('ALTER TABLE sessions ADD COLUMN variant TEXT');
  }

  /** Creates a session and its tables in one transaction: either all of it is stored or none. */
  createSession(session: SessionRow, tables: TableRow[]): void {
    this.transaction(() => {
      const variant = session.variant ? JSON.stringify(session.variant) : null;
      this.stmts.insertSession.run(session.id, session.levelId, session.seed, session.created, JSON.stringify(session.settings), variant);
      for (const t of tables) this.stmts.insertTable.run(t.code, t.sessionId, t.index, JSON.stringify(t.seats), t.teacherHash);
    });
  }

  hasTable(code: string): boolean {
    return this.stmts.getTable.get(code) !== undefined;
  }

  session(id: string): SessionRow | undefined {
    const r = this.stmts.getSession.get(id) as Record<string, string | null> | undefined;
    if (!r) return undefined;
    return {
      id: r.id!,
      levelId: r.level_id!,
      seed: r.seed!,
      created: r.created!,
      settings: JSON.parse(r.settings!) as SessionSettings,
      // Checked against the level's ranges when a table opens (core/variant.ts applyVariant).
      variant: readVariant(r.variant),
    };
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

  /**
   * Saves a table's seat claims on the writer thread (resolves once on disk). The room's seat book is
   * the live authority; the journal's copy is what a restart reopens the table with.
   */
  setSeats(code: string, seats: SeatClaims): Promise<void> {
    return this.writer.setSeats(code, JSON.stringify(seats));
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

  intents(code: string): StoredIntent[] {
    return [...this.readIntents(code)];
  }

  /**
   * A table's rows in order, read one at a time: a row whose intent is not valid JSON comes back marked
   * `unreadable`; a damaged page of the file throws when the reading gets there, after the rows before it.
   */
  *readIntents(code: string): Generator<StoredIntent> {
    for (const raw of this.stmts.intentsOf.iterate(code)) {
      const r = raw as Record<string, string | number>;
      const row: StoredIntent = {
        seq: Number(r.seq),
        intentId: String(r.intent_id),
        intent: undefined,
        hash: String(r.hash),
        source: String(r.source) as IntentSource,
      };
      try {
        row.intent = JSON.parse(String(r.intent)) as unknown;
      } catch {
        row.unreadable = 'not valid JSON';
      }
      yield row;
    }
  }

  /**
   * Copies what the write-ahead log holds into the database file itself, so that classroom.sqlite alone
   * has every committed move (the server does it every minute and on shutdown). Resolves when done.
   */
  checkpoint(): Promise<void> {
    return this.writer.checkpoint();
  }

  /** Stops taking intents at once; resolves when the pending ones are written and the file is closed. */
  async close(): Promise<void> {
    await this.writer.close();
    if (this.db.isOpen) {
      try {
        this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      } catch {
        // Closing the last connection checkpoints anyway; a busy file is checkpointed next time.
      }
      this.db.close();
    }
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
