/**
 * Intents already checked against their schema. Intents are never mutated once made (records, logs
 * and the AI treat them as values), so an object that passed once passes again: a replay or a game
 * loop that applies the same intent objects is not charged for the schema twice. Internal to the
 * core: only code that has just validated an intent adds it.
 */
export const checked = new WeakSet<object>();
