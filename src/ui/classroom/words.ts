import { PARTY_NAMES, type GameView, type PartyId } from '../../core';
import type { SeatView, TimerView } from '../../protocol';
import type { LinkState } from './connection';

/** Wording shared by the classroom screens. */

export const clock = (seconds: number): string => `${Math.floor(seconds / 60)}:${String(Math.max(0, seconds) % 60).padStart(2, '0')}`;

export function minutes(seconds: number): string {
  if (seconds <= 0) return 'no timer';
  if (seconds < 60) return `${seconds} seconds`;
  const m = seconds / 60;
  return `${Number.isInteger(m) ? m : m.toFixed(1)} ${m === 1 ? 'minute' : 'minutes'}`;
}

export function phaseLine(view: GameView): string {
  switch (view.phase) {
    case 'briefing':
      return 'Briefing: the teams are reading their briefs';
    case 'turns':
      return `Round ${view.round} of ${view.rounds}`;
    case 'events':
      return `End of round ${view.round}: the event is waiting for the teacher`;
    case 'paused':
      return `Paused by the teacher · round ${view.round} of ${view.rounds}`;
    case 'over':
      return 'The talks are over';
  }
}

export function seatLine(seat: SeatView): string {
  const name = seat.name ? `“${seat.name}”` : 'a team';
  if (seat.status === 'team') return `Played by ${name}`;
  if (seat.status === 'away') return `${seat.name ? name : 'The team'} lost the connection; the seat is kept for now`;
  return seat.claimed ? `Played by the computer until ${name} comes back` : 'Free: played by the computer';
}

export const SEAT_WORD: Record<SeatView['status'], string> = { team: 'Team', away: 'Away', computer: 'Computer' };

export function timerLine(timer: TimerView | null, me: PartyId | null): string | null {
  if (!timer || timer.turnSeconds <= 0) return null;
  if (timer.remaining === null) return `Turn timer: ${clock(timer.turnSeconds)} a move`;
  const who = timer.party ? (timer.party === me ? 'Your time' : `${PARTY_NAMES[timer.party]}’s time`) : 'Time';
  return `${who}: ${clock(timer.remaining)}${timer.running ? '' : ' (stopped)'}`;
}

export function linkLine(state: LinkState): string {
  switch (state.kind) {
    case 'connecting':
      return 'Connecting…';
    case 'open':
      return 'Connected';
    case 'reconnecting':
      return 'Reconnecting…';
    case 'closed':
      return 'Not connected';
  }
}
