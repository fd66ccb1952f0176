import { matchMaker } from '@colyseus/core';
import { err, ok, type Result } from '../core';
import type { Journal } from './journal';
import { TableRoom } from './room';
import { Table } from './table';

/**
 * Finds the room of a join code, reopening it from the journal when it is not in memory (after a
 * restart, or once an idle finished table was closed). Two joins racing for the same closed table
 * share one reopening.
 *
 * A table whose journal does not replay gets no room: it is kept here as damaged (at its last good
 * step, with the step that failed and why), so the teacher sees it and can download its record, its
 * teams are told what happened, and every other table of the session goes on as usual.
 */

/** A table that cannot be played: `table` is its game up to the last good step (null if there is none to show). */
export interface DamagedTable {
  code: string;
  table: Table | null;
  step: number;
  reason: string;
}

export type OpenResult = { ok: true; value: TableRoom } | { ok: false; error: string; damaged?: DamagedTable };

export class TableDirectory {
  private readonly opening = new Map<string, Promise<OpenResult>>();
  private readonly damagedTables = new Map<string, DamagedTable>();
  /** Tables replayed here and handed to the room Colyseus creates for them (so a table is replayed once). */
  private readonly prepared = new Map<string, Table>();

  constructor(
    private readonly journal: Journal,
    readonly roomName: string,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  live(code: string): TableRoom | undefined {
    const room = matchMaker.getLocalRoomById(code);
    return room instanceof TableRoom ? room : undefined;
  }

  /** The table a new room should take over, if this directory has just replayed it. */
  take(code: string): Table | undefined {
    const table = this.prepared.get(code);
    this.prepared.delete(code);
    return table;
  }

  damaged(code: string): DamagedTable | undefined {
    return this.damagedTables.get(code);
  }

  /** The room of `code`, opened from the journal if needed; an error if there is no such table or it cannot be rebuilt. */
  async open(code: string): Promise<OpenResult> {
    const live = this.live(code);
    if (live) return ok(live);
    const known = this.damagedTables.get(code);
    if (known) return damagedResult(known);
    let exists: boolean;
    try {
      exists = this.journal.hasTable(code);
    } catch (e) {
      return err(`The journal cannot be read (${(e as Error).message}).`);
    }
    if (!exists) return err(`No table has the code ${code}.`);
    let pending = this.opening.get(code);
    if (!pending) {
      pending = this.create(code);
      this.opening.set(code, pending);
      void pending.finally(() => this.opening.delete(code));
    }
    return pending;
  }

  private async create(code: string): Promise<OpenResult> {
    let opened: Result<Table>;
    try {
      opened = Table.open(this.journal, code);
    } catch (e) {
      opened = err(`the journal cannot be read (${(e as Error).message})`);
    }
    if (!opened.ok) return this.markDamaged({ code, table: null, step: 0, reason: opened.error });
    const table = opened.value;
    if (table.damage) return this.markDamaged({ code, table, ...table.damage });
    this.prepared.set(code, table);
    try {
      await matchMaker.createRoom(this.roomName, { code });
    } catch (e) {
      return err(`Table ${code} could not be reopened: ${(e as Error).message}`);
    } finally {
      this.prepared.delete(code);
    }
    const room = this.live(code);
    return room ? ok(room) : err(`Table ${code} could not be reopened.`);
  }

  private markDamaged(damaged: DamagedTable): OpenResult {
    this.damagedTables.set(damaged.code, damaged);
    const upTo = damaged.table ? `; its record can be downloaded up to step ${damaged.table.seq}` : '';
    this.log(`table ${damaged.code} is damaged and cannot be played: step ${damaged.step}: ${damaged.reason}${upTo}.`);
    return damagedResult(damaged);
  }
}

function damagedResult(damaged: DamagedTable): OpenResult {
  return { ok: false, error: damagedMessage(damaged, 'team'), damaged };
}

/** What a team or the teacher is told when they try to open a damaged table. */
export function damagedMessage(damaged: DamagedTable, who: 'team' | 'teacher'): string {
  if (who === 'team') return `The record of table ${damaged.code} is damaged, so the table cannot go on. Ask your teacher.`;
  const upTo = damaged.table
    ? ` Its record up to step ${damaged.table.seq} can be downloaded at /api/tables/${damaged.code}/record (see "If a table is damaged" in docs/classroom.md).`
    : '';
  return `Table ${damaged.code} cannot go on: its record is damaged at step ${damaged.step} (${damaged.reason}).${upTo}`;
}
