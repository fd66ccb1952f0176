import { Worker } from 'node:worker_threads';
import type { IntentRow } from './journal';

/**
 * Writes intents to the journal on a worker thread, in group commits. A synced commit waits for the
 * disk; on the server's own thread that wait would hold up every table. Here the server hands rows
 * over and carries on, and each row's promise resolves once its transaction is on disk — so an
 * acknowledgement still means "saved". Rows that arrive while a commit is under way share the next one.
 */

/** The worker, as plain JavaScript: it runs the same under tsx, Vitest or a bundle, with no loader. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(workerData.file);
db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;');
const insert = db.prepare('INSERT INTO intents (code, seq, intent_id, intent, hash, source, created) VALUES (?, ?, ?, ?, ?, ?, ?)');
const updateSeats = db.prepare('UPDATE tables SET seats = ? WHERE code = ?');
const write = (r) => r.seats !== undefined ? updateSeats.run(r.seats, r.code) : insert.run(r.code, r.seq, r.intentId, r.intent, r.hash, r.source, r.created);
let pending = [];
let closing = false;
function flush() {
  const batch = pending;
  pending = [];
  const done = [];
  const failed = [];
  try {
    db.exec('BEGIN IMMEDIATE');
    for (const r of batch) write(r);
    db.exec('COMMIT');
    for (const r of batch) done.push(r.id);
  } catch (e) {
    try { db.exec('ROLLBACK'); } catch {}
    // One bad row must not fail the others: write them one by one, each with its own outcome.
    for (const r of batch) {
      try { write(r); done.push(r.id); } catch (err) { failed.push({ id: r.id, message: String(err && err.message || err) }); }
    }
  }
  parentPort.postMessage({ done, failed });
  if (closing && pending.length === 0) { db.close(); parentPort.postMessage({ closed: true }); }
}
parentPort.on('message', (m) => {
  if (m.checkpoint) {
    // PASSIVE: copy what it can without waiting for readers; the writes of this thread are never held up.
    let message = null;
    try { db.prepare('PRAGMA wal_checkpoint(PASSIVE)').get(); } catch (e) { message = String(e && e.message || e); }
    parentPort.postMessage({ checkpointed: m.checkpoint, message });
    return;
  }
  if (m.close) {
    closing = true;
    if (pending.length === 0) { db.close(); parentPort.postMessage({ closed: true }); }
    return;
  }
  pending.push(m);
  if (pending.length === 1) setImmediate(flush);
});
`;

interface Waiting {
  resolve: () => void;
  reject: (e: Error) => void;
}

export class JournalWriter {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private readonly checkpoints = new Map<number, Waiting>();
  private nextId = 1;
  private closed = false;
  private failure: Error | null = null;
  private exited = false;
  private whenClosed: Promise<void> | null = null;

  constructor(file: string) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file } });
    this.worker.on(
      'message',
      (m: { done?: number[]; failed?: { id: number; message: string }[]; checkpointed?: number; message?: string | null }) => {
        for (const id of m.done ?? []) this.settle(id)?.resolve();
        for (const f of m.failed ?? []) this.settle(f.id)?.reject(new Error(f.message));
        if (m.checkpointed !== undefined) {
          const w = this.checkpoints.get(m.checkpointed);
          this.checkpoints.delete(m.checkpointed);
          if (this.checkpoints.size === 0 && this.waiting.size === 0 && !this.closed) this.worker.unref();
          if (m.message) w?.reject(new Error(m.message));
          else w?.resolve();
        }
      },
    );
    this.worker.on('error', (e) => this.stop(e));
    this.worker.on('exit', () => {
      this.exited = true;
      this.stop(new Error('the journal writer stopped'));
    });
    // The writer must not keep a finished process alive; pending rows keep it referenced (see append).
    this.worker.unref();
  }

  append(code: string, row: IntentRow): Promise<void> {
    return this.send({
      code,
      seq: row.seq,
      intentId: row.intentId,
      intent: JSON.stringify(row.intent),
      hash: row.hash,
      source: row.source,
      created: new Date().toISOString(),
    });
  }

  /** A table's seat claims, in the next group commit: a join never waits for the disk on the server's thread. */
  setSeats(code: string, seatsJson: string): Promise<void> {
    return this.send({ code, seats: seatsJson });
  }

  private send(row: Record<string, unknown>): Promise<void> {
    if (this.closed) return Promise.reject(this.failure ?? new Error('the journal is closed'));
    const id = this.nextId++;
    return new Promise<void>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      if (this.waiting.size === 1) this.worker.ref();
      this.worker.postMessage({ id, ...row });
    });
  }

  /** Checkpoints the write-ahead log into the database file (after the rows already handed over). */
  checkpoint(): Promise<void> {
    if (this.closed) return Promise.resolve();
    const id = this.nextId++;
    return new Promise<void>((resolve, reject) => {
      this.checkpoints.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ checkpoint: id });
    });
  }

  /** Writes what is pending, then stops the worker. */
  close(): Promise<void> {
    if (this.whenClosed) return this.whenClosed;
    this.closed = true;
    if (this.exited) return (this.whenClosed = Promise.resolve());
    this.whenClosed = new Promise<void>((resolve) => {
      this.worker.ref();
      this.worker.on('message', (m: { closed?: boolean }) => {
        if (m.closed) void this.worker.terminate().then(() => resolve());
      });
      this.worker.once('exit', () => resolve());
      this.worker.postMessage({ close: true });
    });
    return this.whenClosed;
  }

  private settle(id: number): Waiting | undefined {
    const w = this.waiting.get(id);
    this.waiting.delete(id);
    if (this.waiting.size === 0 && this.checkpoints.size === 0 && !this.closed) this.worker.unref();
    return w;
  }

  /** The worker is gone (closed, or it failed): nothing waits for it any more, and nothing new is sent to it. */
  private stop(e: Error): void {
    if (!this.closed) this.failure = e;
    this.closed = true;
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
    for (const w of this.checkpoints.values()) w.resolve();
    this.checkpoints.clear();
  }
}
