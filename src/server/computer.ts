import type { Delayed } from '@colyseus/core';
import { currentParty, type Intent, type PartyId } from '../core';
import { decideFor } from '../ai';
import type { TableRoom } from './room';

/**
 * Computer parties in a classroom: a seat no person holds is played by `decide`, at the session's
 * difficulty, after a short pause so the class can follow. Its moves go through the room's queue and
 * the journal like anyone's.
 */
export class ComputerSeats {
  private pending: Delayed | null = null;
  private stopped = false;

  constructor(
    private readonly room: TableRoom,
    private readonly delayMs: number,
  ) {}

  /** The party the computer should move for now, if any. */
  toMove(): PartyId | null {
    const { state, level } = this.room.table;
    if (state.phase !== 'turns') return null;
    const party = currentParty(level, state.context);
    return this.room.seats.status(party) === 'computer' ? party : null;
  }

  /** Schedules one computer move if one is due and none is scheduled. */
  pump(): void {
    if (this.stopped || this.pending || !this.toMove()) return;
    this.pending = this.room.clock.setTimeout(() => {
      this.pending = null;
      this.room.background('a computer party', () => this.move());
    }, this.delayMs);
  }

  stop(): void {
    this.stopped = true;
    this.pending?.clear();
    this.pending = null;
  }

  private async move(): Promise<void> {
    const party = this.toMove();
    if (!party || this.stopped) return;
    const { table } = this.room;
    const intent = this.choose(party);
    const ack = await table.apply(`auto-${table.seq + 1}-${party}`, intent, 'computer');
    if (ack.ok) this.room.changed();
  }

  private choose(party: PartyId): Intent {
    const { table } = this.room;
    try {
      return decideFor(table.level, table.state, party, table.session.settings.difficulty);
    } catch {
      // A fault in the computer player must not stall the class: hold position instead.
      return { type: 'party.pass', by: party, rationale: { code: 'hold' } };
    }
  }
}
