import {
  TERMS,
  TERM_IDS,
  allowedOptionIds,
  optionIndex,
  viewFacts,
  type GameView,
  type LegalMove,
  type Level,
  type Package,
  type PartyId,
  type TermId,
} from '../core';

/**
 * What a computer party believes about the others: only public information. Each other party's
 * utility is estimated from its public demands (closer options score higher); what the others can
 * sign is judged by the rules' own predicates on the public facts of the seat's view.
 */
export interface OpponentModel {
  readonly others: readonly PartyId[];
  /** party → term → demanded option index (only the terms it has publicly demanded). */
  readonly demands: ReadonlyMap<PartyId, readonly [TermId, number][]>;
  /**
   * term → option index → the others' summed estimated satisfaction from that option. Summing it over
   * a package's terms gives the others' total estimated utility (0–1 each), so a concession's effect on
   * the others costs one lookup.
   */
  readonly othersGain: Readonly<Record<TermId, readonly number[]>>;
}

const models = new WeakMap<object, Map<PartyId, OpponentModel>>();

/** Public demands do not change during a game, so each party's model is built once per set of public positions. */
export function modelFor(view: GameView, me: PartyId): OpponentModel {
  let byParty = models.get(view.parties);
  if (!byParty) models.set(view.parties, (byParty = new Map()));
  let model = byParty.get(me);
  if (!model) byParty.set(me, (model = buildModel(view, me)));
  return model;
}

export function buildModel(view: GameView, me: PartyId): OpponentModel {
  const demands = new Map<PartyId, [TermId, number][]>();
  const others: PartyId[] = [];
  for (const p of view.parties) {
    if (p.id === me) continue;
    others.push(p.id);
    demands.set(
      p.id,
      (Object.entries(p.publicDemands) as [TermId, string][]).map(([t, o]) => [t, optionIndex(t, o)]),
    );
  }
  const othersGain = {} as Record<TermId, number[]>;
  for (const t of TERM_IDS) othersGain[t] = TERMS[t].options.map(() => 0);
  for (const o of others) {
    const list = demands.get(o)!;
    for (const [t, want] of list) {
      const span = TERMS[t].options.length - 1;
      for (let i = 0; i <= span; i++) othersGain[t][i] += (1 - Math.abs(i - want) / span) / list.length;
    }
  }
  return { others, demands, othersGain };
}

export function estimatedUtility(model: OpponentModel, other: PartyId, pkg: Package): number {
  const demands = model.demands.get(other) ?? [];
  if (demands.length === 0) return 0.5;
  let sum = 0;
  for (const [t, want] of demands) sum += 1 - Math.abs(optionIndex(t, pkg[t]) - want) / (TERMS[t].options.length - 1);
  return sum / demands.length;
}

/** The per-term options the seat may put forward now (from its legal moves), or null when it cannot. */
export function ownOptions(legal: readonly LegalMove[]): Record<TermId, string[]> | null {
  for (const m of legal) if (m.type === 'party.propose' || m.type === 'party.counter') return m.terms as Record<TermId, string[]>;
  return null;
}

/**
 * The option indices a party will put forward for a term: what the rules allow it, and (when it models
 * the others' limits) what the others could publicly sign, judged by the rules' own predicates.
 */
export function allowedOptions(level: Level, view: GameView, own: Record<TermId, string[]>, term: TermId, modelsLimits: boolean): number[] {
  const mine = own[term].map((id) => optionIndex(term, id));
  if (!modelsLimits) return mine;
  const f = viewFacts(level, view);
  let within = mine;
  for (const p of view.parties) {
    if (p.id === view.viewer) continue;
    const theirs = new Set(allowedOptionIds(f, p.id, term, TERMS[term].options));
    within = within.filter((i) => theirs.has(TERMS[term].options[i].id));
  }
  // When the others' public limits leave nothing (say Washington's engagement has fallen to "none"
  // and the Coalition needs US support), the party still argues for what it needs.
  return within.length > 0 ? within : mine;
}
