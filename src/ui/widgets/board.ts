import { TERMS, optionLabel, type GameView, type Level, type Package } from '../../core';
import { h, svg } from '../dom';
import { fmtInt, levelOf, tensionWord } from '../format';
import { cardText } from '../../narrate';
import { describeMap, mapCaption } from './map-text';

/**
 * The map figure: a slot the Phaser canvas moves into, a one-line caption of what it shows, and a
 * legend. The slot element is kept across re-renders (see `updateMapFigure`) so the canvas stays put.
 */
export function mapSlot(view: GameView, level: Level, agreed = false): HTMLElement {
  const figure = h(
    'figure',
    { class: 'map-figure' },
    h('div', { class: 'map-slot', 'data-map-slot': 'true', role: 'img' }),
    h(
      'figcaption',
      { class: 'map-caption' },
      h('p', { class: 'map-summary' }),
      h(
        'p',
        { class: 'map-legend', 'aria-hidden': 'true' },
        h('span', { class: 'lg lg-line' }, 'Line of contact'),
        h('span', { class: 'lg lg-zone' }, 'Buffer zone, to scale'),
        h('span', { class: 'lg lg-proposed' }, 'Proposed line'),
        h('span', { class: 'lg lg-pk' }, 'Peacekeepers'),
        h('span', { class: 'lg lg-us' }, 'US support'),
        h('span', { class: 'lg lg-fire' }, 'Fighting'),
      ),
    ),
  );
  updateMapFigure(figure, view, level, agreed);
  return figure;
}

export function mapPackage(view: GameView, agreed: boolean): Package | null {
  return agreed ? (view.outcome?.package ?? view.table?.terms ?? null) : (view.table?.terms ?? null);
}

export function updateMapFigure(figure: HTMLElement, view: GameView, level: Level, agreed = false): void {
  const pkg = mapPackage(view, agreed);
  const caption = mapCaption(pkg, level, agreed && !!view.outcome?.package);
  figure.querySelector('.map-slot')!.setAttribute('aria-label', describeMap(pkg, level, agreed));
  const summary = figure.querySelector<HTMLElement>('.map-summary')!;
  summary.textContent = caption;
  summary.title = caption;
}

export function eventCard(view: GameView): HTMLElement | null {
  if (!view.lastEvent) return null;
  const e = { round: view.lastEvent.round, ...cardText(levelOf(view), view.lastEvent) };
  return h(
    'section',
    { class: 'event-card', 'aria-labelledby': 'event-h' },
    h('p', { class: 'eyebrow' }, `Event · round ${e.round}`),
    h('h2', { id: 'event-h' }, e.title),
    h('p', { class: 'event-text' }, e.text),
  );
}

/** A half-circle gauge for tension, drawn as inline SVG next to its number. */
function gauge(value: number): SVGSVGElement {
  const v = Math.max(0, Math.min(100, value));
  const a = Math.PI * (1 - v / 100);
  const x = 30 + 24 * Math.cos(a);
  const y = 30 - 24 * Math.sin(a);
  return svg(
    `<svg viewBox="0 0 60 34" width="60" height="34"><defs><linearGradient id="tg" x1="0" x2="1"><stop offset="0" stop-color="#78aadc"/><stop offset=".5" stop-color="#e2b55c"/><stop offset="1" stop-color="#e26e46"/></linearGradient></defs>` +
      `<path d="M6 30 A24 24 0 0 1 54 30" fill="none" stroke="#26334d" stroke-width="6" stroke-linecap="round"/>` +
      `<path d="M6 30 A24 24 0 0 1 ${x.toFixed(2)} ${y.toFixed(2)}" fill="none" stroke="url(#tg)" stroke-width="6" stroke-linecap="round"/>` +
      `<line x1="30" y1="30" x2="${(30 + 17 * Math.cos(a)).toFixed(2)}" y2="${(30 - 17 * Math.sin(a)).toFixed(2)}" stroke="#e6edf7" stroke-width="2" stroke-linecap="round"/><circle cx="30" cy="30" r="2.6" fill="#e6edf7"/></svg>`,
    { class: 'gauge' },
  );
}

function tile(label: string, value: string, note: string, extra?: Node, meter?: { value: number; label: string }): HTMLElement {
  return h(
    'div',
    {
      class: 'tile',
      ...(meter
        ? {
            role: 'meter',
            'aria-label': meter.label,
            'aria-valuemin': 0,
            'aria-valuemax': 100,
            'aria-valuenow': meter.value,
            'aria-valuetext': `${value}. ${note}`,
          }
        : {}),
    },
    h('p', { class: 'tile-label' }, label),
    h('div', { class: 'tile-main' }, h('p', { class: 'tile-value' }, value), extra ?? null),
    h('p', { class: 'tile-note', title: note }, note),
  );
}

export function metersRow(view: GameView): HTMLElement {
  const m = view.meters;
  const ceiling = TERMS.usSupport.options[view.usSupportCeiling];
  const offered = view.commitments.usSupport;
  const usBar = h('span', { class: 'mini-track', 'aria-hidden': 'true' }, h('span', { style: `width:${m.usEngagement}%` }));
  const usNote =
    offered !== 'none'
      ? `Offered: ${optionLabel('usSupport', offered).toLowerCase()}`
      : ceiling.id === 'none'
        ? 'Could offer: nothing yet'
        : `Could offer: ${ceiling.label.toLowerCase()}`;
  return h(
    'section',
    { class: 'meters', 'aria-label': 'State of the talks' },
    tile('Tension', `${m.tension}`, tensionWord(m.tension), gauge(m.tension), { value: m.tension, label: 'Tension' }),
    tile('US engagement', `${m.usEngagement}`, usNote, usBar, { value: m.usEngagement, label: 'US engagement' }),
    tile(
      'Coalition troops',
      fmtInt(m.coalitionCapacity),
      view.commitments.peacekeepers ? `available · ${fmtInt(view.commitments.peacekeepers)} pledged` : 'available · none pledged',
    ),
    tile('Casualties', fmtInt(m.casualties), 'killed during the talks'),
  );
}
