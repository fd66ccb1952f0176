import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';

/**
 * An agent program as a synchronous conversation, so the (synchronous) game loop can wait for its
 * answer. A worker thread starts the command through a shell, writes our messages to its stdin and
 * reads its stdout line by line; the game's thread blocks on a shared counter (`Atomics.wait`, with
 * the agent's time limit) until the worker has posted the answer, and then takes it with
 * `receiveMessageOnPort`. The agent's stderr goes straight to ours.
 *
 * Each message that expects an answer (`ask`) is owed one line. A line that answers an earlier message
 * (one whose time ran out) is dropped, so a late answer is never taken for the answer to a later turn.
 */

export type Reply = { kind: 'line'; line: string } | { kind: 'timeout' } | { kind: 'exit'; detail: string };

type FromWorker = { kind: 'line'; id: number; line: string } | { kind: 'exit'; detail: string } | { kind: 'closed' };

/** Longest line an agent may write; anything longer is cut there (and will not parse as an intent). */
const MAX_LINE = 1024 * 1024;

const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const { spawn } = require('node:child_process');
const { command, port, signal, maxLine } = workerData;
const sig = new Int32Array(signal);
const tell = (m) => { port.postMessage(m); Atomics.add(sig, 0, 1); Atomics.notify(sig, 0); };
let child = null, exited = false, owed = 0, current = 0, buf = '', closing = false;
const gone = (detail) => { if (exited) return; exited = true; tell({ kind: 'exit', detail }); if (closing) tell({ kind: 'closed' }); };
const onLine = (line) => {
  if (line.trim() === '' || owed === 0) return;
  owed--;
  if (owed === 0) tell({ kind: 'line', id: current, line });
};
const kill = () => {
  if (!child || exited) return;
  try { process.kill(-child.pid, 'SIGKILL'); } catch { try { child.kill('SIGKILL'); } catch {} }
};
try {
  child = spawn(command, { shell: true, stdio: ['pipe', 'pipe', 'inherit'], detached: true });
  child.on('error', (e) => gone('could not be started (' + (e.code || e.message) + ')'));
  child.on('close', (code, signal) => gone(signal ? 'was stopped by ' + signal : 'exited with code ' + code + (code === 127 ? ' (command not found?)' : '')));
  child.stdin.on('error', () => {});
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    buf += chunk;
    let i;
    while ((i = buf.indexOf('\\n')) >= 0) { const line = buf.slice(0, i); buf = buf.slice(i + 1); onLine(line); }
    if (buf.length > maxLine) { const line = buf.slice(0, maxLine); buf = ''; onLine(line); }
  });
} catch (e) {
  gone('could not be started (' + (e && e.message) + ')');
}
parentPort.on('message', (m) => {
  if (m.kind === 'send') {
    if (exited) return;
    if (m.id) { owed++; current = m.id; }
    child.stdin.write(m.text + '\\n');
  } else if (m.kind === 'close') {
    closing = true;
    if (exited) return tell({ kind: 'closed' });
    try { child.stdin.end(); } catch {}
    setTimeout(kill, m.graceMs).unref();
  }
});
`;

export class AgentProcess {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private nextId = 1;
  private exit: string | null = null;
  private closed = false;

  constructor(readonly command: string) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(WORKER, {
      eval: true,
      workerData: { command, port: port2, signal: this.signal.buffer, maxLine: MAX_LINE },
      transferList: [port2],
      stdout: false,
      stderr: false,
    });
    this.worker.unref();
  }

  /** Why the agent is gone (it exited or never started), or null while it runs. */
  get exited(): string | null {
    this.drain();
    return this.exit;
  }

  /** Sends one message and waits up to `timeoutMs` for the line that answers it. */
  ask(message: unknown, timeoutMs: number): Reply {
    if (this.exited) return { kind: 'exit', detail: this.exit! };
    const id = this.nextId++;
    this.worker.postMessage({ kind: 'send', id, text: JSON.stringify(message) });
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const seen = Atomics.load(this.signal, 0);
      const got = this.take();
      if (got?.kind === 'line' && got.id === id) return { kind: 'line', line: got.line };
      if (got?.kind === 'exit') return { kind: 'exit', detail: got.detail };
      if (got) continue;
      const left = deadline - Date.now();
      if (left <= 0) return { kind: 'timeout' };
      Atomics.wait(this.signal, 0, seen, left);
    }
  }

  /** Sends one message that needs no answer. */
  tell(message: unknown): void {
    if (!this.exited) this.worker.postMessage({ kind: 'send', id: 0, text: JSON.stringify(message) });
  }

  /** Closes the agent's stdin, gives it `graceMs` to exit, then stops it; returns when it is gone. */
  close(graceMs = 1000): void {
    if (this.closed) return;
    this.closed = true;
    this.worker.postMessage({ kind: 'close', graceMs });
    const deadline = Date.now() + graceMs + 2000;
    for (;;) {
      const seen = Atomics.load(this.signal, 0);
      const got = this.take();
      if (got?.kind === 'closed') break;
      if (got) continue;
      const left = deadline - Date.now();
      if (left <= 0) break;
      Atomics.wait(this.signal, 0, seen, left);
    }
    void this.worker.terminate();
  }

  private take(): FromWorker | null {
    const m = receiveMessageOnPort(this.port)?.message as FromWorker | undefined;
    if (m?.kind === 'exit') this.exit = m.detail;
    return m ?? null;
  }

  private drain(): void {
    if (this.exit) return;
    for (let m = this.take(); m && !this.exit; m = this.take());
  }
}
