import {
  TERMS,
  briefTable,
  legalMoves,
  optionIndex,
  refusalFor,
  round1,
  utilityOf,
  type GameView,
  type Level,
  type Package,
  type PartyId,
  type PrivateBrief,
  type TermId,
} from '../core';

/**
 * Pure helpers for the term editor. Everything private comes from the player's own brief as given by
 * `viewFor`; what the player may put forward comes from its legal moves, computed from the same view.
 */

/** The brief's value (0–100) for a package, by the rules' own utility arithmetic. */
export function briefUtility(brief: PrivateBrief, activeTerms: readonly TermId[], pkg: Package): number {
  return round1(utilityOf(briefTable(activeTerms, brief, brief.party), pkg));
}

/** How much the brief values one option, 0–1, or null if the party does not care about the term. */
export function optionValue(brief: PrivateBrief, term: TermId, option: string): number | null {
  const interest = brief.interests[term];
  if (!interest || interest.weight === 0) return null;
  return interest.values[option] ?? 0;
}

export function redLineFor(brief: PrivateBrief, term: TermId, option: string): string | null {
  return brief.redLines.find((r) => r.term === term && r.forbidden.includes(option))?.reason ?? null;
}

/** Per term, the options the player may put in a package now (its legal moves), or null when it cannot propose. */
export function workableOptions(level: Level, view: GameView): Record<TermId, string[]> | null {
  for (const m of legalMoves(level, view).moves)
    if (m.type === 'party.propose' || m.type === 'party.counter') return m.terms as Record<TermId, string[]>;
  return null;
}

/** The player's own best package within what they could legally table: a starting point for the editor. */
export function idealPackage(level: Level, view: GameView): Package {
  const brief = view.brief!;
  const allowed = workableOptions(level, view);
  const pkg = { ...level.defaultPackage } as Record<TermId, string>;
  for (const t of level.activeTerms) {
    let best: string | null = null;
    let bestValue = -1;
    for (const id of allowed?.[t] ?? TERMS[t].options.map((o) => o.id)) {
      const v = optionValue(brief, t, id) ?? 0;
      if (v > bestValue) {
        best = id;
        bestValue = v;
      }
    }
    if (best !== null) pkg[t] = best;
  }
  return pkg;
}

/** A legal starting package: the one on the table, else the player's ideal, else the status quo. */
export function startingPackage(level: Level, view: GameView, me: PartyId, kind: 'party.propose' | 'party.counter'): Package {
  const candidates = [view.table?.terms, idealPackage(level, view), level.defaultPackage].filter((p): p is Package => !!p);
  for (const pkg of candidates) {
    if (kind === 'party.counter' && view.table && pkg === view.table.terms) continue;
    if (!refusalFor(level, view, { type: kind, by: me, package: pkg })) return pkg;
  }
  return candidates[0];
}

/** Which parties publicly demand each option, for the hints under each term. */
export function publicDemandsFor(view: GameView, term: TermId): { party: PartyId; option: string }[] {
  return view.parties.filter((p) => p.publicDemands[term] !== undefined).map((p) => ({ party: p.id, option: p.publicDemands[term]! }));
}

export function sortedOptions(term: TermId): { id: string; label: string; index: number }[] {
  return TERMS[term].options.map((o) => ({ ...o, index: optionIndex(term, o.id) }));
}
