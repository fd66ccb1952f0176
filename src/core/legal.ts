import type { RuleFacts } from './facts';
import { chartAccepts, explainWith } from './game';
import type { Level } from './level';
import { MOVES, type Intent, type IntentType, type MoveDef, type MoveLimits } from './moves';
import type { Refusal } from './refusal';
import type { Actor } from './state';
import type { GameView } from './view';

/**
 * What a seat can do now, computed from its own view alone: the moves the chart offers in this phase
 * whose checks pass for this seat, each with the limits of its parameters (which options of each term
 * are within capacity, Washington's ceiling and the seat's own red lines; how many troops; which
 * events). The UI's buttons and term editor, the computer parties, the agents and the server use this.
 */
export type LegalMove = { [T in IntentType]: { type: T } & (T extends keyof MoveLimits ? MoveLimits[T] : unknown) }[IntentType];

export interface LegalMoves {
  seat: Actor;
  moves: LegalMove[];
  /** For every move this seat could make at some point but not now: why not. */
  refused: Partial<Record<IntentType, Refusal>>;
}

/** The rule facts a seat may know: the public state and its own red lines. */
export function viewFacts(level: Level, view: GameView): RuleFacts {
  const own = view.brief?.redLines ?? [];
  return {
    level,
    toMove: view.turn,
    table: view.table,
    meters: view.meters,
    commitments: view.commitments,
    facilitated: view.facilitated,
    redLinesOf: (p) => (p === view.viewer ? own : []),
  };
}

function sendsAs(move: MoveDef, seat: Actor): boolean {
  if (move.sender === 'opener') return true;
  if (move.sender === 'facilitator') return seat === 'facilitator';
  if (seat === 'facilitator') return false;
  return move.sender === 'party' || move.sender === seat;
}

/** A seat's moves with their probes, worked out once per seat: the loop below runs on every decision. */
interface SeatMove {
  move: MoveDef;
  type: IntentType;
  probe: Intent;
  /** The checks asked before the move's limits: those that do not depend on its parameters. */
  gates: MoveDef['checks'];
}

const seatMovesCache = new Map<Actor, SeatMove[]>();

function seatMoves(seat: Actor): SeatMove[] {
  let list = seatMovesCache.get(seat);
  if (!list) {
    list = [];
    for (const m of MOVES as readonly MoveDef[]) {
      if (!sendsAs(m, seat)) continue;
      const type = m.type as IntentType;
      // Probes are only read by checks, never kept or changed, so one per seat and move serves every call.
      const probe = Object.freeze({ type, by: seat }) as Intent;
      list.push({ move: m, type, probe, gates: m.checks.filter((c) => !c.onParameters) });
    }
    seatMovesCache.set(seat, list);
  }
  return list;
}

export function legalMoves(level: Level, view: GameView): LegalMoves {
  const seat = view.viewer === 'public' ? null : view.viewer;
  const out: LegalMoves = { seat: seat ?? 'facilitator', moves: [], refused: {} };
  if (!seat) return out;
  const f = viewFacts(level, view);
  for (const { move: m, type, probe, gates } of seatMoves(seat)) {
    const refusal = gateRefusal(level, f, view, m, probe, gates);
    if (refusal) {
      out.refused[type] = refusal;
      continue;
    }
    const limits = m.limits ? m.limits(f, seat as never) : null;
    if (limits && 'code' in limits) {
      out.refused[type] = limits as Refusal;
      continue;
    }
    out.moves.push((limits ? { type, ...limits } : { type }) as LegalMove);
  }
  return out;
}

/** The chart's answer and the checks that do not depend on the move's parameters. */
function gateRefusal(level: Level, f: RuleFacts, view: GameView, m: MoveDef, probe: Intent, gates: MoveDef['checks']): Refusal | null {
  if (view.phase === 'over') return { code: 'talks-over' };
  if (m.sender === 'facilitator' && !f.facilitated) return { code: 'no-facilitator' };
  if (!chartAccepts(level, view.phase, m.type as IntentType)) {
    return explainWith(level, f, view.phase, probe);
  }
  for (const c of gates) {
    const r = c.refuse(f, probe);
    if (r) return r;
  }
  return null;
}

/** Why the rules would refuse this seat's intent now, judged from the seat's own view (null: legal). */
export function refusalFor(level: Level, view: GameView, intent: Intent): Refusal | null {
  return explainWith(level, viewFacts(level, view), view.phase, intent);
}
