import { measureLoad } from './bench/load';
for (const tables of [100]) {
  const d = await measureLoad({ tables, durationMs: 10000 });
  console.log(tables, d.intents, d.ackP50Ms, d.ackP99Ms, JSON.stringify(Object.fromEntries(Object.entries(d.server.stages).map(([k, v]) => [k, [v.p50Ms, v.p99Ms, v.meanMs]]))), d.server.eventLoopDelayP99Ms);
}
