import { PARTY_NAMES, type PartyId } from '../../core';
import { SCORE_BINS, type ExplorationSummary } from '../../ai';
import { h } from '../dom';
import { fmtInt, signed } from '../format';
import { emblem } from '../palette';

/**
 * One party's scores over the explorer's continuations: ten bins of ten points from −50 to +50 (the
 * outer bins also hold anything beyond), with zero (the walk-away value) marked and, if known, the
 * score the party got in the recorded game.
 */
export function binLabel(i: number): string {
  const from = SCORE_BINS.from + i * SCORE_BINS.width;
  const to = from + SCORE_BINS.width;
  if (i === 0) return `below ${signed(to)}`;
  if (i === SCORE_BINS.count - 1) return `${signed(from)} or more`;
  return `${signed(from)} to ${signed(to)}`;
}

export function scoreHistogram(party: PartyId, s: ExplorationSummary['scores'][PartyId], runs: number, actual: number | null): HTMLElement {
  const W = 300;
  const H = 120;
  const m = { l: 8, r: 8, t: 10, b: 26 };
  const max = Math.max(1, ...s.histogram);
  const bw = (W - m.l - m.r) / SCORE_BINS.count;
  const X = (score: number) => m.l + ((score - SCORE_BINS.from) / (SCORE_BINS.width * SCORE_BINS.count)) * (W - m.l - m.r);
  const parts: string[] = [];
  s.histogram.forEach((c, i) => {
    const bh = ((H - m.t - m.b) * c) / max;
    parts.push(
      `<rect class="hg-bar hg-${party}" x="${(m.l + i * bw + 1.5).toFixed(1)}" y="${(H - m.b - bh).toFixed(1)}" width="${(bw - 3).toFixed(1)}" height="${bh.toFixed(1)}"/>`,
    );
  });
  parts.push(`<line class="hg-base" x1="${m.l}" x2="${W - m.r}" y1="${H - m.b}" y2="${H - m.b}"/>`);
  const zx = X(0).toFixed(1);
  parts.push(`<line class="hg-zero" x1="${zx}" x2="${zx}" y1="${m.t - 4}" y2="${H - m.b + 4}"/>`);
  for (const v of [-40, -20, 0, 20, 40])
    parts.push(`<text class="hg-axis" x="${X(v).toFixed(1)}" y="${H - m.b + 16}" text-anchor="middle">${v > 0 ? `+${v}` : v}</text>`);
  if (actual !== null) {
    const ax = X(Math.max(SCORE_BINS.from, Math.min(-SCORE_BINS.from, actual))).toFixed(1);
    parts.push(
      `<path class="hg-actual" d="M${ax} ${m.t + 6}l-5 -8h10z"/><line class="hg-actual-line" x1="${ax}" x2="${ax}" y1="${m.t + 6}" y2="${H - m.b}"/>`,
    );
  }
  const top = s.histogram.indexOf(Math.max(...s.histogram));
  const mean = runs ? signed(s.mean) : '—';
  const label =
    runs === 0
      ? `${PARTY_NAMES[party]}: no continuations yet.`
      : `${PARTY_NAMES[party]}: scores from ${signed(s.min)} to ${signed(s.max)}, mean ${mean}; most often ${binLabel(top)} (${fmtInt(s.histogram[top])} of ${fmtInt(runs)}).${actual !== null ? ` In the recorded game: ${signed(actual)}.` : ''}`;
  const el = h(
    'figure',
    { class: 'histogram' },
    h('figcaption', null, emblem(party, 14), ` ${PARTY_NAMES[party]}`),
    h('div', { class: 'hg-svg', role: 'img', 'aria-label': label }),
    h(
      'p',
      { class: 'hg-stats' },
      runs ? `Mean ${mean} · range ${signed(s.min)} to ${signed(s.max)}` : 'No continuations yet',
      actual !== null ? h('span', { class: 'hg-actual-key' }, ` · ▼ recorded game ${signed(actual)}`) : null,
    ),
  );
  el.querySelector('.hg-svg')!.innerHTML = `<svg viewBox="0 0 ${W} ${H}" aria-hidden="true" focusable="false">${parts.join('')}</svg>`;
  return el;
}
