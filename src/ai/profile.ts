import type { Difficulty } from '../core';

/**
 * How a computer party negotiates at each difficulty. Difficulty is skill, not stubbornness: an easy
 * party values packages by their terms alone (blind to whether the deal will hold), holds out too long,
 * rejects often and learns nothing from the others' moves; a hard party counts durability, learns from
 * every offer, acceptance and rejection, trades across terms toward what the others will sign, closes
 * before the deadline and refuses a last-minute ultimatum from a party that never moved.
 *
 * - `beta` shapes the concession curve (aspiration = walk-away + (best − walk-away)·(1 − t^(1/β))):
 *   below 1 holds out and concedes late (Boulware), above 1 gives ground early (Conceder).
 * - `floorShare`: the share of its range above its walk-away value it still insists on at the end.
 * - `learns`: whether its opponent model learns from the record of the talks (else public demands only).
 * - `countsDurability`: whether it values a deal by its chance of holding, as the score does.
 * - `modelsLimits`: whether it respects what others publicly cannot sign (the US engagement ceiling,
 *   Ukraine's demand for guarantees) when it builds a package.
 * - `patience`: how far below its walk-away value a package must be before it rejects it outright.
 * - `tactics`: chance per turn of a tactical move (escalation, stalling) when it seems to pay.
 * - `refusesUltimatums`: in the last two rounds, refuses a package that gives it little from a party
 *   that has not moved.
 * - `tolerance`: bids within this share of the best are equally good; a seeded choice picks one.
 * - `maxSteps`: how far its bid search goes (each phase of building a bid takes at most twice this many
 *   steps): a cruder search at lower difficulty.
 * - `readsTrust`: whether it trades more toward the parties that trust it least.
 * - `misjudges`: how far it misreads its own priorities: each option's worth to it is off by up to
 *   this share (seeded per game), so it trades away what matters and holds out for what does not.
 */
export interface Profile {
  beta: number;
  floorShare: number;
  learns: boolean;
  countsDurability: boolean;
  modelsLimits: boolean;
  patience: number;
  tactics: number;
  refusesUltimatums: boolean;
  tolerance: number;
  maxSteps: number;
  readsTrust: boolean;
  misjudges: number;
}

/** How each party's pace (from the level) scales its concession curve. */
export const PACE: Readonly<Record<'patient' | 'steady' | 'eager', number>> = { patient: 0.7, steady: 1, eager: 2.5 };

export const PROFILES: Readonly<Record<Difficulty, Profile>> = {
  easy: {
    beta: 1.6,
    floorShare: 0.08,
    learns: false,
    countsDurability: false,
    modelsLimits: false,
    patience: 2,
    tactics: 0.35,
    refusesUltimatums: false,
    tolerance: 0.3,
    maxSteps: 3,
    readsTrust: false,
    misjudges: 0.6,
  },
  normal: {
    beta: 1.6,
    floorShare: 0.08,
    learns: true,
    countsDurability: true,
    modelsLimits: true,
    patience: 8,
    tactics: 0.15,
    refusesUltimatums: false,
    tolerance: 0.15,
    maxSteps: 4,
    readsTrust: true,
    misjudges: 0.4,
  },
  hard: {
    beta: 1.6,
    floorShare: 0.08,
    learns: true,
    countsDurability: true,
    modelsLimits: true,
    patience: 20,
    tactics: 0.05,
    refusesUltimatums: true,
    tolerance: 0.1,
    maxSteps: 5,
    readsTrust: true,
    misjudges: 0,
  },
};
