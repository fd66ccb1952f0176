import fc from 'fast-check';
import { decideFor } from '../../src/ai';
import {
  DIFFICULTIES,
  INTENT_TYPES,
  PARTY_IDS,
  TERMS,
  TERM_IDS,
  applyToGame,
  currentParty,
  type Difficulty,
  type GameState,
  type Intent,
  type IntentType,
  type Level,
  type Package,
  type PartyId,
  type Seats,
} from '../../src/core';
import { LEVEL_IDS } from './game';

/**
 * Random play for property tests. A choice is either "let the computer party to move decide" or a raw
 * intent of any type from any seat (mostly the seat whose turn it is, so that many are legal), with a
 * package that is random or one term away from the table. Choices are resolved against the state they
 * are applied to, so the same list of choices replays the same way.
 */

export type Choice =
  | { kind: 'computer'; difficulty: Difficulty }
  | {
      kind: 'intent';
      type: IntentType;
      by: PartyId | 'facilitator' | 'current';
      pkg: Package;
      nearTable: boolean;
      troops: number;
      level: string;
      tone: 'conciliatory' | 'firm';
      eventId: string;
      note: string | undefined;
    };

export const packageArb: fc.Arbitrary<Package> = fc.record(
  Object.fromEntries(TERM_IDS.map((t) => [t, fc.constantFrom(...TERMS[t].options.map((o) => o.id))])) as Record<
    keyof Package,
    fc.Arbitrary<string>
  >,
);

/** Every intent type, the ones that end the game at once (walk-out, end) less often so games run long. */
const TYPES: IntentType[] = INTENT_TYPES.flatMap((t) => (t === 'party.walkOut' || t === 'facilitator.end' ? [t] : [t, t, t, t]));

const EVENT_IDS = ['strike-on-kyiv', 'quiet-week', 'back-channel', 'more-volunteers', 'embassy-damaged', 'aid-package', 'no-such-event'];

export const choiceArb: fc.Arbitrary<Choice> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('computer' as const), difficulty: fc.constantFrom(...DIFFICULTIES) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('intent' as const),
      type: fc.constantFrom(...TYPES),
      by: fc.constantFrom<PartyId | 'facilitator' | 'current'>('current', 'current', 'current', 'current', ...PARTY_IDS, 'facilitator'),
      pkg: packageArb,
      nearTable: fc.boolean(),
      troops: fc.oneof(fc.integer({ min: 0, max: 70_000 }), fc.constantFrom(999, 1000, 4000, 15000, 30000, 60000)),
      level: fc.constantFrom(...TERMS.usSupport.options.map((o) => o.id), 'ground troops'),
      tone: fc.constantFrom('conciliatory' as const, 'firm' as const),
      eventId: fc.constantFrom(...EVENT_IDS),
      note: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
    }),
  },
);

export const gameArb = fc.record({
  levelId: fc.constantFrom(...LEVEL_IDS),
  seed: fc.string({ minLength: 0, maxLength: 12 }),
  facilitated: fc.boolean(),
  choices: fc.array(choiceArb, { minLength: 1, maxLength: 120, size: 'max' }),
});

/** A package one term away from the table's (when there is a table), so counters are often close and legal. */
function packageFor(level: Level, state: GameState, c: Extract<Choice, { kind: 'intent' }>): Package {
  const table = state.context.table;
  if (!c.nearTable || !table) return c.pkg;
  const t = level.activeTerms[c.troops % level.activeTerms.length];
  return { ...table.terms, [t]: c.pkg[t] };
}

/** The intent a choice stands for in this state. */
export function resolveChoice(level: Level, state: GameState, c: Choice): Intent {
  if (c.kind === 'computer') {
    if (state.phase === 'events') return { type: 'facilitator.releaseEvent', by: 'facilitator' };
    if (state.phase === 'paused') return { type: 'facilitator.resume', by: 'facilitator' };
    if (state.phase === 'briefing' && state.context.facilitated) return { type: 'game.start', by: 'facilitator' };
    const party = state.phase === 'briefing' ? level.turnOrder[0] : currentParty(level, state.context);
    return decideFor(level, state, party, c.difficulty);
  }
  const facilitatorType = c.type.startsWith('facilitator.');
  const by = c.by === 'current' ? (facilitatorType ? 'facilitator' : currentParty(level, state.context)) : c.by;
  const note = c.note === undefined ? {} : { note: c.note };
  const raw: Record<string, unknown> = { type: c.type, by, ...note };
  switch (c.type) {
    case 'party.propose':
    case 'party.counter':
      raw.package = packageFor(level, state, c);
      break;
    case 'party.statement':
      raw.tone = c.tone;
      break;
    case 'us.offerAirSupport':
      raw.level = c.level;
      break;
    case 'coalition.pledgeTroops':
      raw.troops = c.troops;
      break;
    case 'facilitator.overrideEvent':
      raw.eventId = c.eventId;
      break;
    case 'facilitator.inject':
      // A teacher's own inject, with effects up to the schema's limits: the meters must absorb them.
      if (c.nearTable)
        raw.custom = {
          title: 'Inject',
          text: 'A teacher adds a development.',
          effects: {
            tension: (c.troops % 201) - 100,
            usEngagement: (c.troops % 61) - 30,
            trustWith: { [PARTY_IDS[c.troops % 4]]: (c.troops % 101) - 50 },
            coalitionCapacity: (c.troops - 35_000) * 28,
            casualties: c.troops,
          },
          walkAway: { [PARTY_IDS[(c.troops >> 2) % 4]]: (c.troops % 101) - 50 },
        };
      else raw.eventId = c.eventId;
      break;
    // Moves with nothing beyond their type, sender and note. Listed, not defaulted: a new move with a
    // payload must say here how a choice fills it in.
    case 'game.start':
    case 'party.accept':
    case 'party.reject':
    case 'party.pass':
    case 'party.walkOut':
    case 'russia.escalate':
    case 'russia.stall':
    case 'ukraine.demandGuarantees':
    case 'facilitator.releaseEvent':
    case 'facilitator.pause':
    case 'facilitator.resume':
    case 'facilitator.end':
      break;
  }
  return raw as Intent;
}

/**
 * Plays a game to its end with computer parties (the facilitator, if any, releasing every event and
 * resuming a pause). Returns the final state and the intents applied.
 */
export function finishWithComputers(
  level: Level,
  state: GameState,
  seats: Seats,
  maxSteps = 1000,
): { state: GameState; intents: Intent[] } {
  let s = state;
  const intents: Intent[] = [];
  for (let i = 0; i < maxSteps && s.phase !== 'over'; i++) {
    const intent = resolveChoice(level, s, { kind: 'computer', difficulty: seats[currentParty(level, s.context)].difficulty ?? 'normal' });
    const next = applyToGame(level, s, intent);
    if (!next.ok) throw new Error(`computer move refused (${JSON.stringify(intent)}): ${JSON.stringify(next.refusal)}`);
    s = next.value;
    intents.push(intent);
  }
  return { state: s, intents };
}
