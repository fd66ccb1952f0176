import { STRATEGIES, playComputerGame, seatsAll, type Player } from '../ai';
import { PARTY_IDS, type Level, type Outcome, type PartyId } from '../core';
import { playWithAgents } from './agent';
import { agentTimeoutMs, parse, seatChoices, wholeNumber } from './args';
import type { Out } from './commands';
import { InputError } from './errors';
import { loadLevel } from './files';
import { table } from './format';

/**
 * `tournament`: every scripted strategy, and every agent given with --seat, plays one seat against hard
 * computer parties in the other three, over seeds 1..N. Beside each row: what the hard computer scores
 * in that seat over the same seeds, and the difference.
 */
export interface TournamentRow {
  strategy: string;
  seat: PartyId;
  meanScore: number;
  outcomes: Record<Outcome['kind'], number>;
  computerMeanScore: number;
  margin: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function tournament(args: string[], out: Out, err: Out): void {
  const { values } = parse(args, {
    level: { type: 'string' },
    seeds: { type: 'string' },
    seat: { type: 'string', multiple: true },
    'agent-timeout': { type: 'string' },
    json: { type: 'boolean' },
  });
  if (!values.level) throw new InputError('--level: required (a level id such as buffer-zone-talks, or a path)');
  const { level } = loadLevel(values.level);
  const n = wholeNumber('--seeds', values.seeds, 1, 10_000);
  const choices = seatChoices(values.seat);
  if (Object.keys(choices.difficulties).length)
    throw new InputError('--seat: tournament plays hard computer parties in the other seats; give only party=agent:<command>');
  const timeoutMs = agentTimeoutMs(values['agent-timeout']);
  const hard = seatsAll('hard');

  const baseline = PARTY_IDS.map(() => 0);
  for (let i = 1; i <= n; i++) {
    const o = playComputerGame(level, String(i), hard).state.context.outcome!;
    PARTY_IDS.forEach((p, k) => (baseline[k] += o.scores[p]));
  }
  const computerMean = (seat: PartyId) => round2(baseline[PARTY_IDS.indexOf(seat)] / n);

  const rows: TournamentRow[] = [];
  const tally = (strategy: string, seat: PartyId, play: (seed: string) => Outcome) => {
    const outcomes: TournamentRow['outcomes'] = { agreement: 0, breakdown: 0, deadline: 0 };
    let sum = 0;
    for (let i = 1; i <= n; i++) {
      const o = play(String(i));
      outcomes[o.kind]++;
      sum += o.scores[seat];
    }
    const meanScore = round2(sum / n);
    rows.push({
      strategy,
      seat,
      meanScore,
      outcomes,
      computerMeanScore: computerMean(seat),
      margin: round2(meanScore - computerMean(seat)),
    });
  };

  for (const s of STRATEGIES)
    for (const seat of PARTY_IDS)
      tally(s.id, seat, (seed) => {
        const players: Partial<Record<PartyId, Player>> = { [seat]: s.create(level) };
        return playWithAgents(level, seed, hard, {}, { timeoutMs, warn: err, players }).state.context.outcome!;
      });
  for (const seat of Object.keys(choices.agents) as PartyId[])
    tally(
      `agent:${choices.agents[seat]}`,
      seat,
      (seed) => playWithAgents(level, seed, hard, { [seat]: choices.agents[seat] }, { timeoutMs, warn: err }).state.context.outcome!,
    );

  if (values.json) {
    out(JSON.stringify({ level: level.id, seeds: n, rows }));
    return;
  }
  out(textTable(level, n, rows));
}

function textTable(level: Level, n: number, rows: TournamentRow[]): string {
  const signed = (x: number) => `${x > 0 ? '+' : ''}${x.toFixed(2)}`.padStart(7);
  return [
    `${level.title}: each strategy in one seat against hard computer parties, seeds 1–${n}`,
    table([
      ['strategy', 'seat', 'mean score', 'agreement', 'breakdown', 'deadline', 'hard computer', ' margin'],
      ...rows.map((r) => [
        r.strategy.length > 40 ? `${r.strategy.slice(0, 39)}…` : r.strategy,
        r.seat,
        signed(r.meanScore),
        r.outcomes.agreement,
        r.outcomes.breakdown,
        r.outcomes.deadline,
        signed(r.computerMeanScore),
        signed(r.margin),
      ]),
    ]),
    '',
    'margin = the strategy’s mean score in that seat minus the hard computer’s own mean score there.',
  ].join('\n');
}
