import type { Debrief } from '../../core';
import { h } from '../dom';

/**
 * The Pareto frontier of the talks, Ukraine's utility across and Russia's up, among the packages the
 * United States and the Coalition would sign (each at least at its walk-away value): no package is
 * better for both Ukraine and Russia than a point on the line. The deal (or, without one, where each
 * side was left), the Nash bargaining point and a package better for everyone are marked by shape and
 * by name; the walk-away values are dashed lines.
 */
export interface FrontierMarks {
  deal: { x: number; y: number; label: string } | null;
  nash: { x: number; y: number } | null;
  better: { x: number; y: number } | null;
  walkAway: { x: number; y: number };
}

export function frontierChart(d: Debrief, marks: FrontierMarks): HTMLElement {
  const W = 520;
  const H = 380;
  const m = { l: 52, r: 18, t: 16, b: 46 };
  const pts = d.frontier.chart.points;
  const all = [...pts, marks.walkAway, ...[marks.deal, marks.nash, marks.better].filter((p): p is { x: number; y: number } => !!p)];
  const range = (vals: number[]) => {
    const lo = Math.max(0, Math.floor((Math.min(...vals) - 4) / 10) * 10);
    const hi = Math.min(100, Math.ceil((Math.max(...vals) + 4) / 10) * 10);
    return hi - lo < 20 ? [Math.max(0, lo - 10), Math.min(100, hi + 10)] : [lo, hi];
  };
  const [x0, x1] = range(all.map((p) => p.x));
  const [y0, y1] = range(all.map((p) => p.y));
  const X = (v: number) => m.l + ((W - m.l - m.r) * (v - x0)) / (x1 - x0 || 1);
  const Y = (v: number) => H - m.b - ((H - m.t - m.b) * (v - y0)) / (y1 - y0 || 1);
  const f = (n: number) => n.toFixed(1);
  const parts: string[] = [];
  parts.push(`<rect class="fc-plot" x="${m.l}" y="${m.t}" width="${W - m.l - m.r}" height="${H - m.t - m.b}"/>`);
  for (let v = x0; v <= x1; v += 10) {
    parts.push(`<line class="fc-grid" x1="${f(X(v))}" x2="${f(X(v))}" y1="${m.t}" y2="${H - m.b}"/>`);
    parts.push(`<text class="fc-axis" x="${f(X(v))}" y="${H - m.b + 15}" text-anchor="middle">${v}</text>`);
  }
  for (let v = y0; v <= y1; v += 10) {
    parts.push(`<line class="fc-grid" x1="${m.l}" x2="${W - m.r}" y1="${f(Y(v))}" y2="${f(Y(v))}"/>`);
    parts.push(`<text class="fc-axis" x="${m.l - 6}" y="${f(Y(v) + 4)}" text-anchor="end">${v}</text>`);
  }
  parts.push(`<text class="fc-label" x="${(m.l + W - m.r) / 2}" y="${H - 8}" text-anchor="middle">Ukraine's utility →</text>`);
  parts.push(
    `<text class="fc-label" transform="translate(14 ${(m.t + H - m.b) / 2}) rotate(-90)" text-anchor="middle">Russia's utility →</text>`,
  );

  // Walk-away lines: a deal left of or below them is worse for that party than no deal.
  const wx = X(marks.walkAway.x);
  const wy = Y(marks.walkAway.y);
  parts.push(`<line class="fc-walk" x1="${f(wx)}" x2="${f(wx)}" y1="${m.t}" y2="${H - m.b}"/>`);
  parts.push(`<line class="fc-walk" x1="${m.l}" x2="${W - m.r}" y1="${f(wy)}" y2="${f(wy)}"/>`);
  parts.push(`<text class="fc-note" x="${f(wx + 4)}" y="${m.t + 12}">Ukraine's walk-away</text>`);
  parts.push(`<text class="fc-note" x="${W - m.r - 4}" y="${f(wy - 5)}" text-anchor="end">Russia's walk-away</text>`);

  // The frontier as a staircase (packages are discrete), with the region it dominates shaded.
  const sorted = [...pts].sort((a, b) => a.x - b.x);
  if (sorted.length) {
    let d2 = `M${f(X(sorted[0].x))} ${f(Y(y0))}`;
    let stairs = '';
    sorted.forEach((p, i) => {
      const px = f(X(p.x));
      const py = f(Y(p.y));
      d2 += `L${px} ${py}`;
      stairs += `${i === 0 ? 'M' : 'L'}${px} ${py}`;
      const next = sorted[i + 1];
      if (next) {
        d2 += `L${f(X(next.x))} ${py}`;
        stairs += `L${f(X(next.x))} ${py}`;
      }
    });
    d2 += `L${f(X(sorted[sorted.length - 1].x))} ${f(Y(y0))}Z`;
    parts.push(`<path class="fc-area" d="${d2}"/>`, `<path class="fc-frontier" d="${stairs}"/>`);
    for (const p of sorted) parts.push(`<circle class="fc-point" cx="${f(X(p.x))}" cy="${f(Y(p.y))}" r="2.6"/>`);
  }

  const label = (x: number, y: number, text: string, dx: number, dy: number, anchor = 'start') =>
    `<text class="fc-mark-text" x="${f(x + dx)}" y="${f(y + dy)}" text-anchor="${anchor}">${text}</text>`;
  if (marks.better) {
    const bx = X(marks.better.x);
    const by = Y(marks.better.y);
    parts.push(`<path class="fc-better" d="M${f(bx)} ${f(by - 7)}L${f(bx + 7)} ${f(by + 5)}H${f(bx - 7)}Z"/>`);
    parts.push(label(bx, by, 'Better for all', 10, -6));
  }
  if (marks.nash) {
    const nx = X(marks.nash.x);
    const ny = Y(marks.nash.y);
    parts.push(`<rect class="fc-nash" x="${f(nx - 5.5)}" y="${f(ny - 5.5)}" width="11" height="11"/>`);
    parts.push(label(nx, ny, 'Nash point', -9, 16, 'end'));
  }
  if (marks.deal) {
    const dx = X(marks.deal.x);
    const dy = Y(marks.deal.y);
    parts.push(`<path class="fc-deal" d="M${f(dx)} ${f(dy - 8)}L${f(dx + 8)} ${f(dy)}L${f(dx)} ${f(dy + 8)}L${f(dx - 8)} ${f(dy)}Z"/>`);
    parts.push(label(dx, dy, marks.deal.label, 11, 4));
  }

  const el = h('figure', { class: 'frontier-figure' });
  el.innerHTML = `<svg class="frontier-svg" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="fc-desc" focusable="false">${parts.join('')}</svg>`;
  el.append(
    h(
      'figcaption',
      { class: 'fc-legend' },
      h('span', { class: 'fk fk-frontier' }, 'Pareto frontier'),
      marks.deal ? h('span', { class: 'fk fk-deal' }, marks.deal.label) : null,
      marks.nash ? h('span', { class: 'fk fk-nash' }, 'Nash bargaining point') : null,
      marks.better ? h('span', { class: 'fk fk-better' }, 'A package better for all four') : null,
      h('span', { class: 'fk fk-walk' }, 'Walk-away values'),
      h('span', { class: 'sr-only', id: 'fc-desc' }, describe(d, marks)),
    ),
  );
  return el;
}

function describe(d: Debrief, marks: FrontierMarks): string {
  const pts = d.frontier.chart.points;
  const r = (n: number) => Math.round(n);
  if (!pts.length) return 'No package is acceptable to both the United States and the Coalition, so there is no frontier to draw.';
  const parts = [
    `Chart of the Pareto frontier for Ukraine and Russia: ${pts.length} packages, from Ukraine ${r(Math.max(...pts.map((p) => p.x)))} with Russia ${r(pts.find((p) => p.x === Math.max(...pts.map((q) => q.x)))?.y ?? 0)}, to Russia ${r(Math.max(...pts.map((p) => p.y)))} with Ukraine ${r(pts.find((p) => p.y === Math.max(...pts.map((q) => q.y)))?.x ?? 0)}.`,
  ];
  if (marks.deal) parts.push(`${marks.deal.label}: Ukraine ${r(marks.deal.x)}, Russia ${r(marks.deal.y)}.`);
  if (marks.nash) parts.push(`Nash bargaining point: Ukraine ${r(marks.nash.x)}, Russia ${r(marks.nash.y)}.`);
  if (marks.better) parts.push(`A package better for all four: Ukraine ${r(marks.better.x)}, Russia ${r(marks.better.y)}.`);
  parts.push(`Walk-away values: Ukraine ${r(marks.walkAway.x)}, Russia ${r(marks.walkAway.y)}.`);
  return parts.join(' ');
}
