import { PARTY_IDS, seedState, type GameState, type Level, type OutcomeKind, type PartyId, type Seats } from '../core';
import { playComputerGame } from './play';

/**
 * "What if…?" from any step: N continuations with the computer in every seat. Each continuation
 * redraws the future from its own seed (events and computer choices), so the spread shows what the
 * position could still become, not one fixed replay.
 */
export interface ExplorationSummary {
  runs: number;
  outcomes: Record<OutcomeKind, number>;
  /** Per party: mean score and a histogram of scores in 10-point bins from -50 to +50 (clamped). */
  scores: Record<PartyId, { mean: number; min: number; max: number; histogram: number[] }>;
  meanRounds: number;
}

export const SCORE_BINS = { from: -50, width: 10, count: 10 } as const;

export function emptySummary(): ExplorationSummary {
  return {
    runs: 0,
    outcomes: { agreement: 0, breakdown: 0, deadline: 0 },
    scores: Object.fromEntries(
      PARTY_IDS.map((p) => [p, { mean: 0, min: Infinity, max: -Infinity, histogram: new Array(SCORE_BINS.count).fill(0) }]),
    ) as ExplorationSummary['scores'],
    meanRounds: 0,
  };
}

/** Plays continuation number `i` from `from` and folds its result into `summary`. */
export function exploreOne(level: Level, from: GameState, seats: Seats, i: number, summary: ExplorationSummary): void {
  const seed = `${from.context.seed}/what-if/${i}`;
  const start: GameState = { phase: from.phase, context: { ...from.context, seed, rng: seedState(seed) } };
  const o = playComputerGame(level, seed, seats, { from: start }).state.context.outcome!;
  const n = summary.runs + 1;
  summary.outcomes[o.kind]++;
  summary.meanRounds += (o.round - summary.meanRounds) / n;
  for (const p of PARTY_IDS) {
    const s = summary.scores[p];
    const score = o.scores[p];
    s.mean += (score - s.mean) / n;
    s.min = Math.min(s.min, score);
    s.max = Math.max(s.max, score);
    const bin = Math.min(SCORE_BINS.count - 1, Math.max(0, Math.floor((score - SCORE_BINS.from) / SCORE_BINS.width)));
    s.histogram[bin]++;
  }
  summary.runs = n;
}

export function explore(level: Level, from: GameState, seats: Seats, runs: number): ExplorationSummary {
  const summary = emptySummary();
  for (let i = 0; i < runs; i++) exploreOne(level, from, seats, i, summary);
  return summary;
}
