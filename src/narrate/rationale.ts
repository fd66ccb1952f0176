import { TERMS, inSentence, optionLabel, type Level, type PartyId, type Rationale, type TermRef } from '../core';
import { joinAnd, name, termName, termPhrase, thousands } from './words';

const phrases = (refs: readonly TermRef[]) => joinAnd(refs.map((r) => termPhrase(r.term, r.option)));

/** A computer party's reason for its move, in words: what it asks for and what it gives, as its utilities say. */
export function describeRationale(level: Level, by: PartyId, r: Rationale, counter = false): string {
  const P = name(by);
  switch (r.code) {
    case 'offer': {
      const verb = counter ? 'counters' : 'proposes';
      if (r.gives.length && r.asks.length)
        return `${P} ${verb}: it gives ground on ${phrases(r.gives)} in exchange for ${phrases(r.asks)}.`;
      if (r.gives.length) return `${P} ${verb}: it gives ground on ${phrases(r.gives)}.`;
      return `${P} ${verb}: it asks for ${phrases(r.asks)}.`;
    }
    case 'accept':
      if (r.dropped?.length) {
        const why = r.gains?.length ? `in exchange for ${phrases(r.gains)}` : 'with the deadline close';
        return `${P} accepts: it had objected to ${phrases(r.dropped)}, and takes it now ${why}.`;
      }
      return r.priorities.length
        ? `${P} accepts: the package meets its priorities on ${joinAnd(r.priorities.map(termName))}.`
        : `${P} accepts the package.`;
    case 'reject': {
      if (r.redLine) {
        const reason = level.parties[by].redLines.find(
          (l) => l.term === r.redLine!.term && l.forbidden.includes(r.redLine!.option),
        )?.reason;
        return `${P} rejects: ${TERMS[r.redLine.term].label} "${optionLabel(r.redLine.term, r.redLine.option)}"${reason ? `: ${reason}` : ' crosses its red line.'}`;
      }
      return `${P} rejects: it cannot accept the terms on ${phrases(r.worst)}.`;
    }
    case 'hold':
      return `${P} holds its position.`;
    case 'await-answers':
      return `${P} waits for the others to answer its package.`;
    case 'ready-to-sign':
      return `${P} signals that it is ready to sign the package on the table.`;
    case 'air-support':
      return `The United States offers ${inSentence(optionLabel('usSupport', r.support))} to make a deal credible without ground troops.`;
    case 'pledge':
      return `The Coalition pledges ${thousands(r.troops)} troops to patrol the zone and train Ukraine's forces once a ceasefire holds.`;
    case 'define-guarantees':
      return 'Ukraine wants a clear definition of the security guarantees before it signs anything.';
    case 'escalate':
      return 'Russia steps up its strikes while the talks go on.';
    case 'stall':
      return 'Russia asks for more time before it answers.';
    case 'walk-out':
      return `${P} walks out: it sees no deal worth more than continuing without one.`;
  }
}
