import type { Difficulty } from '../core';

/**
 * How a computer party negotiates at each difficulty.
 *
 * - `beta` shapes the concession curve (aspiration = walk-away + (best − walk-away)·(1 − t^(1/β))):
 *   below 1 is Boulware (holds out, concedes late), above 1 is Conceder (gives ground early).
 * - `floor` is how far above its walk-away value a party insists on ending, even at the deadline.
 * - `modelsLimits`: whether it respects what others publicly cannot accept (US engagement ceiling,
 *   red lines it has heard) when it builds a package.
 * - `patience`: how much worse than its walk-away a package must be before it rejects outright.
 */
export interface Profile {
  beta: number;
  floor: number;
  modelsLimits: boolean;
  patience: number;
  /** Weight given to the others' estimated gain when building a package (0 = selfish). */
  generosity: number;
  /** Chance per turn of a tactical move (escalation, stalling) when it pays. */
  tactics: number;
}

export const PROFILES: Readonly<Record<Difficulty, Profile>> = {
  easy: { beta: 2.5, floor: -4, modelsLimits: false, patience: 15, generosity: 1.4, tactics: 0.1 },
  normal: { beta: 1, floor: 2, modelsLimits: true, patience: 8, generosity: 0.9, tactics: 0.25 },
  hard: { beta: 0.45, floor: 5, modelsLimits: true, patience: 4, generosity: 0.6, tactics: 0.35 },
};
