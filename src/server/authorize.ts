import { PARTY_NAMES, moveOf, type Intent } from '../core';
import type { Ack, SeatId } from '../protocol';
import { refuse } from './refuse';

/**
 * Who may send which intent. The engine checks whose turn it is; this checks that the sender is who
 * the intent says it is: a team only for its own party, the teacher only as the facilitator (which
 * includes opening the talks, a move whose sender in the registry is whoever opens them).
 */
export function authorize(seat: SeatId, intent: Intent): Ack | null {
  const sender = moveOf(intent.type).sender;
  const facilitatorMove = sender === 'facilitator' || sender === 'opener';
  if (seat === 'facilitator') {
    if (!facilitatorMove || intent.by !== 'facilitator')
      return refuse('not-your-seat', 'The teacher runs the talks as the facilitator and does not move for a party.');
    return null;
  }
  if (facilitatorMove || intent.by === 'facilitator') return refuse('teacher-only', 'Only the teacher can do that.');
  if (intent.by !== seat)
    return refuse('not-your-seat', `You hold the seat of ${PARTY_NAMES[seat]}; you cannot move for ${PARTY_NAMES[intent.by]}.`);
  return null;
}
