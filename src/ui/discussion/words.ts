import { PARTY_NAMES, type Outcome, type OutcomeKind, type PartyId } from '../../core';

/** Wording shared by the replay, comparison, explorer and debrief screens. */

export const OUTCOME_TITLES: Record<OutcomeKind, string> = {
  agreement: 'Agreement signed',
  breakdown: 'The talks broke down',
  deadline: 'Deadline reached without agreement',
};

export function outcomeLine(kind: OutcomeKind | null, round: number): string {
  if (kind === 'agreement') return `Agreement signed in round ${round}`;
  if (kind === 'breakdown') return `Talks broke down in round ${round}`;
  if (kind === 'deadline') return `No agreement by the deadline (round ${round})`;
  return `Unfinished: the record stops in round ${round}`;
}

export function outcomeShort(o: Outcome | null): string {
  return o ? outcomeLine(o.kind, o.round) : 'Unfinished';
}

/** Who played: "the computer in every seat", "a person as Ukraine", "people as Ukraine and Russia". */
export function seatWords(humans: readonly PartyId[]): string {
  if (humans.length === 0) return 'the computer in every seat';
  const names = humans.map((p) => PARTY_NAMES[p]);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${humans.length === 1 ? 'a person' : 'people'} as ${list}`;
}

export function dateWords(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}
