import { PARTY_IDS, type PartyId, type TimelinePoint } from '../../core';
import { h } from '../dom';
import { PARTY_SHORT } from '../palette';

/**
 * The talks over time, drawn as inline SVG (no chart library): above, tension and the average trust
 * between the parties; below, what the package on the table was worth to each party (a gap where the
 * table was empty). Every line has its own dash pattern and a label at its end, so nothing is told by
 * colour alone. A cursor marks the current step; key moments are marked under the axis.
 *
 * In the replay viewer the chart is a slider: ←/→ move a step, Page Up/Down a round, Home/End jump
 * to the start or the end, and a click or a drag picks a step.
 */
export interface TimelineOptions {
  points: readonly TimelinePoint[];
  /** First step of each round, for the round grid. */
  rounds: readonly { round: number; step: number }[];
  width?: number;
  /** Shorter bands, for the replay viewer where the map needs the height. */
  compact?: boolean;
  current?: number;
  marks?: readonly number[];
  /** Makes the chart a slider that picks a step. */
  onSelect?: (step: number) => void;
  describeStep?: (step: number) => string;
  label?: string;
}

export interface TimelineChart {
  el: HTMLElement;
  setCurrent(step: number): void;
}

const NS = 'http://www.w3.org/2000/svg';
const DASH: Record<PartyId, string> = { ukraine: '', russia: '7 3', us: '2 3', coalition: '9 3 2 3' };
const SHAPE: Record<PartyId, (x: number, y: number) => string> = {
  ukraine: (x, y) => `<circle cx="${x}" cy="${y}" r="3.6"/>`,
  russia: (x, y) => `<rect x="${x - 3.3}" y="${y - 3.3}" width="6.6" height="6.6"/>`,
  us: (x, y) => `<path d="M${x} ${y - 4.2}L${x + 4.2} ${y + 3.2}H${x - 4.2}Z"/>`,
  coalition: (x, y) => `<path d="M${x} ${y - 4.4}L${x + 4.4} ${y}L${x} ${y + 4.4}L${x - 4.4} ${y}Z"/>`,
};

export function timelineChart(options: TimelineOptions): TimelineChart {
  const { points, rounds } = options;
  const W = options.width ?? 600;
  const H = options.compact ? 166 : 196;
  const left = 30;
  const right = 86;
  const last = Math.max(1, points.length - 1);
  const x = (step: number) => left + ((W - left - right) * step) / last;
  const top = options.compact ? { y0: 30, y1: 74 } : { y0: 32, y1: 86 };
  const low = options.compact ? { y0: 96, y1: 152 } : { y0: 110, y1: 180 };
  const yIn = (band: { y0: number; y1: number }) => (v: number) => band.y1 - ((band.y1 - band.y0) * Math.max(0, Math.min(100, v))) / 100;
  const yTop = yIn(top);
  const yLow = yIn(low);
  const f = (n: number) => n.toFixed(1);

  const path = (values: (number | null)[], y: (v: number) => number) => {
    let d = '';
    let pen = false;
    values.forEach((v, i) => {
      if (v === null) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${f(x(i))} ${f(y(v))}`;
      pen = true;
    });
    return d;
  };

  const parts: string[] = [];
  // Bands, axes and the round grid.
  for (const band of [top, low]) {
    parts.push(`<rect class="tl-band" x="${left}" y="${band.y0}" width="${W - left - right}" height="${band.y1 - band.y0}"/>`);
    for (const v of [0, 50, 100]) {
      const y = yIn(band)(v);
      parts.push(`<line class="tl-grid" x1="${left}" x2="${W - right}" y1="${f(y)}" y2="${f(y)}"/>`);
      parts.push(`<text class="tl-axis" x="${left - 5}" y="${f(y + 3.5)}" text-anchor="end">${v}</text>`);
    }
  }
  for (const r of rounds) {
    const rx = f(x(r.step));
    parts.push(`<line class="tl-round" x1="${rx}" x2="${rx}" y1="${top.y0 - 16}" y2="${low.y1}"/>`);
    parts.push(`<text class="tl-axis" x="${rx}" y="${top.y0 - 20}" text-anchor="middle">R${r.round}</text>`);
  }
  parts.push(`<text class="tl-title" x="${left}" y="${top.y0 - 6}">Tension and trust</text>`);
  parts.push(`<text class="tl-title" x="${left}" y="${low.y0 - 6}">Worth of the package on the table</text>`);

  // Lines, and a label at the end of each (nudged apart so they never overlap).
  const labels: { y: number; text: string; cls: string }[] = [];
  const tension = points.map((p) => p.tension);
  const trust = points.map((p) => p.averageTrust);
  parts.push(`<path class="tl-line tl-tension" d="${path(tension, yTop)}"/>`);
  parts.push(`<path class="tl-line tl-trust" d="${path(trust, yTop)}"/>`);
  labels.push({ y: yTop(tension[last] ?? 0), text: `Tension ${Math.round(tension[last] ?? 0)}`, cls: 'tl-tension-text' });
  labels.push({ y: yTop(trust[last] ?? 0), text: `Trust ${Math.round(trust[last] ?? 0)}`, cls: 'tl-trust-text' });
  const lowLabels: typeof labels = [];
  for (const p of PARTY_IDS) {
    const values = points.map((pt) => (pt.utilities ? pt.utilities[p] : null));
    const dash = DASH[p] ? ` stroke-dasharray="${DASH[p]}"` : '';
    parts.push(`<path class="tl-line tl-party tl-${p}" d="${path(values, yLow)}"${dash}/>`);
    const lastValue = [...values].reverse().find((v) => v !== null);
    if (lastValue !== undefined && lastValue !== null)
      lowLabels.push({ y: yLow(lastValue), text: `${PARTY_SHORT[p]} ${Math.round(lastValue)}`, cls: `tl-${p}-text` });
  }
  for (const group of [labels, lowLabels]) {
    group.sort((a, b) => a.y - b.y);
    for (let i = 1; i < group.length; i++) if (group[i].y - group[i - 1].y < 11) group[i].y = group[i - 1].y + 11;
    for (const l of group) parts.push(`<text class="tl-end ${l.cls}" x="${W - right + 6}" y="${f(l.y + 3.5)}">${l.text}</text>`);
  }

  for (const m of options.marks ?? [])
    parts.push(`<path class="tl-mark" d="M${f(x(m))} ${low.y1 + 3}l4.5 8h-9z"><title>Key moment: step ${m}</title></path>`);
  parts.push(`<g class="tl-cursor"></g>`);

  const svgEl = document.createElementNS(NS, 'svg');
  svgEl.setAttribute('viewBox', `0 0 ${W} ${H + 8}`);
  svgEl.setAttribute('class', 'timeline-svg');
  svgEl.setAttribute('aria-hidden', 'true');
  svgEl.setAttribute('focusable', 'false');
  svgEl.innerHTML = parts.join('');
  const cursor = svgEl.querySelector('.tl-cursor')!;

  const legend = h(
    'p',
    { class: 'tl-legend', 'aria-hidden': 'true' },
    h('span', { class: 'lk lk-tension' }, 'Tension'),
    h('span', { class: 'lk lk-trust' }, 'Average trust'),
    ...PARTY_IDS.map((p) => h('span', { class: `lk lk-${p}` }, PARTY_SHORT[p])),
  );

  const interactive = !!options.onSelect;
  const el = h('div', {
    class: `timeline${interactive ? ' is-slider' : ''}`,
    ...(interactive
      ? {
          role: 'slider',
          tabindex: 0,
          'aria-label': options.label ?? 'Timeline: choose a step',
          'aria-valuemin': 0,
          'aria-valuemax': last,
          'data-key': 'timeline',
        }
      : { role: 'img', 'aria-label': options.label ?? summary(points) }),
  });
  el.append(svgEl, legend);

  let current = options.current ?? last;
  const roundStepsAsc = [...rounds].map((r) => r.step).sort((a, b) => a - b);
  const setCurrent = (step: number) => {
    current = Math.max(0, Math.min(last, step));
    const cx = x(current);
    const pt = points[current];
    let marks = `<line class="tl-now" x1="${f(cx)}" x2="${f(cx)}" y1="${top.y0 - 4}" y2="${low.y1 + 2}"/>`;
    marks += `<circle class="tl-dot tl-tension-dot" cx="${f(cx)}" cy="${f(yTop(pt.tension))}" r="3.4"/>`;
    marks += `<circle class="tl-dot tl-trust-dot" cx="${f(cx)}" cy="${f(yTop(pt.averageTrust))}" r="3.4"/>`;
    if (pt.utilities) for (const p of PARTY_IDS) marks += `<g class="tl-dot tl-${p}-dot">${SHAPE[p](cx, yLow(pt.utilities[p]))}</g>`;
    cursor.innerHTML = marks;
    if (interactive) {
      el.setAttribute('aria-valuenow', String(current));
      el.setAttribute('aria-valuetext', options.describeStep?.(current) ?? `Step ${current} of ${last}`);
    }
  };
  setCurrent(current);

  if (interactive) {
    const select = (step: number) => {
      if (step !== current) options.onSelect!(Math.max(0, Math.min(last, step)));
    };
    el.addEventListener('keydown', (e) => {
      const nextRound = roundStepsAsc.find((s) => s > current);
      const prevRound = [...roundStepsAsc].reverse().find((s) => s < current);
      const keys: Record<string, number | undefined> = {
        ArrowRight: current + 1,
        ArrowUp: current + 1,
        ArrowLeft: current - 1,
        ArrowDown: current - 1,
        Home: 0,
        End: last,
        PageDown: nextRound ?? last,
        PageUp: prevRound ?? 0,
      };
      if (!(e.key in keys)) return;
      e.preventDefault();
      e.stopPropagation();
      select(keys[e.key]!);
    });
    const fromPointer = (e: PointerEvent) => {
      const box = svgEl.getBoundingClientRect();
      const vx = ((e.clientX - box.left) / box.width) * W;
      return Math.round(((vx - left) / (W - left - right)) * last);
    };
    let dragging = false;
    el.addEventListener('pointerdown', (e) => {
      dragging = true;
      el.setPointerCapture?.(e.pointerId);
      el.focus({ preventScroll: true });
      select(fromPointer(e));
    });
    el.addEventListener('pointermove', (e) => {
      if (dragging) select(fromPointer(e));
    });
    const stop = () => (dragging = false);
    el.addEventListener('pointerup', stop);
    el.addEventListener('pointercancel', stop);
  }
  return { el, setCurrent };
}

/** The chart in words, for its text alternative. */
function summary(points: readonly TimelinePoint[]): string {
  if (!points.length) return 'Timeline: no steps.';
  const first = points[0];
  const end = points[points.length - 1];
  const maxT = Math.max(...points.map((p) => p.tension));
  const worth = end.utilities
    ? ` At the end, the package on the table was worth ${PARTY_IDS.map((p) => `${Math.round(end.utilities![p])} to ${PARTY_SHORT[p]}`).join(', ')}.`
    : ' At the end, no package was on the table.';
  return `Timeline of ${points.length - 1} steps. Tension went from ${first.tension} to ${end.tension} (highest ${maxT}); average trust from ${Math.round(first.averageTrust)} to ${Math.round(end.averageTrust)}.${worth}`;
}
