import { MOVE_EFFECTS, TERMS, optionLabel, type Level, type Refusal } from '../core';
import { name, thousands } from './words';

const ONLY: Record<string, string> = {
  us: 'Only the United States can offer US air support.',
  coalition: 'Only the Coalition can pledge peacekeepers.',
  ukraine: 'Only Ukraine can make this demand.',
  russia: 'Only Russia can do that.',
};

/** The sentence a player reads for a refusal. The level supplies red-line reasons, which are level text. */
export function describeRefusal(r: Refusal, level?: Level): string {
  switch (r.code) {
    case 'malformed':
      return r.detail;
    case 'not-now':
      return 'That move is not possible at this point of the talks.';
    case 'talks-over':
      return 'The talks are over.';
    case 'not-started':
      return 'The talks have not started yet.';
    case 'already-started':
      return 'The talks have already started.';
    case 'paused':
      return 'The facilitator has paused the talks.';
    case 'awaiting-event':
      return "Waiting for the facilitator to release this round's event.";
    case 'no-facilitator':
      return 'This game has no facilitator seat.';
    case 'facilitator-opens':
      return 'The facilitator opens the talks.';
    case 'facilitator-only':
      return 'Only the facilitator can do that.';
    case 'party-only':
      return 'Only a party can do that.';
    case 'not-your-move':
      return ONLY[r.allowed] ?? 'That move belongs to another party.';
    case 'not-your-turn':
      return `It is ${name(r.turn)}'s turn, not ${name(r.by)}'s.`;
    case 'table-occupied':
      return 'A package is already on the table: counter it, accept it or reject it.';
    case 'no-table':
      return r.move === 'counter'
        ? 'There is no package on the table to counter: propose one.'
        : `There is no package on the table to ${r.move}.`;
    case 'same-as-table':
      return 'The counter-offer is the same as the package on the table.';
    case 'term-fixed':
      return `${TERMS[r.term].label} is fixed at "${optionLabel(r.term, r.option)}" in this level.`;
    case 'over-capacity':
      return `The Coalition can field at most ${thousands(r.capacity)} troops right now, not ${thousands(r.troops)}.`;
    case 'red-line': {
      const reason = level?.parties[r.party].redLines.find((l) => l.term === r.term && l.forbidden.includes(r.option))?.reason;
      return `It crosses ${name(r.party)}'s red line: ${TERMS[r.term].label} "${optionLabel(r.term, r.option)}"${reason ? `: ${reason}` : '.'}`;
    }
    case 'guarantees-demanded':
      return 'Ukraine has demanded defined security guarantees, and this package has none.';
    case 'over-us-ceiling':
      return `Washington's engagement (${r.engagement}) does not stretch to "${optionLabel('usSupport', r.option)}".`;
    case 'own-limit':
      return `You cannot put this forward: ${describeRefusal(r.limit, level)}`;
    case 'already-accepted':
      return `${name(r.party)} has already accepted this package.`;
    case 'already-rejected':
      return `${name(r.party)} has already rejected this package.`;
    case 'own-package':
      return 'You cannot reject your own package: counter it instead.';
    case 'no-ground-troops':
      return 'The United States has ruled out ground troops; it can offer support from the air and behind the lines.';
    case 'choose-support':
      return `Choose a kind of support: ${TERMS.usSupport.options
        .slice(1)
        .map((o) => o.id)
        .join(', ')}.`;
    case 'already-offered':
      return 'The United States has already offered that much.';
    case 'pledge-too-small':
      return `A pledge must be at least ${thousands(r.min)} troops.`;
    case 'pledge-over-capacity':
      return `The Coalition can field at most ${thousands(r.capacity)} troops right now.`;
    case 'pledge-unchanged':
      return 'The Coalition has already pledged exactly that.';
    case 'already-demanded':
      return 'Ukraine has already demanded defined guarantees.';
    case 'already-paused':
      return 'The talks are already paused.';
    case 'not-paused':
      return 'The talks are not paused.';
    case 'unknown-event':
      return `There is no ${r.inject ? 'inject' : 'event'} "${r.eventId}" in this level.`;
    case 'inject-empty':
      return 'Choose an inject from the list or write one.';
    case 'no-event-waiting':
      return 'There is no event waiting: the round is still in progress.';
    case 'rules-failed':
      return `The rules failed on this move (${r.detail}); the game is unchanged.`;
  }
}

/** The smallest pledge, for forms that ask for a number of troops. */
export const MIN_PLEDGE = MOVE_EFFECTS.minPledge;
