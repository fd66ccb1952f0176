import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE, REPO, STACK_LINE, fixtureData, scratch } from '../helpers/cli';

/**
 * The command line as a real process (`npx tsx src/cli/main.ts`): exit codes and stdout as a shell
 * script sees them. The in-process tests cover the cases; this checks the wiring once per exit code.
 */

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

function spawnCli(...args: string[]): Promise<Ran> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'src/cli/main.ts', ...args], { cwd: REPO, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      // npm may warn about the machine's own configuration; that is not the program's output.
      resolve({ code, stdout, stderr: stderr.replace(/^npm warn .*\n/gm, '') });
    });
  });
}

describe('the command line as a process', () => {
  it('exit codes 0, 1 and 2 with the right output on the right stream', async () => {
    const { write } = scratch();
    const edited = fixtureData();
    edited.steps[7].intent.note = 'Edited.';
    const editedPath = write('edited.bzrec.json', edited);

    const [simulate, replayOk, replayBad, badInput, unknown] = await Promise.all([
      spawnCli('simulate', '--level', 'buffer-zone-talks', '--seed', 'classroom-1', '--json'),
      spawnCli('replay', FIXTURE),
      spawnCli('replay', editedPath),
      spawnCli('batch', '--level', 'buffer-zone-talks', '--seeds', '1e12'),
      spawnCli('negotiate'),
    ]);

    expect(simulate.code).toBe(0);
    expect(simulate.stderr).toBe('');
    expect(simulate.stdout.endsWith('\n')).toBe(true);
    expect(simulate.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(simulate.stdout)).toMatchObject({
      level: 'buffer-zone-talks',
      seed: 'classroom-1',
      outcome: 'agreement',
      rounds: 6,
      stateHash: 'a0bd2b18cc4cf0605e232088a3194c014eacfcf2241fb576e410fe4621beec80',
    });

    expect(replayOk.code).toBe(0);
    expect(replayOk.stdout).toContain(`${FIXTURE}: all 22 steps replay with matching hashes.`);

    expect(replayBad.code).toBe(1);
    expect(replayBad.stderr).toContain(`${editedPath}: step 8 does not replay`);

    expect(badInput.code).toBe(2);
    expect(badInput.stdout).toBe('');
    expect(badInput.stderr.trim()).toBe('--seeds: expected a whole number from 1 to 100000, got "1e12"');

    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^unknown command "negotiate"/);

    for (const r of [simulate, replayOk, replayBad, badInput, unknown]) expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('the installed bin runs the same program', async () => {
    const r = await new Promise<Ran>((resolve) =>
      execFile(process.execPath, [join(REPO, 'bin', 'buffer-zone.mjs'), 'levels', '--json'], { cwd: REPO }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      ),
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).map((l: { id: string }) => l.id)).toContain('buffer-zone-talks');
  });
});
