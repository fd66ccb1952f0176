/**
 * The standing effects of moves on the meters, in one table so the README's rules section and the
 * tests can quote them. Each is a game assumption: the articles report no such figures.
 */
export const MOVE_EFFECTS = {
  accept: 2,
  reject: -2,
  counterTrust: -1,
  airSupport: { usEngagement: 4, trust: { 'ukraine-us': 5, 'us-coalition': 4, 'russia-us': -3 }, tension: 3 },
  troopsPerSupportPoint: 10_000,
  pledge: { trust: { 'ukraine-coalition': 5, 'russia-coalition': -2 }, tension: 2 },
  demandGuarantees: { domesticSupport: { ukraine: 4 }, usEngagement: 2 },
  /**
   * Coercion has costs for the coercer too: trust in Russia falls, support at home erodes as the war
   * drags on, and both warring parties' positions without a deal worsen (more casualties, more
   * sanctions), Russia's most, so escalating and signing nothing loses points for Russia.
   */
  escalate: { tension: 12, trustWith: { russia: -6 }, domesticSupport: { russia: -3, coalition: 2 } },
  escalateWalkAway: { ukraine: -1, russia: -2 },
  stall: { trustWith: { russia: -3 }, usEngagement: -4 },
  walkOutTension: 10,
  /** A conciliatory statement is a confidence-building step: it lowers tension a little. */
  conciliatory: { trust: 3, support: -2, tension: -2 },
  firm: { trust: -2, support: 3, tension: 1 },
  minPledge: 1000,
} as const;
