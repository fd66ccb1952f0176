import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  INTENT_TYPES,
  PARTY_IDS,
  TERMS,
  applyToGame,
  legalMoves,
  newGame,
  refusalFor,
  stateHash,
  viewFor,
  type Actor,
  type GameState,
  type Intent,
  type LegalMove,
  type Level,
  type Package,
  type TermId,
} from '../../src/core';
import { gameArb, resolveChoice } from '../helpers/arbitraries';
import { level } from '../helpers/game';

/**
 * The seat-facing paths (the legal moves the UI and the computer parties are offered, and the refusal a
 * seat computes from its own view) agree with the rules on every position random play reaches: every
 * move offered is accepted with any parameters inside its limits, every move not offered is refused,
 * parameters outside the limits are refused, and a seat's own refusal is the rules' refusal.
 */

const SEATS: Actor[] = [...PARTY_IDS, 'facilitator'];

/** A few concrete intents for a legal move: at its limits and in between, deterministic from `k`. */
function samplesOf(m: LegalMove, by: Actor, lvl: Level, k: number): Intent[] {
  const base = { type: m.type, by } as Record<string, unknown>;
  switch (m.type) {
    case 'party.propose':
    case 'party.counter': {
      const out: Intent[] = [];
      for (let j = 0; j < 4; j++) {
        const pkg = {} as Record<TermId, string>;
        for (const t of Object.keys(m.terms) as TermId[]) pkg[t] = m.terms[t][(k + j * 7 + t.length) % m.terms[t].length];
        if (m.type === 'party.counter' && TERM_KEYS.every((t) => pkg[t] === m.differFrom[t])) continue;
        out.push({ ...base, package: pkg } as Intent);
      }
      return out;
    }
    case 'party.statement':
      return m.tones.map((tone) => ({ ...base, tone }) as Intent);
    case 'us.offerAirSupport':
      return m.levels.map((l) => ({ ...base, level: l }) as Intent);
    case 'coalition.pledgeTroops':
      return [m.min, m.max, Math.round((m.min + m.max) / 2)].filter((t) => t !== m.except).map((troops) => ({ ...base, troops }) as Intent);
    case 'facilitator.overrideEvent':
      return m.eventIds.slice(0, 3).map((eventId) => ({ ...base, eventId }) as Intent);
    case 'facilitator.inject':
      return [
        ...m.eventIds.slice(0, 2).map((eventId) => ({ ...base, eventId })),
        { ...base, custom: { title: 'News', text: 'Something.' } },
      ] as Intent[];
    case 'game.start':
    case 'party.accept':
    case 'party.reject':
    case 'party.pass':
    case 'party.walkOut':
    case 'ukraine.demandGuarantees':
    case 'russia.escalate':
    case 'russia.stall':
    case 'facilitator.pause':
    case 'facilitator.resume':
    case 'facilitator.releaseEvent':
    case 'facilitator.end':
      void lvl;
      return [base as Intent];
  }
}

const TERM_KEYS = Object.keys(TERMS) as TermId[];

/** Intents just outside a legal move's limits (one option the limits leave out). */
function outsideOf(m: LegalMove, by: Actor): Intent[] {
  if (m.type === 'party.propose' || m.type === 'party.counter') {
    const out: Intent[] = [];
    for (const t of TERM_KEYS) {
      const excluded = TERMS[t].options.find((o) => !m.terms[t].includes(o.id));
      if (!excluded) continue;
      const pkg = Object.fromEntries(TERM_KEYS.map((x) => [x, m.terms[x][0]])) as Record<TermId, string>;
      pkg[t] = excluded.id;
      out.push({ type: m.type, by, package: pkg as Package } as Intent);
    }
    return out;
  }
  if (m.type === 'us.offerAirSupport')
    return TERMS.usSupport.options.filter((o) => !m.levels.includes(o.id)).map((o) => ({ type: m.type, by, level: o.id }) as Intent);
  if (m.type === 'coalition.pledgeTroops') return [m.max + 1000, m.min - 1].map((troops) => ({ type: m.type, by, troops }) as Intent);
  return [];
}

function checkPosition(lvl: Level, s: GameState, k: number): number {
  let checked = 0;
  const hash = stateHash(s);
  for (const seat of SEATS) {
    const view = viewFor(lvl, s, seat);
    const legal = legalMoves(lvl, view);
    const offered = new Set(legal.moves.map((m) => m.type));
    for (const m of legal.moves) {
      for (const intent of samplesOf(m, seat, lvl, k)) {
        const applied = applyToGame(lvl, s, intent);
        expect(applied.ok, `${JSON.stringify(intent)} offered but refused: ${applied.ok ? '' : JSON.stringify(applied.refusal)}`).toBe(
          true,
        );
        expect(refusalFor(lvl, view, intent)).toBeNull();
        checked++;
      }
      for (const intent of outsideOf(m, seat)) {
        const applied = applyToGame(lvl, s, intent);
        expect(applied.ok, `${JSON.stringify(intent)} outside the limits but accepted`).toBe(false);
        if (!applied.ok) expect(refusalFor(lvl, view, intent)).toEqual(applied.refusal);
        checked++;
      }
    }
    for (const type of INTENT_TYPES) {
      if (offered.has(type)) continue;
      const intent = { type, by: seat } as Intent;
      const applied = applyToGame(lvl, s, intent);
      // A move not offered is refused whatever its parameters; the bare probe has none, so it may also be malformed.
      expect(applied.ok, `${type} by ${seat} not offered but accepted`).toBe(false);
      if (!applied.ok && applied.refusal.code !== 'malformed') {
        expect(refusalFor(lvl, view, intent)).toEqual(applied.refusal);
        if (legal.refused[type]) expect(legal.refused[type]!.code).not.toBe('malformed');
      }
      checked++;
    }
  }
  expect(stateHash(s)).toBe(hash);
  return checked;
}

describe('legal moves from a seat view agree with the rules', () => {
  it('on thousands of positions reached by random play, every seat, every move type', () => {
    let checked = 0;
    let positions = 0;
    fc.assert(
      fc.property(gameArb, ({ levelId, seed, facilitated, choices }) => {
        const lvl = level(levelId);
        let s = newGame(lvl, { seed, facilitated });
        choices.forEach((choice, k) => {
          if (s.phase === 'over') return;
          if (k % 2 === 0) {
            checked += checkPosition(lvl, s, k);
            positions++;
          }
          const next = applyToGame(lvl, s, resolveChoice(lvl, s, choice));
          if (next.ok) s = next.value;
        });
        if (s.phase === 'over') checked += checkPosition(lvl, s, 0);
      }),
      { numRuns: 150 },
    );
    expect(positions).toBeGreaterThan(1000);
    expect(checked).toBeGreaterThan(20_000);
  });

  it('a finished game offers nothing to anyone', () => {
    const lvl = level('buffer-zone-talks');
    let s = newGame(lvl, { seed: 'x', facilitated: true });
    s = (applyToGame(lvl, s, { type: 'facilitator.end', by: 'facilitator' }) as { ok: true; value: GameState }).value;
    for (const seat of SEATS) expect(legalMoves(lvl, viewFor(lvl, s, seat)).moves).toEqual([]);
  });
});
