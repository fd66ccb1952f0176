import { TERMS, optionLabel, type PartyId } from '../core';
import { describeOutcome } from '../narrate';
import type { SeatView, TableComparison, TableDamage, TableSummary } from '../protocol';
import type { DamagedTable } from './directory';
import type { TableRow } from './journal';
import type { TableRoom } from './room';
import { SeatBook } from './seats';
import type { Table } from './table';

/**
 * How a table looks from outside its room (the shapes are in src/protocol/tables.ts): to the teacher's
 * session overview, to the join screen, and side by side with its parallel tables for the debrief.
 */

export function summarize(room: TableRoom): TableSummary {
  let teachers = 0;
  for (const m of room.members.values()) if (m.seat === 'facilitator') teachers++;
  return tableSummary(room.table, room.seats.view(), teachers, null);
}

/** A damaged table as the teacher sees it: where it stopped, who had claimed seats, and what went wrong. */
export function damagedSummary(row: TableRow, damaged: DamagedTable): TableSummary {
  const damage = { step: damaged.step, reason: damaged.reason };
  const seats = new SeatBook(row.seats, 0, Date.now).view();
  if (damaged.table) return tableSummary(damaged.table, seats, 0, damage);
  return {
    code: row.code,
    index: row.index,
    phase: 'briefing',
    round: 0,
    rounds: 0,
    seq: 0,
    hash: '',
    seats,
    teachers: 0,
    outcome: null,
    scores: null,
    damaged: damage,
  };
}

function tableSummary(table: Table, seats: Record<PartyId, SeatView>, teachers: number, damaged: TableDamage | null): TableSummary {
  const ctx = table.state.context;
  return {
    code: table.code,
    index: table.row.index,
    phase: table.state.phase,
    round: ctx.round,
    rounds: table.level.rounds,
    seq: table.seq,
    hash: table.hash,
    seats,
    teachers,
    outcome: ctx.outcome?.kind ?? null,
    scores: ctx.outcome?.scores ?? null,
    damaged,
  };
}

/** For a join screen: which seats are free. Codes are secrets of a sort, so this says no more than the lobby does. */
export function publicSummary(room: TableRoom) {
  const { table } = room;
  return {
    code: table.code,
    levelId: table.level.id,
    levelTitle: table.level.title,
    phase: table.state.phase,
    round: table.state.context.round,
    rounds: table.level.rounds,
    seats: room.seats.view(),
  };
}

export function compare(room: TableRoom): TableComparison {
  return compareTable(room.table, null);
}

export function compareDamaged(row: TableRow, damaged: DamagedTable): TableComparison {
  const damage = { step: damaged.step, reason: damaged.reason };
  if (damaged.table) return compareTable(damaged.table, damage);
  return {
    code: row.code,
    index: row.index,
    phase: 'briefing',
    round: 0,
    status: 'none',
    terms: null,
    termLabels: [],
    outcome: null,
    scores: null,
    meters: { tension: 0, casualties: 0 },
    steps: 0,
    damaged: damage,
  };
}

function compareTable(table: Table, damaged: TableDamage | null): TableComparison {
  const ctx = table.state.context;
  const outcome = ctx.outcome;
  const signed = outcome?.kind === 'agreement' ? outcome.package : null;
  const terms = signed ?? ctx.table?.terms ?? null;
  return {
    code: table.code,
    index: table.row.index,
    phase: table.state.phase,
    round: ctx.round,
    status: signed ? 'signed' : terms ? 'on-table' : 'none',
    terms,
    termLabels: terms ? table.level.activeTerms.map((t) => ({ term: t, label: TERMS[t].label, value: optionLabel(t, terms[t]) })) : [],
    outcome: outcome ? { kind: outcome.kind, reason: describeOutcome(outcome), durability: outcome.durability } : null,
    scores: outcome?.scores ?? null,
    meters: { tension: ctx.meters.tension, casualties: ctx.meters.casualties },
    steps: table.seq,
    damaged,
  };
}
