import { seatsAll } from '../ai';
import { builtinLevels, findBuiltinLevel } from '../content/levels';
import {
  PARTY_IDS,
  PARTY_NAMES,
  analyzeGame,
  canonicalJson,
  debriefCsv,
  describePackage,
  parseLevelJson,
  recordLevel,
  replayRecord,
  serializeRecord,
  type Level,
  type Package,
} from '../core';
import { playWithAgents, seatsWithAgents } from './agent';
import { agentTimeoutMs, difficulty, parse, seatChoices, seedText, wholeNumber } from './args';
import { InputError, ReplayError } from './errors';
import { loadLevel, loadRecord, readTextFile, writeTextFile } from './files';
import { gameSummary, narrate, table } from './format';
import {
  describeMoment,
  describeOutcome,
  describeQuestion,
  describeVariantChange,
  divergenceText,
  narrateEntry,
  narratedDebrief,
} from '../narrate';

/**
 * Each command writes its answer through `out` and returns normally, or throws InputError / ReplayError.
 * Reports that are not the answer (an agent that gave no answer) go to `err`, one line each.
 */
export type Out = (text: string) => void;

const toStderr: Out = (t) => process.stderr.write(`${t}\n`);

export function simulate(args: string[], out: Out, err: Out = toStderr): void {
  const { values } = parse(args, {
    level: { type: 'string' },
    seed: { type: 'string' },
    difficulty: { type: 'string' },
    seat: { type: 'string', multiple: true },
    'agent-timeout': { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (!values.level) throw new InputError('--level: required (a level id such as buffer-zone-talks, or a path)');
  const { level } = loadLevel(values.level);
  const seed = seedText(values.seed);
  const choices = seatChoices(values.seat);
  const timeoutMs = agentTimeoutMs(values['agent-timeout']);
  const seats = seatsWithAgents(seatsAll(difficulty('--difficulty', values.difficulty), choices.difficulties), choices.agents);
  const game = playWithAgents(level, seed, seats, choices.agents, { record: Boolean(values.out), timeoutMs, warn: err });
  if (values.out) writeTextFile(values.out, serializeRecord(game.record!));
  if (values.json) out(JSON.stringify({ ...gameSummary(level, game.state), seats, record: values.out ?? null }));
  else out(`${level.title} · seed "${seed}"\n${narrate(level, game.state)}${values.out ? `\nRecord written to ${values.out}` : ''}`);
}

export function replay(args: string[], out: Out): void {
  const { values, positionals } = parse(args, {
    json: { type: 'boolean' },
    level: { type: 'string' },
    'to-step': { type: 'string' },
  });
  const path = positionals[0];
  if (!path) throw new InputError('replay: give the record file, e.g. replay game.bzrec.json');
  const record = loadRecord(path);
  const published = values.level ? loadLevel(values.level).level : builtinFor(record.level.id, path);
  const toStep = values['to-step'] === undefined ? undefined : wholeNumber('--to-step', values['to-step'], 0, record.steps.length);
  const result = replayRecord(published, record, { toStep });
  if (!result.ok) throw new ReplayError(`${path}: ${result.error}`);
  const r = result.value;
  // A classroom record's brief variant: the summary speaks of the briefs the game was played with.
  const level = r.level;
  const summary = {
    ...gameSummary(level, r.state),
    ok: r.ok,
    replayedSteps: r.steps,
    totalSteps: record.steps.length,
    divergence: r.divergence ? { ...r.divergence, reason: divergenceText(level, r.divergence) } : null,
  };
  if (values.json) out(JSON.stringify(summary));
  else if (r.ok)
    out(
      `${path}: all ${r.steps} step${r.steps === 1 ? '' : 's'} replay${toStep !== undefined && toStep < record.steps.length ? ` (stopped at step ${toStep} of ${record.steps.length})` : ''} with matching hashes.\n${narrate(level, r.state)}`,
    );
  if (!r.ok) throw new ReplayError(`${path}: step ${r.divergence!.step} does not replay: ${divergenceText(level, r.divergence!)}`);
}

function builtinFor(id: string, path: string): Level {
  const level = findBuiltinLevel(id);
  if (!level) throw new InputError(`${path}: level.id "${id.slice(0, 80)}" is not a built-in level; pass --level <path to the level file>`);
  return level;
}

export function validate(args: string[], out: Out): void {
  const { positionals, values } = parse(args, { json: { type: 'boolean' } });
  if (positionals.length === 0) throw new InputError('validate: give one or more level files');
  const results = positionals.map((path) => {
    let error: string | null = null;
    try {
      const parsed = parseLevelJson(readTextFile(path), path);
      if (!parsed.ok) error = parsed.error;
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      error = e.message;
    }
    return { path, ok: error === null, error };
  });
  if (values.json) out(JSON.stringify(results));
  else out(results.map((r) => (r.ok ? `ok       ${r.path}` : `invalid  ${r.error}`)).join('\n'));
  const bad = results.filter((r) => !r.ok);
  if (bad.length) throw new InputError(`${bad.length} of ${results.length} level file${results.length === 1 ? '' : 's'} invalid`);
}

export function batch(args: string[], out: Out, err: Out = toStderr): void {
  const { values } = parse(args, {
    level: { type: 'string' },
    seeds: { type: 'string' },
    difficulty: { type: 'string' },
    seat: { type: 'string', multiple: true },
    'agent-timeout': { type: 'string' },
    json: { type: 'boolean' },
  });
  if (!values.level) throw new InputError('--level: required');
  const { level } = loadLevel(values.level);
  const n = wholeNumber('--seeds', values.seeds, 1, 100_000);
  const choices = seatChoices(values.seat);
  const timeoutMs = agentTimeoutMs(values['agent-timeout']);
  const seats = seatsWithAgents(seatsAll(difficulty('--difficulty', values.difficulty), choices.difficulties), choices.agents);
  const outcomes: Record<string, number> = { agreement: 0, breakdown: 0, deadline: 0 };
  const sums = Object.fromEntries(PARTY_IDS.map((p) => [p, 0])) as Record<string, number>;
  const deals = new Map<string, { package: Package; count: number }>();
  const agreementRounds: Record<string, number> = {};
  let rounds = 0;
  let durability = 0;
  for (let i = 1; i <= n; i++) {
    const o = playWithAgents(level, String(i), seats, choices.agents, { timeoutMs, warn: err }).state.context.outcome!;
    outcomes[o.kind]++;
    rounds += o.round;
    if (o.durability !== null) durability += o.durability;
    for (const p of PARTY_IDS) sums[p] += o.scores[p];
    if (o.kind === 'agreement' && o.package) {
      const key = canonicalJson(o.package);
      const seen = deals.get(key) ?? deals.set(key, { package: o.package, count: 0 }).get(key)!;
      seen.count++;
      agreementRounds[o.round] = (agreementRounds[o.round] ?? 0) + 1;
    }
  }
  // Most common first; equal counts in the order they were first agreed.
  const packages = [...deals.values()].sort((a, b) => b.count - a.count);
  const meanScores = Object.fromEntries(PARTY_IDS.map((p) => [p, Math.round((sums[p] / n) * 100) / 100]));
  const summary = {
    level: level.id,
    seeds: n,
    seats,
    outcomes,
    meanScores,
    meanRounds: Math.round((rounds / n) * 100) / 100,
    meanDurability: outcomes.agreement ? Math.round((durability / outcomes.agreement) * 10) / 10 : null,
    packages,
    agreementRounds: Object.fromEntries(
      Object.keys(agreementRounds)
        .map(Number)
        .sort((a, b) => a - b)
        .map((r) => [String(r), agreementRounds[r]]),
    ),
  };
  if (values.json) {
    out(JSON.stringify(summary));
    return;
  }
  const pct = (k: string) => `${((outcomes[k] / n) * 100).toFixed(1)}%`;
  out(
    [
      `${level.title}: seeds 1–${n}`,
      table([['outcome', 'games', 'share'], ...Object.keys(outcomes).map((k) => [k, outcomes[k], pct(k)])]),
      '',
      table([['party', 'seat', 'mean score'], ...PARTY_IDS.map((p) => [p, seatWord(seats[p]), meanScores[p].toFixed(2)])]),
      '',
      `mean rounds ${summary.meanRounds}; mean durability of agreements ${summary.meanDurability ?? '–'}%`,
      packages.length
        ? `${packages.length} distinct agreed package${packages.length === 1 ? '' : 's'}; the most common is ${((packages[0].count / outcomes.agreement) * 100).toFixed(1)}% of the agreements (${packages[0].count} of ${outcomes.agreement})`
        : 'no agreements',
      ...(packages.length
        ? [
            `agreements by round: ${Object.entries(summary.agreementRounds)
              .map(([r, c]) => `round ${r}: ${c}`)
              .join(', ')}`,
          ]
        : []),
    ].join('\n'),
  );
}

/** How a seat is shown in a table: the difficulty, or the agent's command. */
export function seatWord(seat: { kind: string; difficulty?: string; command?: string }): string {
  if (seat.kind === 'agent') return `agent: ${seat.command && seat.command.length > 40 ? `${seat.command.slice(0, 39)}…` : seat.command}`;
  return seat.difficulty ?? seat.kind;
}

export function levels(args: string[], out: Out): void {
  const { values } = parse(args, { json: { type: 'boolean' } });
  const list = builtinLevels().map(({ level, path }) => ({ id: level.id, title: level.title, path }));
  if (values.json) out(JSON.stringify(list));
  else out(table([['id', 'title', 'path'], ...list.map((l) => [l.id, l.title, l.path])]));
}

export function analyze(args: string[], out: Out): void {
  const { values, positionals } = parse(args, { json: { type: 'boolean' }, csv: { type: 'boolean' }, level: { type: 'string' } });
  const path = positionals[0];
  if (!path) throw new InputError('analyze: give the record file, e.g. analyze game.bzrec.json');
  const record = loadRecord(path);
  const published = values.level ? loadLevel(values.level).level : builtinFor(record.level.id, path);
  const result = analyzeGame(published, record);
  if (!result.ok) throw new ReplayError(`${path}: ${result.error}`);
  const d = result.value;
  const played = recordLevel(published, record);
  const level = played.ok ? played.value : published;
  if (values.json) return out(JSON.stringify(narratedDebrief(level, d)));
  if (values.csv) return out(debriefCsv(d).trimEnd());
  const lines = [
    `${d.level.title} · seed "${d.seed}" · ${d.steps} steps`,
    `Outcome: ${d.outcome?.kind ?? 'unfinished'}${d.outcome ? ` in round ${d.outcome.round}. ${describeOutcome(d.outcome)}` : ''}`,
  ];
  if (d.deal) lines.push(`Deal: ${describePackage(d.deal.package, level.activeTerms)}`, `Durability estimate: ${d.outcome?.durability}%`);
  lines.push('', table([['party', 'walk-away', 'value', 'score'], ...d.parties.map((p) => [p.name, p.walkAway, p.value, p.score])]), '');
  if (d.variant.length)
    lines.push(
      'Briefs drawn for this classroom session (the level’s value → the one played):',
      ...d.variant.map((c) => `  ${describeVariantChange(c)}`),
      '',
    );
  if (d.nash)
    lines.push(
      `Nash bargaining point: ${describePackage(d.nash.package, level.activeTerms)}`,
      `  utilities: ${PARTY_IDS.map((p) => `${PARTY_NAMES[p]} ${d.nash!.utilities[p]}`).join(', ')}`,
    );
  lines.push(
    `Pareto frontier: ${d.frontier.size} packages; every party could have gained ${d.frontier.gap} points at once${d.frontier.betterPackage ? ` (e.g. ${describePackage(d.frontier.betterPackage, level.activeTerms)})` : ''}.`,
    '',
    'Key moments:',
  );
  for (const m of d.keyMoments) lines.push(`  step ${m.step} (round ${m.round}): ${narrateEntry(level, m.entry)} ${describeMoment(m)}`);
  lines.push(
    '',
    'Questions for discussion:',
    ...d.questions.map((q, i) => `  ${i + 1}. ${describeQuestion(q, { level, keyMoments: d.keyMoments })}`),
  );
  out(lines.join('\n'));
}
