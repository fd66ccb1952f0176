import { PARTY_IDS, PARTY_NAMES, describePackage, stateHash, type GameState, type Level } from '../core';
import { describeFactor, describeOutcome, narrateEntry, reasonOf } from '../narrate';

/** The fields every `--json` answer about one game carries (DESIGN §4). */
export function gameSummary(level: Level, state: GameState) {
  const o = state.context.outcome;
  return {
    level: level.id,
    seed: state.context.seed,
    outcome: o?.kind ?? 'unfinished',
    rounds: o?.round ?? state.context.round,
    stateHash: stateHash(state),
    scores: o?.scores ?? null,
    values: o?.values ?? null,
    durability: o?.durability ?? null,
    package: o?.package ?? null,
    reason: o ? describeOutcome(o) : null,
    cause: o?.cause ?? null,
    steps: state.context.step,
  };
}

/** The game as a reader follows it: each round's moves with their reasons, the event, then the result. */
export function narrate(level: Level, state: GameState): string {
  const lines: string[] = [];
  let round = 0;
  for (const entry of state.context.log) {
    if (entry.round !== round) {
      round = entry.round;
      lines.push('', `Round ${round} of ${level.rounds}`);
    }
    const who = entry.by === 'events' ? 'Event' : entry.by === 'facilitator' ? 'Facilitator' : PARTY_NAMES[entry.by];
    lines.push(`  ${who.padEnd(24)} ${narrateEntry(level, entry)}`);
    const reason = reasonOf(level, entry);
    if (reason) lines.push(`  ${''.padEnd(24)} “${reason}”`);
  }
  lines.push('', outcomeText(level, state));
  return lines.join('\n');
}

export function outcomeText(level: Level, state: GameState): string {
  const o = state.context.outcome;
  if (!o) return 'The talks are not over.';
  const lines = [`Outcome: ${o.kind} in round ${o.round}. ${describeOutcome(o)}`];
  if (o.package) {
    lines.push(`Deal: ${describePackage(o.package, level.activeTerms)}`);
    lines.push(`Durability estimate: ${o.durability}% (${o.durabilityFactors.map(describeFactor).join(', ')})`);
  }
  lines.push('Scores (value minus walk-away value):');
  for (const p of PARTY_IDS)
    lines.push(
      `  ${PARTY_NAMES[p].padEnd(26)} ${o.scores[p] >= 0 ? '+' : ''}${o.scores[p].toFixed(1).padStart(6)}   (value ${o.values[p].toFixed(1)})`,
    );
  lines.push(`State hash: ${stateHash(state)}`);
  return lines.join('\n');
}

export function table(rows: (string | number)[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows
    .map((r) => r.map((c, i) => (typeof c === 'number' ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  '))
    .join('\n');
}
