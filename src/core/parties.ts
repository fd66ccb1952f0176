/** The four parties at the table, in a fixed canonical order (used for iteration, never for turn order). */
export const PARTY_IDS = ['ukraine', 'russia', 'us', 'coalition'] as const;
export type PartyId = (typeof PARTY_IDS)[number];

export const PARTY_NAMES: Readonly<Record<PartyId, string>> = {
  ukraine: 'Ukraine',
  russia: 'Russia',
  us: 'United States',
  coalition: 'Coalition of the Willing',
};

/** A trust relation between two parties; the key always lists the two ids in canonical order. */
export type PairKey = `${PartyId}-${PartyId}`;

export const PAIR_KEYS: readonly PairKey[] = PARTY_IDS.flatMap((a, i) => PARTY_IDS.slice(i + 1).map((b) => `${a}-${b}` as PairKey));

export function pairKey(a: PartyId, b: PartyId): PairKey {
  return PARTY_IDS.indexOf(a) < PARTY_IDS.indexOf(b) ? `${a}-${b}` : `${b}-${a}`;
}

export function isPartyId(x: unknown): x is PartyId {
  return typeof x === 'string' && (PARTY_IDS as readonly string[]).includes(x);
}
