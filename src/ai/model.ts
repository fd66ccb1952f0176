import {
  TERMS,
  TERM_IDS,
  optionIndex,
  redLineBreaches,
  usSupportCeiling,
  type GameView,
  type Level,
  type Package,
  type PartyId,
  type TermId,
  type UtilityTable,
} from '../core';

/**
 * What a computer party believes about the others: only public information. Each other party's
 * utility is estimated from its public demands (closer options score higher); its own limits come
 * from public meters (US engagement, Coalition capacity) and public commitments.
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

const models = new WeakMap<Level, Map<PartyId, OpponentModel>>();

/** Public demands do not change during a game, so each party's model is built once per level. */
export function modelFor(level: Level, view: GameView, me: PartyId): OpponentModel {
  let byParty = models.get(level);
  if (!byParty) models.set(level, (byParty = new Map()));
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

/** Estimated satisfaction (0–1) of another party with one option of one term. */
export function estimatedTermScore(model: OpponentModel, other: PartyId, term: TermId, index: number): number | null {
  const d = model.demands.get(other)?.find(([t]) => t === term);
  if (!d) return null;
  const span = TERMS[term].options.length - 1;
  return 1 - Math.abs(index - d[1]) / span;
}

export function estimatedUtility(model: OpponentModel, other: PartyId, pkg: Package): number {
  const demands = model.demands.get(other) ?? [];
  if (demands.length === 0) return 0.5;
  let sum = 0;
  for (const [t, want] of demands) sum += 1 - Math.abs(optionIndex(t, pkg[t]) - want) / (TERMS[t].options.length - 1);
  return sum / demands.length;
}

/** The options a party will put forward for a term: never its own red lines, never beyond public limits. */
export function allowedOptions(level: Level, view: GameView, me: PartyId, term: TermId, modelsLimits: boolean): number[] {
  const respectful = optionsWithin(level, view, me, term, modelsLimits, true);
  // When the others' public limits and this party's red lines leave nothing (say Washington's engagement
  // has fallen to "none" and the Coalition needs US support), it still argues for what it needs.
  return respectful.length > 0 ? respectful : optionsWithin(level, view, me, term, modelsLimits, false);
}

const forbiddenCache = new WeakMap<Level, Map<PartyId, Record<TermId, boolean[]>>>();

/** term → option index → whether it crosses this party's own red lines (fixed for a level). */
function ownForbidden(level: Level, me: PartyId): Record<TermId, boolean[]> {
  let byParty = forbiddenCache.get(level);
  if (!byParty) forbiddenCache.set(level, (byParty = new Map()));
  let table = byParty.get(me);
  if (!table) {
    table = {} as Record<TermId, boolean[]>;
    for (const t of TERM_IDS)
      table[t] = TERMS[t].options.map((o) => level.parties[me].redLines.some((r) => r.term === t && r.forbidden.includes(o.id)));
    byParty.set(me, table);
  }
  return table;
}

function optionsWithin(level: Level, view: GameView, me: PartyId, term: TermId, modelsLimits: boolean, othersLimits: boolean): number[] {
  const options = TERMS[term].options;
  const forbidden = ownForbidden(level, me)[term];
  const out: number[] = [];
  for (let i = 0; i < options.length; i++) {
    const id = options[i].id;
    if (forbidden[i]) continue;
    if (term === 'peacekeepers' && Number(id) > view.meters.coalitionCapacity) continue;
    const ceilingApplies = me === 'us' || (modelsLimits && othersLimits);
    if (ceilingApplies && term === 'usSupport' && i > usSupportCeiling(view.meters.usEngagement)) continue;
    if (
      term === 'guarantee' &&
      id === 'none' &&
      (me === 'ukraine' || (modelsLimits && othersLimits && view.commitments.guaranteesDemanded))
    )
      continue;
    out.push(i);
  }
  return out;
}

/** The package a party likes best among the options it would put forward. */
export function idealPackage(level: Level, view: GameView, me: PartyId, table: UtilityTable, modelsLimits: boolean): Package {
  const pkg = { ...level.defaultPackage } as Record<TermId, string>;
  for (const t of level.activeTerms) {
    let best = -1;
    let bestPoints = -Infinity;
    for (const i of allowedOptions(level, view, me, t, modelsLimits)) {
      if (table.points[t][i] > bestPoints) {
        bestPoints = table.points[t][i];
        best = i;
      }
    }
    if (best >= 0) pkg[t] = TERMS[t].options[best].id;
  }
  return pkg;
}

export function crossesOwnRedLine(level: Level, me: PartyId, pkg: Package): boolean {
  return redLineBreaches(level.parties[me], pkg).length > 0;
}
