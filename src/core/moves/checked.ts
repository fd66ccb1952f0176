/**
 * Intents already checked against their schema. Intents are never mutated once made (records, logs
 * and the AI treat them as values), so an object that passed once passes again: a replay or a game
 * loop that applies the same intent objects is not charged for the schema twice. Internal to the
 * core: only code that has just validated an intent marks it.
 *
 * The mark is a non-enumerable symbol on the intent itself, invisible to JSON, spreads, cloning and
 * equality. (A WeakSet did the same, but one entry per intent of every game kept those intents alive
 * through young-generation collections, which cost more than the schema check it saved.) A frozen
 * intent cannot carry the mark and is simply checked again.
 */
const CHECKED = Symbol('checked');

export function isChecked(intent: object): boolean {
  return (intent as { [CHECKED]?: true })[CHECKED] === true;
}

export function markChecked(intent: object): void {
  if (!isChecked(intent) && Object.isExtensible(intent)) Object.defineProperty(intent, CHECKED, { value: true });
}
