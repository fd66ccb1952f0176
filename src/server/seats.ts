import { PARTY_IDS, type PartyId } from '../core';
import type { SeatClaims } from './journal';
import { cleanTeamName } from './names';
import type { SeatStatus, SeatView } from '../protocol';
import { hashToken, newToken, tokenMatches } from './secrets';

/**
 * Who sits in each party's seat. A seat is claimed once with a fresh token (the browser keeps it, the
 * journal keeps its hash); the same token takes the seat back after a reload or a lost connection.
 * A seat nobody claimed, or whose team has been gone longer than the grace period, is the computer's.
 */

export type JoinCheck = { ok: true; claim: boolean } | { ok: false; reason: string; credential: boolean };

export class SeatBook {
  /** sessionId of the client holding each seat right now. */
  private readonly holders = new Map<PartyId, string>();
  /** When each seat's team dropped (ms on the room clock). */
  private readonly awaySince = new Map<PartyId, number>();

  constructor(
    private claims: SeatClaims,
    private readonly graceMs: number,
    private readonly now: () => number,
  ) {
    // A table reopened after a restart: every team that had a seat gets the grace period to come back.
    for (const p of PARTY_IDS) if (claims[p]) this.awaySince.set(p, now());
  }

  /** May someone with these options take the seat? `claim` = a new token will be issued. */
  check(party: PartyId, seatToken: string | undefined): JoinCheck {
    const claim = this.claims[party];
    if (!claim) return { ok: true, claim: true };
    if (tokenMatches(seatToken, claim.tokenHash)) return { ok: true, claim: false };
    return {
      ok: false,
      credential: seatToken !== undefined,
      reason:
        seatToken === undefined
          ? 'This seat is taken. Open the game in the browser that took it, or ask your teacher to free the seat.'
          : 'This seat token does not match. Ask your teacher to free the seat.',
    };
  }

  /** Issues a new token for a free seat and returns it (once). The caller persists `claims()`. */
  claim(party: PartyId, typed?: string): string {
    const token = newToken();
    const name = cleanTeamName(typed);
    const claim = { tokenHash: hashToken(token), claimedAt: new Date().toISOString(), ...(name ? { name } : {}) };
    this.claims = { ...this.claims, [party]: claim };
    return token;
  }

  release(party: PartyId): void {
    const { [party]: _gone, ...rest } = this.claims;
    this.claims = rest;
  }

  allClaims(): SeatClaims {
    return this.claims;
  }

  /** Seats `sessionId` in `party`; returns the sessionId it displaced (the same team on another tab), if any. */
  sit(party: PartyId, sessionId: string): string | undefined {
    const previous = this.holders.get(party);
    this.holders.set(party, sessionId);
    this.awaySince.delete(party);
    return previous !== sessionId ? previous : undefined;
  }

  /** The holder's connection dropped: the seat stays the team's for the grace period. */
  drop(party: PartyId, sessionId: string): void {
    if (this.holders.get(party) !== sessionId) return;
    this.holders.delete(party);
    this.awaySince.set(party, this.now());
  }

  /** Forgets a holder without a grace period (the teacher released the seat). */
  vacate(party: PartyId): void {
    this.holders.delete(party);
    this.awaySince.delete(party);
  }

  holder(party: PartyId): string | undefined {
    return this.holders.get(party);
  }

  status(party: PartyId): SeatStatus {
    if (this.holders.has(party)) return 'team';
    const since = this.awaySince.get(party);
    if (since !== undefined && this.now() - since < this.graceMs) return 'away';
    return 'computer';
  }

  /** Milliseconds until an away seat passes to the computer (null if it is not away). */
  graceLeft(party: PartyId): number | null {
    const since = this.awaySince.get(party);
    if (since === undefined || this.holders.has(party)) return null;
    return Math.max(0, since + this.graceMs - this.now());
  }

  view(): Record<PartyId, SeatView> {
    const out = {} as Record<PartyId, SeatView>;
    for (const p of PARTY_IDS)
      out[p] = { status: this.status(p), claimed: this.claims[p] !== undefined, name: cleanTeamName(this.claims[p]?.name) ?? null };
    return out;
  }
}
