import type { Debrief, Divergence, Level } from '../core';
import { narrateEntry } from './log';
import { describeDivergence, describeFactor, describeOutcome } from './outcome';
import { describeMoment, describeQuestion } from './questions';
import { describeRefusal } from './refusals';

/**
 * The debrief as exported (`analyze --json`, the full debrief's JSON download): the analysis's data,
 * with the words a reader needs beside each structured item.
 */
export function narratedDebrief(level: Level, d: Debrief) {
  return {
    ...d,
    outcome: d.outcome
      ? { ...d.outcome, reason: describeOutcome(d.outcome), durabilityFactorsText: d.outcome.durabilityFactors.map(describeFactor) }
      : null,
    keyMoments: d.keyMoments.map((m) => ({ ...m, text: narrateEntry(level, m.entry), whyText: describeMoment(m) })),
    questions: d.questions.map((q) => ({ ...q, text: describeQuestion(q, { level, keyMoments: d.keyMoments }) })),
  };
}

/** Why a record does not replay, in words. */
export function divergenceText(level: Level, d: Divergence): string {
  return describeDivergence(d, (r) => describeRefusal(r, level));
}
