/**
 * `npm run bench`: measures the engine (bundled, in a child process pinned to one core where possible),
 * how the computer parties negotiate (bench/negotiation.ts) and, when Chromium and a build are
 * available, the browser game; prints a table and writes
 * bench/results.json as [{name, value, unit, baseline?, ratio?}].
 * `npm run bench -- --engine` measures the engine alone and only prints its table (results.json keeps
 * the last full run).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { BenchFigure } from './figure';

const root = new URL('..', import.meta.url).pathname;

async function engineFigures(): Promise<BenchFigure[]> {
  const out = join(mkdtempSync(join(tmpdir(), 'bz-bench-')), 'engine.mjs');
  await build({
    entryPoints: [join(root, 'bench/engine.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    logLevel: 'warning',
  });
  const pin = existsSync('/usr/bin/taskset') ? ['/usr/bin/taskset', '-c', '0'] : [];
  const cmd = [...pin, process.execPath, out];
  const stdout = execFileSync(cmd[0], cmd.slice(1), { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout) as BenchFigure[];
}

async function browserFigures(): Promise<BenchFigure[]> {
  const modulePath = join(root, 'bench/browser.ts');
  if (!existsSync(modulePath)) return [];
  const { measureBrowser } = (await import(modulePath)) as typeof import('./browser');
  try {
    const m = await measureBrowser();
    return [
      { name: 'browser: initial JavaScript, gzip', value: Math.round((m.initialJsGzipBytes / 1024) * 10) / 10, unit: 'KB' },
      { name: 'browser: navigation to interactive menu (headless Chromium)', value: Math.round(m.timeToInteractiveMs), unit: 'ms' },
      {
        name: 'browser: first visit transferred, compressed (menu, then the first table)',
        value: Math.round((m.firstVisitBytes / 1024) * 10) / 10,
        unit: 'KB',
      },
      {
        name: 'browser: map frames drawn per second during an event pulse (cap 30)',
        value: Math.round(m.tableAnimationFps * 10) / 10,
        unit: 'fps',
      },
      { name: 'browser: page frame rate during that animation', value: Math.round(m.pageFpsDuringAnimation * 10) / 10, unit: 'fps' },
      { name: 'browser: map frames drawn per second at rest on the table', value: Math.round(m.tableRestFps * 10) / 10, unit: 'fps' },
    ];
  } catch (e) {
    process.stderr.write(`browser figures skipped: ${(e as Error).message}\n`);
    return [];
  }
}

async function explorerFigures(): Promise<BenchFigure[]> {
  try {
    const { measureExplorer } = await import('./explorer');
    const m = await measureExplorer();
    return [
      {
        name: `browser: what-if explorer, ${m.continuations} continuations (Web Workers, headless Chromium)`,
        value: Math.round(m.ms),
        unit: 'ms',
      },
    ];
  } catch (e) {
    process.stderr.write(`explorer figure skipped: ${(e as Error).message}\n`);
    return [];
  }
}

async function classroomFigures(): Promise<BenchFigure[]> {
  const { capacity, measureLoad } = await import('./load');
  const m = await measureLoad();
  const load = `${m.tables} tables × ${m.clients / m.tables} clients on loopback`;
  const stage = (name: keyof typeof m.server.stages) => Math.round(m.server.stages[name].p99Ms * 10) / 10;
  const held = await capacity(50);
  return [
    {
      name: `classroom: intent to acknowledgement p50, as the clients see it (${load})`,
      value: Math.round(m.ackP50Ms * 10) / 10,
      unit: 'ms',
    },
    {
      name: `classroom: intent to acknowledgement p99, as the clients see it (${load})`,
      value: Math.round(m.ackP99Ms * 10) / 10,
      unit: 'ms',
    },
    { name: 'classroom: server time per move p99, from arrival to acknowledgement', value: stage('total'), unit: 'ms' },
    { name: 'classroom:   of which waiting for the table’s queue, p99', value: stage('queue'), unit: 'ms' },
    { name: 'classroom:   of which the rules (apply and state hash), p99', value: stage('rules'), unit: 'ms' },
    { name: 'classroom:   of which the journal’s synced group commit, p99', value: stage('journal'), unit: 'ms' },
    { name: 'classroom:   then building and sending every member’s view, p99', value: stage('views'), unit: 'ms' },
    { name: 'classroom: server event-loop delay p99', value: Math.round(m.server.eventLoopDelayP99Ms * 10) / 10, unit: 'ms' },
    {
      name: 'classroom: the bench clients’ own event-loop delay p99 (part of what they see)',
      value: Math.round(m.clientEventLoopDelayP99Ms * 10) / 10,
      unit: 'ms',
    },
    { name: 'classroom: server memory per table', value: Math.round(m.memoryPerTableKb), unit: 'KB' },
    {
      name: `classroom: tables one server process holds at p99 < 50 ms (runs: ${held.runs.map((r) => `${r.tables} → ${r.ackP99Ms} ms`).join(', ')})`,
      value: held.tables,
      unit: 'tables',
    },
  ];
}

async function negotiationBench(): Promise<BenchFigure[]> {
  const { measureNegotiation, negotiationFigures } = await import('./negotiation');
  const { loadLevel } = await import('../src/cli/files');
  return negotiationFigures(measureNegotiation(loadLevel('buffer-zone-talks').level, 1000, 300, 200));
}

const engineOnly = process.argv.includes('--engine');
const figures = engineOnly
  ? await engineFigures()
  : [
      ...(await engineFigures()),
      ...(await negotiationBench()),
      ...(await browserFigures()),
      ...(await explorerFigures()),
      ...(await classroomFigures()),
    ];
if (!engineOnly)
  writeFileSync(
    join(root, 'bench/results.json'),
    `${JSON.stringify(figures, null, 2)}
`,
  );
const w = Math.max(...figures.map((f) => f.name.length));
for (const f of figures) {
  const extra = f.baseline !== undefined ? `   baseline ${f.baseline} ${f.unit}, ratio ${f.ratio}` : '';
  process.stdout.write(`${f.name.padEnd(w)}  ${String(f.value).padStart(9)} ${f.unit}${extra}\n`);
}
if (!engineOnly) process.stdout.write(`\nwritten to bench/results.json\n`);
