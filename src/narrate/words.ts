import { PARTY_NAMES, TERMS, formatThousands, inSentence, optionLabel, type Actor, type PartyId, type TermId } from '../core';

/** Small phrases the other narration files share. */

export function name(p: PartyId): string {
  return PARTY_NAMES[p];
}

export function actorName(a: Actor | 'events'): string {
  return a === 'facilitator' ? 'The facilitator' : a === 'events' ? 'Events' : PARTY_NAMES[a];
}

/** "peacekeepers (15,000 troops)" */
export function termPhrase(t: TermId, option: string): string {
  return `${inSentence(TERMS[t].label)} (${inSentence(optionLabel(t, option))})`;
}

export function termName(t: TermId): string {
  return inSentence(TERMS[t].label);
}

/** "a, b and c" */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export const thousands = formatThousands;
