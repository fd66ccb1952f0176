/**
 * Engine figures, run as one bundled file in a child process (the way the game ships), on one core.
 * Prints a JSON array of {name, value, unit, baseline?, ratio?} on stdout.
 */
import { createActor, setup, assign } from 'xstate';
import { decideFor, playComputerGame, seatsAll } from '../src/ai';
import { findBuiltinLevel, MAIN_LEVEL_ID } from '../src/content/levels';
import { applyToGame, currentParty, newGame, replayRecord, stateHash, type GameState, type Level } from '../src/core';
import type { BenchFigure } from './figure';

const figures: BenchFigure[] = [];
const level = findBuiltinLevel(MAIN_LEVEL_ID) as Level;
const now = () => performance.now();

/** Runs `fn` repeatedly for about `ms` milliseconds after a warm-up; returns iterations and elapsed time. */
function timeFor(ms: number, fn: (i: number) => void): { n: number; elapsed: number } {
  for (let i = 0; i < 50; i++) fn(i);
  let n = 0;
  const start = now();
  while (now() - start < ms) fn(1000 + n++);
  return { n, elapsed: now() - start };
}

// 1. Complete computer-vs-computer games per second, main level, every seat normal.
let steps = 0;
const games = timeFor(4000, (i) => {
  steps += playComputerGame(level, `bench-${i}`, seatsAll('normal')).state.context.step;
});
const gamesPerSecond = (games.n * 1000) / games.elapsed;
const stepsPerGame = steps / (games.n + 50);

// 2. Baseline: the same number of transitions through a trivial XState machine, driven the same way (an actor).
const trivial = setup({ types: { context: {} as { n: number }, events: {} as { type: 'tick' } } }).createMachine({
  context: { n: 0 },
  initial: 'on',
  states: { on: { on: { tick: { actions: assign(({ context }) => ({ n: context.n + 1 })) } } } },
});
const transitionsPerGame = Math.round(stepsPerGame);
const baseline = timeFor(4000, () => {
  const actor = createActor(trivial).start();
  for (let k = 0; k < transitionsPerGame; k++) actor.send({ type: 'tick' });
  actor.stop();
});
const baselinePerSecond = (baseline.n * 1000) / baseline.elapsed;
figures.push({
  name: 'engine: complete AI-vs-AI games per second (main level, normal, one core)',
  value: round(gamesPerSecond),
  unit: 'games/s',
});
figures.push({
  name: 'engine: time per game against a trivial XState machine doing the same number of transitions',
  value: round(1e6 / gamesPerSecond),
  unit: 'µs/game',
  baseline: round(1e6 / baselinePerSecond),
  ratio: round(baselinePerSecond / gamesPerSecond, 2),
});
figures.push({ name: 'engine: intents per game (mean)', value: round(stepsPerGame, 1), unit: 'intents' });

// Where the time goes: rules alone (replaying recorded intents) versus the computer parties' decisions.
const sample = Array.from({ length: 200 }, (_, i) => playComputerGame(level, `split-${i}`, seatsAll('normal'), { record: true }).record!);
const rulesOnly = timeFor(3000, (i) => {
  const r = sample[i % sample.length];
  let s = newGame(level, { seed: r.seed });
  for (const st of r.steps) s = (applyToGame(level, s, st.intent) as { value: GameState }).value;
});
const rulesMsPerGame = rulesOnly.elapsed / rulesOnly.n;
// The aim for the rules is stated against the same baseline: at most 3× its time per game.
figures.push({
  name: 'split: rules only (replaying the intents of a game, no hashing)',
  value: round(rulesMsPerGame * 1000),
  unit: 'µs/game',
  baseline: round(1e6 / baselinePerSecond),
  ratio: round((rulesMsPerGame * 1000 * baselinePerSecond) / 1e6, 2),
});
figures.push({
  name: 'split: computer decisions (rest of a game)',
  value: round(1e6 / gamesPerSecond - rulesMsPerGame * 1000),
  unit: 'µs/game',
});

// 3. Replay verification of a long record (every step's hash recomputed and compared).
const longest = Array.from(
  { length: 300 },
  (_, i) => playComputerGame(level, `long-${i}`, seatsAll('hard'), { record: true }).record!,
).reduce((a, b) => (b.steps.length > a.steps.length ? b : a));
const verify = timeFor(3000, () => {
  const r = replayRecord(level, longest);
  if (!r.ok || !r.value.ok) throw new Error('bench record does not replay');
});
figures.push({
  name: `replay verification of a long record (${longest.steps.length} steps, every hash checked)`,
  value: round(verify.elapsed / verify.n, 2),
  unit: 'ms',
});
const states: GameState[] = [];
{
  let s = newGame(level, { seed: longest.seed });
  for (const st of longest.steps) states.push((s = (applyToGame(level, s, st.intent) as { value: GameState }).value));
}
const hashing = timeFor(2000, (i) => stateHash(JSON.parse(JSON.stringify(states[i % states.length]))));
figures.push({
  name: 'state hash from scratch (SHA-256 of canonical JSON, no cached log digest)',
  value: round((hashing.elapsed / hashing.n) * 1000, 1),
  unit: 'µs',
});

// 4. Computer decision time per difficulty, p50 and p99, over the positions of real games.
for (const d of ['easy', 'normal', 'hard'] as const) {
  const positions: GameState[] = [];
  for (let g = 0; g < 60; g++) {
    const game = playComputerGame(level, `ai-${d}-${g}`, seatsAll(d), { record: true }).record!;
    let s = newGame(level, { seed: game.seed });
    for (const st of game.steps) {
      if (s.phase === 'turns') positions.push(s);
      s = (applyToGame(level, s, st.intent) as { value: GameState }).value;
    }
  }
  const samples: number[] = [];
  for (let rep = 0; rep < 5; rep++)
    for (const s of positions) {
      const t0 = now();
      decideFor(level, s, currentParty(level, s.context), d);
      samples.push(now() - t0);
    }
  samples.sort((a, b) => a - b);
  const q = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] * 1000;
  figures.push({ name: `AI decision time, ${d}, p50`, value: round(q(0.5), 1), unit: 'µs' });
  figures.push({ name: `AI decision time, ${d}, p99`, value: round(q(0.99), 1), unit: 'µs' });
}

function round(x: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

process.stdout.write(JSON.stringify(figures));
