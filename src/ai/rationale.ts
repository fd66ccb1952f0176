import {
  optionIndex,
  utilityOf,
  type Package,
  type PartyBrief,
  type Rationale,
  type TermId,
  type TermRef,
  type UtilityTable,
} from '../core';

/**
 * A computer party's reasons as data, true to its own utilities: what a move gains it and what it
 * gives up. They name terms, never private numbers, so a rationale reveals what a party says it cares
 * about, not its walk-away value. `src/narrate` words them.
 */

const pointsOf = (table: UtilityTable, t: TermId, option: string) => table.points[t][optionIndex(t, option)] ?? 0;

/** The terms where a package does best (or worst) for this party, weighted by what it cares about. */
function rankedTerms(table: UtilityTable, terms: readonly TermId[], pkg: Package, worst: boolean): TermId[] {
  const scored = terms
    .map((t) => {
      const pts = table.points[t];
      const max = Math.max(...pts);
      const got = pointsOf(table, t, pkg[t]);
      return { t, score: worst ? max - got : got, weight: max };
    })
    .filter((x) => x.weight > 0 && x.score > 0.01);
  scored.sort((a, b) => b.score - a.score || a.t.localeCompare(b.t));
  return scored.map((x) => x.t);
}

const refs = (terms: readonly TermId[], pkg: Package): TermRef[] => terms.map((term) => ({ term, option: pkg[term] }));

/**
 * Signing: its priorities the package meets, and, when it had rejected a package over terms this one
 * still has, those objections and what changed since (the terms now better for it than in the package
 * it rejected, largest first; none means it yields to the clock).
 */
export function acceptRationale(
  table: UtilityTable,
  pkg: Package,
  rejected: readonly { worst: readonly TermRef[]; pkg: Package }[] = [],
): Rationale {
  const priorities = rankedTerms(table, table.terms, pkg, false).slice(0, 2);
  for (let i = rejected.length - 1; i >= 0; i--) {
    const dropped = rejected[i].worst.filter((w) => pkg[w.term] === w.option);
    if (dropped.length === 0) continue;
    const before = rejected[i].pkg;
    const gains = table.terms
      .filter((t) => pkg[t] !== before[t] && pointsOf(table, t, pkg[t]) > pointsOf(table, t, before[t]))
      .sort(
        (a, b) =>
          pointsOf(table, b, pkg[b]) - pointsOf(table, b, before[b]) - (pointsOf(table, a, pkg[a]) - pointsOf(table, a, before[a])) ||
          a.localeCompare(b),
      )
      .slice(0, 2);
    return { code: 'accept', priorities, dropped: dropped.map((d) => ({ ...d })), gains: refs(gains, pkg) };
  }
  return { code: 'accept', priorities };
}

export function rejectRationale(redLines: PartyBrief['redLines'], table: UtilityTable, pkg: Package): Rationale {
  const crossed = redLines.find((r) => r.forbidden.includes(pkg[r.term]));
  if (crossed) return { code: 'reject', redLine: { term: crossed.term, option: pkg[crossed.term] }, worst: [] };
  return { code: 'reject', worst: refs(rankedTerms(table, table.terms, pkg, true).slice(0, 2), pkg) };
}

/**
 * For a counter-offer, the terms it moved in the mover's favour (asks) and against it (gives), by the
 * mover's own utility, largest first; for a first proposal, what it values most in it and where it
 * settles for less than its best.
 */
export function offerRationale(table: UtilityTable, from: Package | null, to: Package): Rationale {
  if (!from) {
    const asks = rankedTerms(table, table.terms, to, false).slice(0, 2);
    const gives = rankedTerms(table, table.terms, to, true)
      .filter((t) => !asks.includes(t))
      .slice(0, 2);
    return { code: 'offer', asks: refs(asks, to), gives: refs(gives, to) };
  }
  // Each moved term's worth to the mover, measured on the whole package (so a mandate its force cannot
  // carry is worth what the carried mandate is): the term changed alone, from the package it answers.
  const base = utilityOf(table, from);
  const moved = table.terms.filter((t) => from[t] !== to[t]).map((t) => ({ t, delta: utilityOf(table, { ...from, [t]: to[t] }) - base }));
  const asks = moved.filter((m) => m.delta > 1e-9).sort((a, b) => b.delta - a.delta || a.t.localeCompare(b.t));
  const gives = moved.filter((m) => m.delta < -1e-9).sort((a, b) => a.delta - b.delta || a.t.localeCompare(b.t));
  return {
    code: 'offer',
    asks: refs(
      asks.slice(0, 2).map((m) => m.t),
      to,
    ),
    gives: refs(
      gives.slice(0, 2).map((m) => m.t),
      to,
    ),
  };
}
