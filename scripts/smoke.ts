import { builtinLevels } from '../src/content/levels';
import { playComputerGame, seatsAll } from '../src/ai';
import { stateHash } from '../src/core';
const level = builtinLevels()[1].level;
const counts: Record<string, number> = {};
const t0 = performance.now();
const N = Number(process.argv[2] ?? 200);
let sum: Record<string, number> = {};
for (let i = 1; i <= N; i++) {
  const g = playComputerGame(level, String(i), seatsAll('normal'));
  const o = g.state.context.outcome!;
  counts[o.kind] = (counts[o.kind] ?? 0) + 1;
  for (const [p, s] of Object.entries(o.scores)) sum[p] = (sum[p] ?? 0) + s / N;
  if (i === 1) { console.log(g.state.context.log.map((l) => `${l.round} ${l.by} ${l.text} | ${l.note ?? ''}`).join('\n')); console.log(o, stateHash(g.state)); }
}
console.log(counts, sum, ((performance.now() - t0) / N).toFixed(3), 'ms/game');
