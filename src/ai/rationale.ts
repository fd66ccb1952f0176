import {
  PARTY_NAMES,
  TERMS,
  inSentence,
  optionIndex,
  optionLabel,
  type Package,
  type PartyId,
  type TermId,
  type UtilityTable,
} from '../core';

/**
 * One-line reasons a player can read. They name terms, never private numbers, so a rationale reveals
 * what a party says it cares about, not its walk-away value.
 */

function termPhrase(t: TermId, option: string): string {
  return `${inSentence(TERMS[t].label)} (${inSentence(optionLabel(t, option))})`;
}

function joinPhrases(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The terms where a package does best (or worst) for this party, weighted by what it cares about. */
function rankedTerms(table: UtilityTable, pkg: Package, worst: boolean): TermId[] {
  const scored = table.terms
    .map((t) => {
      const pts = table.points[t];
      const max = Math.max(...pts);
      const got = pts[optionIndex(t, pkg[t])] ?? 0;
      return { t, score: worst ? max - got : got, weight: max };
    })
    .filter((x) => x.weight > 0 && x.score > 0.01);
  scored.sort((a, b) => b.score - a.score || a.t.localeCompare(b.t));
  return scored.map((x) => x.t);
}

export function acceptReason(me: PartyId, table: UtilityTable, pkg: Package): string {
  const good = rankedTerms(table, pkg, false).slice(0, 2);
  return `${PARTY_NAMES[me]} accepts: the package meets its priorities on ${joinPhrases(good.map((t) => inSentence(TERMS[t].label)))}.`;
}

export function rejectReason(me: PartyId, table: UtilityTable, pkg: Package, redLine: string | null): string {
  if (redLine) return `${PARTY_NAMES[me]} rejects: ${redLine}`;
  const bad = rankedTerms(table, pkg, true).slice(0, 2);
  return `${PARTY_NAMES[me]} rejects: it cannot accept the terms on ${joinPhrases(bad.map((t) => termPhrase(t, pkg[t])))}.`;
}

export function offerReason(me: PartyId, table: UtilityTable, from: Package | null, to: Package, counter: boolean): string {
  const changed = table.terms.filter((t) => !from || from[t] !== to[t]);
  const wanted = rankedTerms({ ...table, terms: changed }, to, false).slice(0, 2);
  const what = wanted.length ? wanted.map((t) => termPhrase(t, to[t])) : changed.slice(0, 2).map((t) => termPhrase(t, to[t]));
  const verb = counter ? 'counters' : 'proposes';
  return `${PARTY_NAMES[me]} ${verb}: it asks for ${joinPhrases(what)}.`;
}
