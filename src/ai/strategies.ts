import {
  TERMS,
  briefTable,
  samePackage,
  type GameView,
  type Intent,
  type LegalMove,
  type Level,
  type Package,
  type PartyId,
  type TermId,
} from '../core';
import type { Player } from './play';

/**
 * Scripted strategies: fixed, simple ways of playing a seat, to measure the computer parties against
 * (`tournament`). Like the computer, a strategy sees only its seat's view and legal moves.
 */
export interface Strategy {
  id: string;
  description: string;
  /** A fresh player for one game (a strategy may remember things within a game). */
  create(level: Level): Player;
}

type Choose = (view: GameView, legal: LegalMove[], me: PartyId) => Intent | null;

const find = <T extends LegalMove['type']>(legal: readonly LegalMove[], type: T) =>
  legal.find((m): m is Extract<LegalMove, { type: T }> => m.type === type);

/** The opening move when the talks have not started, else the strategy's own choice; null passes. */
function scripted(choose: (level: Level) => Choose): (level: Level) => Player {
  return (level) => {
    const pick = choose(level);
    return {
      turn(view, legal) {
        const me = view.viewer as PartyId;
        if (find(legal, 'game.start')) return { type: 'game.start', by: me };
        return pick(view, legal, me);
      },
    };
  };
}

/**
 * The seat's own best package within what it may put forward now: per active term, the allowed option
 * worth most to it (the other terms at the level's defaults).
 */
export function bestOwnPackage(level: Level, view: GameView, allowed: Record<string, string[]>): Package {
  const me = view.viewer as PartyId;
  const table = briefTable(level.activeTerms, view.brief!, me);
  const pkg = { ...level.defaultPackage } as Record<TermId, string>;
  for (const t of level.activeTerms) {
    let bestPoints = -Infinity;
    TERMS[t].options.forEach((o, i) => {
      if (allowed[t]?.includes(o.id) && table.points[t][i] > bestPoints) {
        bestPoints = table.points[t][i];
        pkg[t] = o.id;
      }
    });
  }
  return pkg;
}

/** Puts `pkg` on the table: a proposal when the table is empty, a counter-offer when another package is on it. */
function offer(view: GameView, legal: LegalMove[], me: PartyId, pkg: Package): Intent | null {
  if (find(legal, 'party.propose')) return { type: 'party.propose', by: me, package: pkg };
  if (find(legal, 'party.counter') && view.table && !samePackage(view.table.terms, pkg))
    return { type: 'party.counter', by: me, package: pkg };
  return null;
}

/** A package fixed at the seat's first offer: its best package within its limits then. */
function fixedOffer(level: Level): Choose {
  let pkg: Package | null = null;
  return (view, legal, me) => {
    const limits = find(legal, 'party.propose')?.terms ?? find(legal, 'party.counter')?.terms;
    if (!pkg && limits) pkg = bestOwnPackage(level, view, limits);
    return pkg ? offer(view, legal, me, pkg) : null;
  };
}

export const STRATEGIES: readonly Strategy[] = [
  {
    id: 'always-pass',
    description: 'passes every turn',
    create: scripted(() => () => null),
  },
  {
    id: 'accept-everything',
    description: 'accepts whatever is on the table when it can, else passes',
    create: scripted(() => (_view, legal, me) => (find(legal, 'party.accept') ? { type: 'party.accept', by: me } : null)),
  },
  {
    id: 'reject-everything',
    description: 'rejects whatever is on the table when it can, else passes',
    create: scripted(() => (_view, legal, me) => (find(legal, 'party.reject') ? { type: 'party.reject', by: me } : null)),
  },
  {
    id: 'escalate',
    description: 'Russia escalates every turn; the other seats make their firmest legal move',
    create: scripted(() => (_view, legal, me) => {
      if (find(legal, 'russia.escalate')) return { type: 'russia.escalate', by: me };
      if (find(legal, 'party.reject')) return { type: 'party.reject', by: me };
      if (find(legal, 'ukraine.demandGuarantees')) return { type: 'ukraine.demandGuarantees', by: me };
      if (find(legal, 'party.statement')?.tones.includes('firm')) return { type: 'party.statement', by: me, tone: 'firm' };
      return null;
    }),
  },
  {
    id: 'statement-spam',
    description: 'makes a conciliatory statement every turn',
    create: scripted(
      () => (_view, legal, me) =>
        find(legal, 'party.statement')?.tones.includes('conciliatory') ? { type: 'party.statement', by: me, tone: 'conciliatory' } : null,
    ),
  },
  {
    id: 'walk-out',
    description: 'walks out on its first turn',
    create: scripted(() => (_view, legal, me) => (find(legal, 'party.walkOut') ? { type: 'party.walkOut', by: me } : null)),
  },
  {
    id: 'repeat-offer',
    description: 'proposes or counters with the same package (its best at its first turn) every turn',
    create: scripted((level) => fixedOffer(level)),
  },
  {
    id: 'wait-then-ultimatum',
    description: 'passes until the last two rounds, then puts one fixed package (its best) on the table',
    create: scripted((level) => {
      const ultimatum = fixedOffer(level);
      return (view, legal, me) => (view.round >= view.rounds - 1 ? ultimatum(view, legal, me) : null);
    }),
  },
];

export function findStrategy(id: string): Strategy | undefined {
  return STRATEGIES.find((s) => s.id === id);
}
