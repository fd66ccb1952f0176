import { matchMaker } from '@colyseus/core';
import { err, ok, type Result } from '../core';
import type { Journal } from './journal';
import { TableRoom } from './room';

/**
 * Finds the room of a join code, reopening it from the journal when it is not in memory (after a
 * restart, or once an idle finished table was closed). Two joins racing for the same closed table
 * share one reopening.
 */
export class TableDirectory {
  private readonly opening = new Map<string, Promise<Result<TableRoom>>>();

  constructor(
    private readonly journal: Journal,
    readonly roomName: string,
  ) {}

  live(code: string): TableRoom | undefined {
    const room = matchMaker.getLocalRoomById(code);
    return room instanceof TableRoom ? room : undefined;
  }

  /** The room of `code`, opened from the journal if needed; an error if there is no such table or it cannot be rebuilt. */
  async open(code: string): Promise<Result<TableRoom>> {
    const live = this.live(code);
    if (live) return ok(live);
    if (!this.journal.hasTable(code)) return err(`No table has the code ${code}.`);
    let pending = this.opening.get(code);
    if (!pending) {
      pending = this.create(code);
      this.opening.set(code, pending);
      void pending.finally(() => this.opening.delete(code));
    }
    return pending;
  }

  private async create(code: string): Promise<Result<TableRoom>> {
    try {
      await matchMaker.createRoom(this.roomName, { code });
    } catch (e) {
      return err(`Table ${code} could not be reopened: ${(e as Error).message}`);
    }
    const room = this.live(code);
    return room ? ok(room) : err(`Table ${code} could not be reopened.`);
  }
}
