import type { AnyStateNode } from 'xstate';
import { gameMachine } from '../../src/core';
import { mainLevel } from './game';

/** The statechart drawn from the machine itself, as the Mermaid state diagram the README shows. */
const short = (n: AnyStateNode) => (n.key === 'history' ? 'history' : n.key);

/** One line per (from, to): the events (or guards, for eventless transitions) that lead there, sorted. */
export function drawChart(): string {
  const m = gameMachine(mainLevel());
  const edges = new Map<string, Set<string>>();
  const add = (from: string, to: string, label: string) => {
    const key = `${from} --> ${to}`;
    if (!edges.has(key)) edges.set(key, new Set());
    edges.get(key)!.add(label);
  };
  const visit = (node: AnyStateNode) => {
    for (const [event, ts] of node.transitions)
      for (const t of ts) {
        const to = t.target?.[0] ? short(t.target[0]) : short(node);
        add(short(node), to, event);
      }
    for (const t of node.always ?? []) {
      const guard = typeof t.guard === 'string' ? t.guard : ((t.guard as { type?: string } | undefined)?.type ?? 'always');
      add(short(node), t.target?.[0] ? short(t.target[0]) : short(node), `[${guard}]`);
    }
    for (const child of Object.values(node.states)) visit(child as AnyStateNode);
  };
  visit(m.root);
  const lines = ['stateDiagram-v2', '  [*] --> briefing', '  state negotiating {', '    [*] --> turns', '  }'];
  for (const [edge, labels] of [...edges].sort(([a], [b]) => a.localeCompare(b))) lines.push(`  ${edge}: ${[...labels].sort().join(', ')}`);
  lines.push('  over --> [*]');
  return lines.join('\n');
}
