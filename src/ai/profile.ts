import type { Difficulty } from '../core';

/**
 * How a computer party negotiates at each difficulty. Difficulty is skill, not stubbornness: an easy
 * party holds out too long, rejects often (which pulls packages off the table) and misjudges what the
 * others can sign; a hard party concedes on a well-timed curve, gives ground where it costs it least
 * and helps the others most, respects public limits, and closes a deal before the deadline.
 *
 * - `beta` shapes the concession curve (aspiration = walk-away + (best − walk-away)·(1 − t^(1/β))):
 *   below 1 holds out and concedes late (Boulware), above 1 gives ground early (Conceder).
 * - `floor`: how far above its walk-away value a party insists on ending.
 * - `modelsLimits`: whether it respects what others publicly cannot sign (the US engagement ceiling,
 *   Ukraine's demand for guarantees) when it builds a package.
 * - `patience`: how far below its walk-away value a package must be before it rejects it outright.
 * - `generosity`: weight on the others' estimated gain when it decides what to give up.
 * - `tactics`: chance per turn of a tactical move (escalation, stalling) when it seems to pay.
 * - `closesDeals`: in the last round, takes any package above its walk-away value.
 */
export interface Profile {
  beta: number;
  floor: number;
  modelsLimits: boolean;
  patience: number;
  generosity: number;
  tactics: number;
  closesDeals: boolean;
}

export const PROFILES: Readonly<Record<Difficulty, Profile>> = {
  easy: { beta: 0.5, floor: 3, modelsLimits: false, patience: 3, generosity: 0.5, tactics: 0.3, closesDeals: false },
  normal: { beta: 1, floor: 1, modelsLimits: true, patience: 8, generosity: 1, tactics: 0.2, closesDeals: false },
  hard: { beta: 1.6, floor: 0, modelsLimits: true, patience: 20, generosity: 1.2, tactics: 0.15, closesDeals: true },
};
