import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A small note in DATA_DIR while a classroom server uses it (`server.json`: its process id, address and
 * journal file), so that `restore` can refuse to replace a file a running server has open. A note left
 * by a server that was killed names a process that no longer exists, and is ignored.
 */

export const RUNNING_FILE = 'server.json';

export interface RunningServer {
  pid: number;
  url: string;
  journal: string;
}

export function markRunningServer(dataDir: string, info: RunningServer): void {
  try {
    writeFileSync(join(dataDir, RUNNING_FILE), `${JSON.stringify({ ...info, started: new Date().toISOString() }, null, 2)}\n`);
  } catch {
    // Only `restore` reads it; a server that cannot write it still serves the class.
  }
}

export function clearRunningServer(dataDir: string, pid: number): void {
  if (runningServer(dataDir)?.pid === pid) rmSync(join(dataDir, RUNNING_FILE), { force: true });
}

/** The server using `dataDir` now, if any (its process still exists). */
export function runningServer(dataDir: string): RunningServer | null {
  let info: RunningServer;
  try {
    info = JSON.parse(readFileSync(join(dataDir, RUNNING_FILE), 'utf8')) as RunningServer;
  } catch {
    return null;
  }
  if (!Number.isInteger(info.pid) || info.pid <= 0) return null;
  try {
    process.kill(info.pid, 0);
    return info;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? info : null;
  }
}
