import { decide } from '../../src/ai';
import {
  TERMS,
  applyToGame,
  legalMoves,
  newGame,
  optionIndex,
  viewFor,
  type GameState,
  type Intent,
  type Level,
  type Package,
  type TermId,
} from '../../src/core';

/**
 * Two clearly different opening offers by a person in Ukraine's seat (a hard line and a conciliatory
 * one), and the first package a hard computer party answers with: how the tests and the bench measure
 * whether the computer parties respond to what is put to them.
 */
export function openings(level: Level): { firm: Package; soft: Package } {
  return {
    firm: {
      ...level.defaultPackage,
      ceasefire: 'full',
      bufferDepthKm: '10',
      bufferSide: 'both',
      peacekeepers: '30000',
      mandate: 'train-and-defend',
      usSupport: 'air-defence',
      guarantee: 'article5-like',
      territory: 'pre-2022-lines',
      alignment: 'nato-path',
      arms: 'major',
    },
    soft: {
      ...level.defaultPackage,
      ceasefire: 'full',
      bufferDepthKm: '30',
      bufferSide: 'ukrainian',
      peacekeepers: '15000',
      mandate: 'train-and-defend',
      usSupport: 'air-defence',
      guarantee: 'assurances',
      territory: 'deferred',
      alignment: 'neutrality',
      arms: 'sustain',
    },
  };
}

/** Ukraine (a person) opens with `opening`; the first package a hard computer party puts forward after it. */
export function firstAnswer(level: Level, seed: string, opening: Package): Package | null {
  const step = (s: GameState, intent: Intent) => {
    const r = applyToGame(level, s, intent);
    if (!r.ok) throw new Error(`${intent.type} refused: ${JSON.stringify(r.refusal)}`);
    return r.value;
  };
  let s = step(newGame(level, { seed }), { type: 'game.start', by: 'ukraine' });
  s = step(s, { type: 'party.propose', by: 'ukraine', package: withinLimits(level, s, opening) });
  for (let n = 0; n < 3 && s.phase === 'turns'; n++) {
    const me = level.turnOrder[s.context.turn];
    if (me === 'ukraine') break;
    const view = viewFor(level, s, me);
    const intent = decide(level, view, legalMoves(level, view).moves, 'hard');
    if (intent.type === 'party.counter' || intent.type === 'party.propose') return intent.package;
    s = step(s, intent);
  }
  return null;
}

/** The opening with each term moved to the nearest option Ukraine may put forward now (capacity, Washington's ceiling). */
function withinLimits(level: Level, s: GameState, pkg: Package): Package {
  const propose = legalMoves(level, viewFor(level, s, 'ukraine')).moves.find((m) => m.type === 'party.propose');
  if (!propose || propose.type !== 'party.propose') return pkg;
  const out = { ...pkg } as Record<TermId, string>;
  for (const t of level.activeTerms) {
    const allowed = propose.terms[t].map((o) => optionIndex(t, o));
    const want = optionIndex(t, pkg[t]);
    const nearest = allowed.reduce((a, b) => (Math.abs(b - want) < Math.abs(a - want) ? b : a));
    out[t] = TERMS[t].options[nearest].id;
  }
  return out;
}
