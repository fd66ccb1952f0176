import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARTY_IDS } from '../../src/core';
import { REPO, STACK_LINE, cli, scratch } from '../helpers/cli';

/** `--seat party=agent:<command>`: a program that plays a seat over JSON lines on stdin/stdout. */

const AGENTS = join(REPO, 'tests', 'fixtures', 'agents');
const agent = (file: string, ...args: string[]) => `agent:node ${join(AGENTS, file)}${args.map((a) => ` ${a}`).join('')}`;

function hasPython(): boolean {
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('agents', () => {
  it('a good agent gets its turns with its own view and legal moves, a refusal in words and data, and the end', () => {
    const { dir } = scratch();
    const log = join(dir, 'messages.jsonl');
    const record = join(dir, 'game.bzrec.json');
    const r = cli(
      'simulate',
      '--level',
      'tutorial',
      '--seed',
      'agent-1',
      '--seat',
      `ukraine=${agent('logging.mjs', log)}`,
      '--out',
      record,
      '--json',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out);
    expect(summary.seats.ukraine).toEqual({ kind: 'agent', command: `node ${join(AGENTS, 'logging.mjs')} ${log}` });
    expect(summary.seats.russia).toEqual({ kind: 'computer', difficulty: 'normal' });

    const messages = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const turns = messages.filter((m) => m.type === 'turn');
    expect(turns.length).toBeGreaterThan(2);
    for (const t of turns) {
      expect(t.seat).toBe('ukraine');
      expect(t.view.viewer).toBe('ukraine');
      expect(t.view.brief.party).toBe('ukraine');
      expect(t.view.revealed).toBeNull();
      expect(Array.isArray(t.legal)).toBe(true);
    }
    expect(turns[0].legal.map((m: { type: string }) => m.type)).toEqual(['game.start']);
    expect(turns[1].legal.some((m: { type: string }) => m.type === 'party.pass')).toBe(true);

    const refused = messages.find((m) => m.type === 'refused');
    expect(refused).toMatchObject({ type: 'refused', refusal: { code: 'no-table' } });
    expect(typeof refused.reason).toBe('string');
    expect(refused.reason.length).toBeGreaterThan(10);

    const end = messages.at(-1);
    expect(end.type).toBe('end');
    expect(end.view.phase).toBe('over');
    expect(Object.keys(end.scores).sort()).toEqual([...PARTY_IDS].sort());
    expect(end.scores).toEqual(summary.scores);

    // The record keeps the agent's command, and replays from its intents alone.
    const rec = JSON.parse(readFileSync(record, 'utf8'));
    expect(rec.version).toBe(2);
    expect(rec.seats.ukraine.kind).toBe('agent');
    const replayed = cli('replay', record, '--json');
    expect(replayed.code).toBe(0);
    expect(JSON.parse(replayed.out).stateHash).toBe(summary.stateHash);
  });

  it('a slow agent passes the turn it was late for, with one line on stderr, and its late answer is not taken for the next turn', () => {
    const r = cli(
      'simulate',
      '--level',
      'tutorial',
      '--seed',
      'slow',
      '--seat',
      `ukraine=${agent('slow.mjs')}`,
      '--agent-timeout',
      '1',
      '--json',
    );
    expect(r.code).toBe(0);
    const lines = r.err.split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^agent ukraine \(node .*slow\.mjs\): no answer within 1 s to its turn at step 1 \(round 1\); the seat passes$/,
    );
    const game = JSON.parse(r.out);
    expect(game.cause).not.toEqual({ code: 'walked-out', by: 'ukraine' });
    expect(game.outcome).toMatch(/^(agreement|breakdown|deadline)$/);
  });

  it('an agent printing garbage passes those turns with one line each, never a crash', () => {
    const r = cli('simulate', '--level', 'tutorial', '--seed', 'garbage', '--seat', `ukraine=${agent('garbage.mjs')}`, '--json');
    expect(r.code).toBe(0);
    expect(r.err).not.toMatch(STACK_LINE);
    const lines = r.err.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('is not JSON ("hello, negotiators"); the seat passes');
    expect(lines[1]).toContain('is not an intent (intent.type: unknown intent type "party.surrender")');
    expect(lines[2]).toContain('is not an intent');
    expect(JSON.parse(r.out).steps).toBeGreaterThan(10);
  });

  it('an agent that exits at once, or cannot start, is reported once and its seat passes for the rest of the game', () => {
    const exits = cli('simulate', '--level', 'tutorial', '--seed', 'exit', '--seat', 'us=agent:node -e "process.exit(3)"', '--json');
    expect(exits.code).toBe(0);
    expect(exits.err).toBe('agent us (node -e "process.exit(3)") exited with code 3; its seat passes for the rest of the game');
    const game = JSON.parse(exits.out);
    expect(game.outcome).toMatch(/^(agreement|breakdown|deadline)$/);

    const missing = cli('batch', '--level', 'tutorial', '--seeds', '2', '--seat', 'russia=agent:/no/such/agent --flag', '--json');
    expect(missing.code).toBe(0);
    const lines = missing.err.split('\n');
    expect(lines).toHaveLength(2); // one per game: each game starts the agent anew
    for (const l of lines)
      expect(l).toMatch(/^agent russia \(\/no\/such\/agent --flag\) exited with code 127 \(command not found\?\); its seat passes/);
    expect(JSON.parse(missing.out).seats.russia).toEqual({ kind: 'agent', command: '/no/such/agent --flag' });
  });

  it('bad --seat and --agent-timeout values name the flag (exit 2)', () => {
    const empty = cli('simulate', '--level', 'tutorial', '--seed', 'x', '--seat', 'ukraine=agent:');
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('--seat ukraine: agent: needs a command');
    const bad = cli('simulate', '--level', 'tutorial', '--seed', 'x', '--seat', 'ukraine=robot');
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('--seat ukraine: expected one of easy, normal, hard or agent:<command>, got "robot"');
    const timeout = cli('simulate', '--level', 'tutorial', '--seed', 'x', '--agent-timeout', 'soon');
    expect(timeout.code).toBe(2);
    expect(timeout.err).toContain('--agent-timeout: expected a number of seconds');
  });

  describe('the examples in examples/agents/', () => {
    it('are the ones the README shows', () => {
      const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
      for (const file of ['accept-or-pass.mjs', 'accept_or_pass.py'])
        expect(readme).toContain(readFileSync(join(REPO, 'examples/agents', file), 'utf8').trimEnd());
    });

    const examples: [string, string, boolean][] = [
      ['Node', `node ${join(REPO, 'examples/agents/accept-or-pass.mjs')}`, true],
      ['Python', `python3 ${join(REPO, 'examples/agents/accept_or_pass.py')}`, hasPython()],
    ];
    for (const [language, command, available] of examples) {
      it.skipIf(!available)(`${language}: plays Ukraine through simulate${available ? '' : ' (skipped: python3 is not installed)'}`, () => {
        const r = cli('simulate', '--level', 'buffer-zone-talks', '--seed', 'example', '--seat', `ukraine=agent:${command}`, '--json');
        expect(r.err).toBe('');
        expect(r.code).toBe(0);
        const game = JSON.parse(r.out);
        expect(game.seats.ukraine).toEqual({ kind: 'agent', command });
        expect(game.outcome).toMatch(/^(agreement|breakdown|deadline)$/);
      });
    }
  });
});
