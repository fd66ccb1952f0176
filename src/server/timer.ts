import { currentParty, type GameState, type Level, type PartyId } from '../core';
import type { TimerView } from '../protocol';

/**
 * The per-turn clock, counted in whole seconds that the room's clock ticks. It runs only while a team
 * (not the computer) is to move in an active round, so a pause, an event waiting for the teacher or the
 * briefing stops it; a new turn starts it afresh. It is not part of the game state: time is the
 * server's business, and a move the timer forces is an ordinary journalled intent.
 */
export class TurnTimer {
  private key: string | null = null;
  private remaining: number | null = null;
  private running = false;
  private party: PartyId | null = null;

  constructor(readonly turnSeconds: number) {}

  /** Re-reads the game: a new turn resets the clock; `human` says whether a team holds the seat to move. */
  sync(level: Level, state: GameState, human: (p: PartyId) => boolean): void {
    if (this.turnSeconds <= 0) return;
    const active = state.phase === 'turns' || (state.phase === 'paused' && state.resumes === 'turns');
    if (!active) {
      this.key = null;
      this.remaining = null;
      this.running = false;
      this.party = null;
      return;
    }
    const party = currentParty(level, state.context);
    const key = `${state.context.round}:${state.context.turn}`;
    if (key !== this.key) {
      this.key = key;
      this.remaining = this.turnSeconds;
    }
    this.party = party;
    this.running = state.phase === 'turns' && human(party);
  }

  /** One second passes. Returns the party whose time just ran out, if any. */
  tick(): PartyId | null {
    if (!this.running || this.remaining === null) return null;
    this.remaining = Math.max(0, this.remaining - 1);
    return this.remaining === 0 ? this.party : null;
  }

  extend(seconds: number): boolean {
    if (this.remaining === null) return false;
    this.remaining = Math.max(1, Math.min(24 * 3600, this.remaining + seconds));
    return true;
  }

  get isRunning(): boolean {
    return this.running;
  }

  view(): TimerView {
    return { turnSeconds: this.turnSeconds, remaining: this.remaining, running: this.running, party: this.party };
  }
}
