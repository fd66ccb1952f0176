import { h } from '../dom';

/** A labelled 0–max bar with role="meter", so the number is read out, not just drawn. */
export function meterBar(label: string, value: number, max = 100, text?: string, cls = ''): HTMLElement {
  const pct = Math.max(0, Math.min(100, (100 * value) / (max || 1)));
  return h(
    'div',
    { class: `meter ${cls}` },
    h('span', { class: 'meter-label' }, label),
    h(
      'span',
      {
        class: 'meter-track',
        role: 'meter',
        'aria-label': label,
        'aria-valuemin': 0,
        'aria-valuemax': max,
        'aria-valuenow': Math.round(value),
        'aria-valuetext': text ?? String(Math.round(value)),
      },
      h('span', { class: 'meter-fill', style: `width:${pct}%` }),
    ),
    h('span', { class: 'meter-value', 'aria-hidden': 'true' }, text ?? String(Math.round(value))),
  );
}
