import seedrandom from 'seedrandom';

/** The Alea generator's whole state: four numbers, cheap to copy into every snapshot and hash. */
export interface AleaState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

export function seedState(seed: string): AleaState {
  return seedrandom.alea(seed, { state: true }).state() as AleaState;
}

/** Draws one number in [0, 1) and returns it with the generator's next state; the input is untouched. */
export function nextRandom(state: AleaState): [number, AleaState] {
  const prng = seedrandom.alea('', { state: { ...state } });
  const x = prng();
  return [x, prng.state() as AleaState];
}

/** Picks an index with probability proportional to its weight (weights ≥ 0, at least one > 0). */
export function pickWeighted(weights: readonly number[], x: number): number {
  let total = 0;
  for (const w of weights) total += w;
  let target = x * total;
  for (let i = 0; i < weights.length; i++) {
    target -= weights[i];
    if (target < 0 && weights[i] > 0) return i;
  }
  for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
  return 0;
}
