import type { IntentType } from '../core';

/**
 * What each move is called in a sentence ("Your task: make a counter-offer"). A `Record` over every
 * intent type of the registry, so a new move does not compile until it has its words.
 */
export const MOVE_WORDS: Readonly<Record<IntentType, string>> = {
  'game.start': 'open the talks',
  'party.propose': 'propose a package',
  'party.counter': 'make a counter-offer',
  'party.accept': 'accept the package on the table',
  'party.reject': 'reject the package on the table',
  'party.statement': 'make a public statement',
  'party.pass': 'pass',
  'party.walkOut': 'walk out of the talks',
  'us.offerAirSupport': 'offer US air support',
  'coalition.pledgeTroops': 'pledge peacekeepers',
  'ukraine.demandGuarantees': 'demand guarantees',
  'russia.escalate': 'escalate',
  'russia.stall': 'stall',
  'facilitator.pause': 'pause the talks',
  'facilitator.resume': 'resume the talks',
  'facilitator.overrideEvent': 'choose the next event',
  'facilitator.inject': 'add an inject',
  'facilitator.releaseEvent': "release the round's event",
  'facilitator.end': 'end the talks',
};

/** The words for a move named in level data (a tutorial step), or the name itself if it is not a move. */
export function moveWords(type: string): string {
  return (MOVE_WORDS as Record<string, string>)[type] ?? type;
}
