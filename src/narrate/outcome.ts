import type { Divergence, DurabilityFactor, Outcome, OutcomeCause } from '../core';
import { name } from './words';

export function describeCause(c: OutcomeCause, round: number): string {
  switch (c.code) {
    case 'all-signed':
      return 'All four parties signed the package on the table.';
    case 'walked-out':
      return `${name(c.by)} walked out in round ${round}.`;
    case 'deadline':
      return `No agreement by the end of round ${c.rounds}.`;
    case 'facilitator-ended':
      return `The facilitator called time in round ${round}.`;
  }
}

export function describeOutcome(o: Outcome): string {
  return describeCause(o.cause, o.round);
}

function why(f: DurabilityFactor): string {
  switch (f.factor) {
    case 'full-ceasefire':
      return 'full ceasefire';
    case 'partial-ceasefire':
      return 'partial ceasefire only';
    case 'no-ceasefire':
      return 'no ceasefire';
    case 'enforcement-mandate':
      return 'an enforcement mandate with the troops to carry it out';
    case 'patrol-and-train':
      return 'peacekeepers who patrol and train';
    case 'observers-only':
      return 'observers only';
    case 'zone-under-policed':
      return `too few troops to police a ${f.depthKm} km zone`;
    case 'zone-policed':
      return 'the zone is policed';
    case 'us-air-backstop':
      return 'US air power as a backstop';
    case 'us-support-short-of-air':
      return 'US support short of air power';
    case 'article5-like':
      return '"Article 5-like" guarantee';
    case 'assurances':
      return 'political assurances';
    case 'tension':
      return `tension at ${f.tension}`;
    case 'trust':
      return `trust between Ukraine and Russia at ${f.trust}`;
    case 'signed-below-walk-away':
      return `${name(f.party)} signed below its walk-away value`;
  }
}

/** "+12 full ceasefire" */
export function describeFactor(f: DurabilityFactor): string {
  return `${f.points >= 0 ? '+' : ''}${f.points} ${why(f)}`;
}

/** Why a record does not replay, for the command line and the replay screens. */
export function describeDivergence(d: Divergence, describe: (r: Extract<Divergence, { code: 'refused' }>['refusal']) => string): string {
  switch (d.code) {
    case 'refused':
      return `intent refused: ${describe(d.refusal)}`;
    case 'hash':
      return `state hash ${d.actual.slice(0, 12)}… differs from the recorded ${d.expected.slice(0, 12)}…`;
    case 'final-hash':
      return 'the final hash differs from the recorded finalHash';
  }
}
