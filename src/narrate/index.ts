/**
 * Narration: the rules hold data (log entries, refusals, outcomes, durability factors, rationales,
 * questions); this layer words them in English for the log, the command line and the screens. Nothing
 * here is hashed, so a change of wording changes no state hash, record or share link.
 */
export { describeRefusal } from './refusals';
export { narrateEntry, reasonOf, reasonText, cardText } from './log';
export { describeRationale } from './rationale';
export { describeCause, describeOutcome, describeFactor, describeDivergence } from './outcome';
export { describeMoment, describeQuestion } from './questions';
export { actorName, joinAnd, termPhrase } from './words';
export { narratedDebrief, divergenceText } from './debrief';
export { MOVE_WORDS, moveWords } from './moves';
export { describeVariantChange } from './variant';
