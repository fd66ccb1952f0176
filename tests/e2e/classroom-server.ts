import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The classroom server for the browser tests: `src/server/main.ts` in a child process (so it can be
 * killed with SIGKILL and started again like a real laptop), serving the built `dist/` on a loopback
 * port chosen once, with a temporary data folder that survives its restarts.
 */
const root = resolve(import.meta.dirname, '../..');

/** A free loopback port, kept for every start of the server so the pages' address stays the same. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

export class ClassroomProcess {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'bz-classroom-e2e-'));
  private child: ChildProcess | null = null;

  constructor(readonly port: number) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  start(): Promise<void> {
    const proc = fork(join(root, 'src/server/main.ts'), [], {
      cwd: root,
      execArgv: ['--import', 'tsx'],
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DATA_DIR: this.dataDir,
        STATIC_DIR: join(root, 'dist'),
        QUIET: '1',
        COMPUTER_DELAY_MS: '150',
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child = proc;
    return new Promise((done, fail) => {
      const timer = setTimeout(() => fail(new Error('the classroom server did not start within 20 s')), 20_000);
      proc.once('exit', (code) => fail(new Error(`the classroom server exited early (${code})`)));
      proc.on('message', (m: { type?: string }) => {
        if (m.type !== 'ready') return;
        clearTimeout(timer);
        done();
      });
    });
  }

  /** Pulls the plug: no shutdown code runs, as when a laptop crashes. */
  async kill(): Promise<void> {
    const proc = this.child;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGKILL');
    await exited;
    this.child = null;
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
