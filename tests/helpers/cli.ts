import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';

/** Runs the command line in-process and collects what it prints. */
export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export function cli(...argv: string[]): CliResult {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(
    argv,
    (t) => out.push(t),
    (t) => err.push(t),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

export const REPO = join(import.meta.dirname, '..', '..');
export const FIXTURE = join(REPO, 'tests', 'fixtures', 'classroom-1.bzrec.json');

/** A fresh scratch directory for files a test writes. */
export function scratch(): { dir: string; write: (name: string, content: string | object) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'bz-cli-'));
  return {
    dir,
    write: (name, content) => {
      const path = join(dir, name);
      writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
      return path;
    },
  };
}

/** The golden record as data, to edit into broken copies. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function fixtureData(): Record<string, any> {
  return JSON.parse(readFileSync(FIXTURE, 'utf8'));
}

/** A stack trace line, as Node prints them ("    at fn (file.ts:12:3)"). */
export const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;
