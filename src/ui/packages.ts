import {
  TERMS,
  optionIndex,
  whyIllegal,
  type GameState,
  type GameView,
  type Level,
  type Package,
  type PartyId,
  type PrivateBrief,
  type TermId,
} from '../core';

/**
 * Pure helpers for the term editor. Everything private comes from the player's own brief as given by
 * `viewFor`; the level supplies only public facts (which terms are active, their defaults).
 */

/** The brief's value (0–100) for a package: the weighted mean over the level's active terms. */
export function briefUtility(brief: PrivateBrief, activeTerms: readonly TermId[], pkg: Package): number {
  let total = 0;
  let sum = 0;
  for (const t of activeTerms) {
    const interest = brief.interests[t];
    if (!interest) continue;
    total += interest.weight;
    sum += interest.weight * (interest.values[pkg[t]] ?? 0);
  }
  return total > 0 ? Math.round((1000 * sum) / total) / 10 : 0;
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

/** Options the player could put forward for a term without hitting a public limit or their own red line. */
function workable(view: GameView, brief: PrivateBrief, me: PartyId, term: TermId): string[] {
  return TERMS[term].options
    .map((o, i) => ({ id: o.id, i }))
    .filter(({ id, i }) => {
      if (redLineFor(brief, term, id)) return false;
      if (term === 'peacekeepers' && Number(id) > view.meters.coalitionCapacity) return false;
      if (term === 'usSupport' && me === 'us' && i > view.usSupportCeiling) return false;
      if (term === 'guarantee' && id === 'none' && me === 'ukraine' && view.commitments.guaranteesDemanded) return false;
      return true;
    })
    .map(({ id }) => id);
}

/** The player's own best package within what they could legally table: a starting point for the editor. */
export function idealPackage(level: Level, view: GameView, me: PartyId): Package {
  const brief = view.brief!;
  const pkg = { ...level.defaultPackage } as Record<TermId, string>;
  for (const t of level.activeTerms) {
    let best: string | null = null;
    let bestValue = -1;
    for (const id of workable(view, brief, me, t)) {
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
export function startingPackage(
  level: Level,
  state: GameState,
  view: GameView,
  me: PartyId,
  kind: 'party.propose' | 'party.counter',
): Package {
  const candidates = [view.table?.terms, idealPackage(level, view, me), level.defaultPackage].filter((p): p is Package => !!p);
  for (const pkg of candidates) {
    if (kind === 'party.counter' && view.table && pkg === view.table.terms) continue;
    if (!whyIllegal(level, state, { type: kind, by: me, package: pkg })) return pkg;
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
