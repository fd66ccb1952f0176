import { TERMS, findCard, inSentence, optionLabel, type EventRecord, type Level, type LogEntry, type Rationale } from '../core';
import { describeRationale } from './rationale';
import { name, thousands } from './words';

/** The sentence for one line of the record of the talks. */
export function narrateEntry(level: Level, e: LogEntry): string {
  switch (e.kind) {
    case 'start':
      return 'The talks open.';
    case 'propose':
      return `${name(e.by)} proposes: ${level.activeTerms
        .map((t) => `${inSentence(TERMS[t].label)}: ${inSentence(optionLabel(t, e.package[t]))}`)
        .join('; ')}.`;
    case 'counter':
      return `${name(e.by)} counters: ${e.changes.map((c) => `${inSentence(TERMS[c.term].label)} → ${inSentence(optionLabel(c.term, c.to))}`).join('; ')}.`;
    case 'accept':
      return `${name(e.by)} accepts the package.`;
    case 'reject':
      return `${name(e.by)} rejects the package${e.withdrawn ? '; it is withdrawn' : ''}.`;
    case 'statement':
      if (!e.text) return `${name(e.by)} makes a ${e.tone} public statement.`;
      // A quotation that ends its own sentence takes no second full stop.
      return `${name(e.by)} makes a ${e.tone} public statement: "${e.text}"${/[.!?…]$/.test(e.text) ? '' : '.'}`;
    case 'pass':
      return `${name(e.by)} holds its position.`;
    case 'walkOut':
      return `${name(e.by)} walks out of the talks.`;
    case 'airSupport':
      return `The United States offers ${inSentence(optionLabel('usSupport', e.support))} (no ground troops).`;
    case 'pledge':
      return `The Coalition pledges ${thousands(e.troops)} peacekeepers after a ceasefire.`;
    case 'demandGuarantees':
      return 'Ukraine demands a clear definition of security guarantees before it signs.';
    case 'escalate':
      return 'Russia escalates: a wave of missile and drone strikes.';
    case 'stall':
      return 'Russia stalls: it asks for more time and new preconditions.';
    case 'pause':
      return 'The facilitator pauses the talks.';
    case 'resume':
      return 'The facilitator resumes the talks.';
    case 'override':
      return 'The facilitator has chosen the next event.';
    case 'end':
      return 'The facilitator ends the talks.';
    case 'event':
    case 'inject': {
      const card = e.kind === 'inject' && e.custom ? e.custom : e.eventId ? findCard(level, e.eventId) : undefined;
      return card ? `${card.title}: ${card.text}` : 'An event.';
    }
  }
}

/** The reason the actor gave: a person's own note as written, or the computer's rationale in words. */
export function reasonOf(level: Level, e: LogEntry): string | null {
  if (e.note) return e.note;
  if (e.rationale && e.by !== 'events' && e.by !== 'facilitator') return describeRationale(level, e.by, e.rationale, e.kind === 'counter');
  return null;
}

/** A rationale carried by an intent, in words (for moves that have no log entry yet). */
export function reasonText(
  level: Level,
  by: LogEntry['by'],
  note: string | undefined,
  rationale: Rationale | undefined,
  counter = false,
): string | null {
  if (note) return note;
  if (rationale && by !== 'events' && by !== 'facilitator') return describeRationale(level, by, rationale, counter);
  return null;
}

/** The title and text of the latest event card: the level's card, or the facilitator's own words. */
export function cardText(level: Level, e: EventRecord): { title: string; text: string } {
  if (e.custom) return e.custom;
  const card = findCard(level, e.id);
  return card ? { title: card.title, text: card.text } : { title: e.id, text: '' };
}
