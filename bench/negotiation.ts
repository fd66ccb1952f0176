/**
 * How well the computer parties negotiate, measured over many seeded games on the main level:
 * the variety of the deals they reach and when, how close those deals lie to the Pareto frontier,
 * whether a party's counter-offer answers what was put to it, and whether skill pays (hard beats
 * normal beats easy in every seat against the same opponents). Figures for `npm run bench`.
 */
import { playComputerGame, seatsAll } from '../src/ai';
import { loadLevel } from '../src/cli/files';
import { PARTY_IDS, analyzeGame, samePackage, type Difficulty, type Level, type PartyId } from '../src/core';
import { firstAnswer, openings } from '../tests/helpers/openings';
import type { BenchFigure } from './figure';

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

export interface NegotiationReport {
  games: number;
  outcomes: Record<string, number>;
  distinctPackages: number;
  topPackageShare: number;
  earlyAgreementShare: number;
  meanFrontierGap: number;
  responsiveShare: number;
  ladder: Record<PartyId, Record<Difficulty, number>>;
}

export function measureNegotiation(level: Level, seeds: number, ladderSeeds: number, responsiveSeeds: number): NegotiationReport {
  const outcomes: Record<string, number> = { agreement: 0, breakdown: 0, deadline: 0 };
  const packages = new Map<string, number>();
  let early = 0;
  let gapSum = 0;
  for (let i = 1; i <= seeds; i++) {
    const g = playComputerGame(level, String(i), seatsAll('hard'), { record: true });
    const o = g.state.context.outcome!;
    outcomes[o.kind]++;
    if (o.kind !== 'agreement') continue;
    const key = JSON.stringify(o.package);
    packages.set(key, (packages.get(key) ?? 0) + 1);
    if (o.round < level.rounds - 1) early++;
    const d = analyzeGame(level, g.record!);
    if (d.ok) gapSum += d.value.frontier.gap;
  }
  const agreements = outcomes.agreement;
  const top = Math.max(0, ...packages.values());

  const ladder = {} as NegotiationReport['ladder'];
  for (const seat of PARTY_IDS) {
    ladder[seat] = { easy: 0, normal: 0, hard: 0 };
    for (const d of ['easy', 'normal', 'hard'] as const) {
      let sum = 0;
      for (let i = 1; i <= ladderSeeds; i++)
        sum += playComputerGame(level, `ladder-${i}`, seatsAll('hard', { [seat]: d })).state.context.outcome!.scores[seat];
      ladder[seat][d] = round(sum / ladderSeeds, 2);
    }
  }

  return {
    games: seeds,
    outcomes,
    distinctPackages: packages.size,
    topPackageShare: agreements ? round((100 * top) / agreements) : 0,
    earlyAgreementShare: agreements ? round((100 * early) / agreements) : 0,
    meanFrontierGap: agreements ? round(gapSum / agreements, 2) : 0,
    responsiveShare: round(100 * responsiveness(level, responsiveSeeds)),
    ladder,
  };
}

/**
 * A person in Ukraine's seat opens with one of two clearly different packages; the share of seeds where
 * the next computer party to put a package forward answers the two with different packages.
 */
function responsiveness(level: Level, seeds: number): number {
  const { firm, soft } = openings(level);
  let differ = 0;
  for (let i = 1; i <= seeds; i++) {
    const a = firstAnswer(level, `responsive-${i}`, firm);
    const b = firstAnswer(level, `responsive-${i}`, soft);
    if ((a === null) !== (b === null) || (a && b && !samePackage(a, b))) differ++;
  }
  return differ / seeds;
}

export function negotiationFigures(r: NegotiationReport): BenchFigure[] {
  const f: BenchFigure[] = [
    { name: `negotiation, hard ×4, ${r.games} seeds: agreements`, value: round((100 * r.outcomes.agreement) / r.games), unit: '%' },
    { name: `negotiation, hard ×4, ${r.games} seeds: deadlines`, value: round((100 * r.outcomes.deadline) / r.games), unit: '%' },
    { name: `negotiation, hard ×4, ${r.games} seeds: breakdowns`, value: round((100 * r.outcomes.breakdown) / r.games), unit: '%' },
    { name: `negotiation: distinct agreed packages`, value: r.distinctPackages, unit: 'packages' },
    { name: `negotiation: the most common package's share of agreements`, value: r.topPackageShare, unit: '%' },
    { name: `negotiation: agreements before the last two rounds`, value: r.earlyAgreementShare, unit: '%' },
    { name: `negotiation: mean gap to the Pareto frontier (0–100 scale)`, value: r.meanFrontierGap, unit: 'points' },
    { name: `negotiation: different openings get different counters`, value: r.responsiveShare, unit: '% of seeds' },
  ];
  for (const p of PARTY_IDS)
    for (const d of ['easy', 'normal', 'hard'] as const)
      f.push({ name: `negotiation: ${p} at ${d} against hard parties, mean score`, value: r.ladder[p][d], unit: 'points' });
  return f;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { level } = loadLevel('buffer-zone-talks');
  const seeds = Number(process.argv[2] ?? 1000);
  const r = measureNegotiation(level, seeds, Number(process.argv[3] ?? 200), Number(process.argv[4] ?? 200));
  process.stdout.write(`${JSON.stringify(r, null, 1)}\n`);
}
