import type { OutcomeKind, Package, PartyId, Phase } from '../core';
import type { SeatView } from './messages';

/**
 * How a table looks from outside its room, as the classroom server's HTTP API sends it: to the
 * teacher's session overview, to the join screen, and side by side with its parallel tables for the
 * debrief. Nothing here is private to a party while the talks run; scores (which rest on the hidden
 * interests) appear only once a table is over.
 */

/** A table whose journal does not replay: the step that fails and why. */
export interface TableDamage {
  step: number;
  reason: string;
}

export interface TableSummary {
  code: string;
  index: number;
  phase: Phase;
  round: number;
  rounds: number;
  seq: number;
  hash: string;
  seats: Record<PartyId, SeatView>;
  teachers: number;
  outcome: OutcomeKind | null;
  scores: Record<PartyId, number> | null;
  /** Set when the table's journal does not replay: the step that fails and why; the rest shows its last good step. */
  damaged: TableDamage | null;
}

export interface TableComparison {
  code: string;
  index: number;
  phase: Phase;
  round: number;
  /** 'signed' = an agreement; 'on-table' = a package under discussion (or left there at the end); 'none'. */
  status: 'signed' | 'on-table' | 'none';
  terms: Package | null;
  /** The same terms as readable labels, in the level's order of active terms. */
  termLabels: { term: string; label: string; value: string }[];
  outcome: { kind: OutcomeKind; reason: string; durability: number | null } | null;
  scores: Record<PartyId, number> | null;
  meters: { tension: number; casualties: number };
  steps: number;
  /** A damaged table is listed at its last good step, marked with the step that fails and why. */
  damaged: TableDamage | null;
}
