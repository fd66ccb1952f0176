import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { JOURNAL_FILE, checkJournalFile, describeSqliteError, timestampedName } from '../server/journal';
import { runningServer } from '../server/running';
import { parse } from './args';
import { InputError } from './errors';
import type { Out } from './commands';

/**
 * `backup` and `restore` for the classroom journal (DATA_DIR/classroom.sqlite).
 *
 * A backup is one consistent SQLite file, taken while the server runs: SQLite's `VACUUM INTO` copies
 * a snapshot of the database as it is at one moment, write-ahead log included, into a new compact
 * file. A restore checks the file, refuses while a server uses the folder, keeps the file it replaces
 * beside it, and puts the backup in place; the next `npm start` opens its tables.
 */

const dataDirOf = (value: string | undefined): string => resolve(value ?? process.env.DATA_DIR ?? './data');

interface Counts {
  sessions: number;
  tables: number;
  moves: number;
}

/** What a journal file holds; throws InputError (naming the file) if it is not a usable classroom journal. */
function inspect(file: string): Counts {
  if (!existsSync(file)) throw new InputError(`${file}: no such file`);
  if (!statSync(file).isFile()) throw new InputError(`${file}: not a file`);
  const problem = checkJournalFile(file);
  if (problem) throw new InputError(`${file}: cannot be used: ${problem}`);
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const count = (table: string) => Number((db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n);
    return { sessions: count('sessions'), tables: count('tables'), moves: count('intents') };
  } catch {
    throw new InputError(`${file}: not a classroom journal (it has no sessions, tables and intents)`);
  } finally {
    db.close();
  }
}

const describe = (c: Counts) =>
  `${c.sessions} ${c.sessions === 1 ? 'session' : 'sessions'}, ${c.tables} ${c.tables === 1 ? 'table' : 'tables'} and ${c.moves} ${c.moves === 1 ? 'move' : 'moves'}`;

/** Writes a consistent copy of `source` to `target` (which must not exist yet). */
function snapshot(source: string, target: string): void {
  const db = new DatabaseSync(source, { readOnly: true });
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    db.prepare('VACUUM INTO ?').run(target);
  } catch (e) {
    rmSync(target, { force: true });
    throw new InputError(`${source}: the copy to ${target} failed: ${describeSqliteError(e)}`);
  } finally {
    db.close();
  }
}

/** The journal a backup should copy: the running server's, else classroom.sqlite, else the newest fresh file beside it. */
function journalIn(dataDir: string): string {
  const running = runningServer(dataDir);
  if (running?.journal && existsSync(running.journal)) return running.journal;
  const main = join(dataDir, JOURNAL_FILE);
  if (existsSync(main) && checkJournalFile(main) === null) return main;
  const fresh = existsSync(dataDir)
    ? readdirSync(dataDir)
        .filter((f) => /^classroom-\d{8}-\d{6}\.sqlite$/.test(f))
        .sort()
        .reverse()
        .map((f) => join(dataDir, f))
        .find((f) => checkJournalFile(f) === null)
    : undefined;
  if (fresh) return fresh;
  if (existsSync(main)) return main; // inspect() says what is wrong with it
  throw new InputError(`${main}: no classroom journal here (give the server's folder with --data-dir, or set DATA_DIR)`);
}

export function backupCommand(args: string[], out: Out): void {
  const { values, positionals } = parse(args, { 'data-dir': { type: 'string' }, json: { type: 'boolean' } });
  const where = positionals[0];
  if (!where) throw new InputError('backup: give a folder (or a .sqlite file name) to write the backup to, e.g. backup backups/');
  const source = journalIn(dataDirOf(values['data-dir']));
  inspect(source);
  const target = resolve(where.endsWith('.sqlite') ? where : join(where, timestampedName('classroom-backup')));
  if (existsSync(target)) throw new InputError(`${target}: already exists; choose another name or folder`);
  try {
    mkdirSync(dirname(target), { recursive: true });
  } catch (e) {
    throw new InputError(`${dirname(target)}: cannot create the folder (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  snapshot(source, target);
  const counts = inspect(target);
  if (values.json) out(JSON.stringify({ source, backup: target, ...counts }));
  else out(`Backed up ${describe(counts)} from ${source} to ${target}`);
}

export function restoreCommand(args: string[], out: Out): void {
  const { values, positionals } = parse(args, { 'data-dir': { type: 'string' }, json: { type: 'boolean' } });
  const from = positionals[0];
  if (!from) throw new InputError('restore: give the backup file, e.g. restore backups/classroom-backup-20261201-093000.sqlite');
  const backup = resolve(from);
  const counts = inspect(backup);
  const dataDir = dataDirOf(values['data-dir']);
  const target = join(dataDir, JOURNAL_FILE);
  const running = runningServer(dataDir);
  if (running)
    throw new InputError(
      `${target}: a classroom server (process ${running.pid}, ${running.url}) is using this folder. ` +
        'Stop it first (Ctrl+C in its terminal), then run restore again.',
    );
  if (backup === target) throw new InputError(`${backup}: this is already the journal of ${dataDir}`);
  mkdirSync(dataDir, { recursive: true });
  // The file being replaced (and its write-ahead log) is kept beside it, never deleted.
  let kept: string | null = null;
  if ([target, `${target}-wal`, `${target}-shm`].some((f) => existsSync(f))) {
    kept = join(dataDir, timestampedName('classroom-before-restore'));
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(target + suffix)) renameSync(target + suffix, kept + suffix);
  }
  const partial = join(dataDir, `.${timestampedName('classroom-restoring')}`);
  snapshot(backup, partial);
  renameSync(partial, target);
  if (values.json) out(JSON.stringify({ backup, journal: target, kept, ...counts }));
  else
    out(
      `Restored ${describe(counts)} from ${backup} to ${target}.` +
        (kept ? `\nThe file it replaces was kept as ${kept}.` : '') +
        `\nStart the server on this folder (DATA_DIR=${dataDir} npm start) and the tables are back.`,
    );
}
