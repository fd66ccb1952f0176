import type { Phase } from './state';
import type { PartyId } from './parties';
import type { TermId } from './terms';

/**
 * Why the rules refused an intent, as data: a code and the facts behind it. The rules never word a
 * refusal; `src/narrate` turns each code into a sentence for the language in use.
 */
export type Refusal =
  /** The intent does not match its schema (a field missing, unknown or out of range). */
  | { code: 'malformed'; path: string; detail: string }
  /** The chart has no transition for this intent in this phase of the talks. */
  | { code: 'not-now'; phase: Phase; move: string }
  | { code: 'talks-over' }
  | { code: 'not-started' }
  | { code: 'already-started' }
  | { code: 'paused' }
  | { code: 'awaiting-event' }
  | { code: 'no-facilitator' }
  | { code: 'facilitator-opens' }
  | { code: 'facilitator-only' }
  | { code: 'party-only' }
  | { code: 'not-your-move'; move: string; allowed: PartyId }
  | { code: 'not-your-turn'; turn: PartyId; by: PartyId }
  | { code: 'table-occupied' }
  | { code: 'no-table'; move: 'counter' | 'accept' | 'reject' }
  | { code: 'same-as-table' }
  | { code: 'term-fixed'; term: TermId; option: string }
  | { code: 'over-capacity'; capacity: number; troops: number }
  | { code: 'red-line'; party: PartyId; term: TermId; option: string }
  | { code: 'guarantees-demanded' }
  | { code: 'over-us-ceiling'; engagement: number; option: string }
  /** The sender's own limits (a red line, a demand, a ceiling) forbid putting this package forward. */
  | { code: 'own-limit'; limit: Refusal }
  | { code: 'already-accepted'; party: PartyId }
  | { code: 'already-rejected'; party: PartyId }
  | { code: 'own-package' }
  | { code: 'no-ground-troops' }
  | { code: 'choose-support' }
  | { code: 'already-offered' }
  | { code: 'pledge-too-small'; min: number }
  | { code: 'pledge-over-capacity'; capacity: number }
  | { code: 'pledge-unchanged' }
  | { code: 'already-demanded' }
  | { code: 'already-paused' }
  | { code: 'not-paused' }
  | { code: 'unknown-event'; eventId: string; inject: boolean }
  | { code: 'inject-empty' }
  | { code: 'no-event-waiting' }
  | { code: 'rules-failed'; detail: string };

export type RefusalCode = Refusal['code'];
