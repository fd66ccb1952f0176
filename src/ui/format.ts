import {
  PARTY_NAMES,
  TERMS,
  optionLabel,
  type Actor,
  type GameView,
  type Level,
  type LogEntry,
  type Meters,
  type PartyId,
  type TermId,
} from '../core';
import { findBuiltinLevel } from '../content/levels';
import { narrateEntry, reasonOf } from '../narrate';

/** Wording shared by every screen: numbers, meter readings and log lines, in a neutral voice. */

export const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-GB');

export function signed(n: number): string {
  const r = Math.round(n * 10) / 10;
  return `${r > 0 ? '+' : r < 0 ? '−' : '±'}${Math.abs(r).toLocaleString('en-GB')}`;
}

export function actorName(by: Actor | 'events'): string {
  if (by === 'events') return 'Event';
  if (by === 'facilitator') return 'Facilitator';
  return PARTY_NAMES[by];
}

export function youOr(party: PartyId, me: PartyId | null): string {
  return party === me ? `${PARTY_NAMES[party]} (you)` : PARTY_NAMES[party];
}

export function tensionWord(t: number): string {
  if (t >= 80) return 'open escalation';
  if (t >= 60) return 'high';
  if (t >= 40) return 'elevated';
  if (t >= 20) return 'moderate';
  return 'calm';
}

export function levelWord(n: number): string {
  if (n >= 75) return 'high';
  if (n >= 50) return 'fair';
  if (n >= 25) return 'low';
  return 'very low';
}

/** Average trust between `party` and the other three (0–100). */
export function trustBetween(meters: Meters, a: PartyId, b: PartyId): number {
  const key = (Object.keys(meters.trust) as (keyof Meters['trust'])[]).find((k) => k === `${a}-${b}` || k === `${b}-${a}`);
  return key ? meters.trust[key] : 0;
}

export function termLabel(t: TermId): string {
  return TERMS[t].label;
}

export function optionText(t: TermId, option: string): string {
  return optionLabel(t, option);
}

/** The level a view belongs to (every level the game ships is built in), for wording its entries. */
export function levelOf(view: Pick<GameView, 'levelId'>): Level {
  const level = findBuiltinLevel(view.levelId);
  if (!level) throw new Error(`unknown level ${view.levelId}`);
  return level;
}

/** A log line in words. */
export function entryText(level: Level, entry: LogEntry): string {
  return narrateEntry(level, entry);
}

/** The reason its actor gave for a move (a note as written, or the computer's rationale), or null. */
export function entryReason(level: Level, entry: LogEntry): string | null {
  return entry.by === 'events' ? null : reasonOf(level, entry);
}

export function logLine(level: Level, entry: LogEntry): string {
  const why = entryReason(level, entry);
  return why ? `${entryText(level, entry)} ${why}` : entryText(level, entry);
}

export function ordinalRound(round: number, rounds: number): string {
  return `Round ${round} of ${rounds}`;
}
