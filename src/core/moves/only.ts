import type { PartyId } from '../parties';
import type { Check } from './define';

/** The check for a move that only one party can make. */
export function isSentBy(allowed: PartyId, move: string): Check<{ by: PartyId }> {
  return {
    name: `isSentBy:${allowed}`,
    refuse: (_f, i) => (i.by === allowed ? null : { code: 'not-your-move', move, allowed }),
  };
}
