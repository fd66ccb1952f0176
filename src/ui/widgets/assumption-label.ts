import { h } from '../dom';
import './assumption-label.css';

/**
 * The visible mark on anything the game assumes rather than takes from a report: a figure, a premise of
 * a brief, a scale of the rules. Words, not colour alone, so it reads the same in print and to a screen
 * reader.
 */
export function assumptionLabel(): HTMLElement {
  return h('span', { class: 'assumption-label' }, 'Game assumption');
}

/** The matching mark on a figure or claim that a source card backs. */
export function sourcedLabel(): HTMLElement {
  return h('span', { class: 'assumption-label sourced' }, 'Reported');
}
