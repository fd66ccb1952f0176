import type { GameView } from '../../core';
import { button, h } from '../dom';
import { settings } from '../settings';

/** The table's top bar: where you are in the talks, the deadline, and the always-available actions. */
export interface HeadHandlers {
  brief(): void;
  settings(): void;
  toggleSound(): void;
  menu(): void;
}

/** `note`: a short line under the title, e.g. that this game is a branch of another. */
export function tableHead(view: GameView, handlers: HeadHandlers, note?: string | null): HTMLElement {
  const over = view.phase === 'over';
  const current = over ? (view.outcome?.round ?? view.round) : view.round;
  const pips = Array.from({ length: view.rounds }, (_, i) =>
    h('li', { class: i + 1 < current ? 'is-done' : i + 1 === current ? 'is-now' : '' }),
  );
  const status = view.phase === 'briefing' ? 'Briefing' : over ? 'Talks over' : `Round ${view.round} of ${view.rounds}`;
  const sound = settings().sound;
  return h(
    'header',
    { class: 'table-head' },
    h(
      'div',
      { class: 'brand' },
      h('span', { class: 'brand-mark' }, 'Buffer Zone'),
      h('span', { class: 'level-title' }, view.levelTitle),
      note ? h('span', { class: 'head-note' }, note) : null,
    ),
    h(
      'div',
      { class: 'round' },
      h('p', { class: 'round-text' }, status),
      h('ol', { class: 'pips', 'aria-hidden': 'true' }, ...pips),
      h(
        'p',
        { class: 'deadline' },
        over
          ? `Ended in round ${current}`
          : `${view.meters.roundsLeft} ${view.meters.roundsLeft === 1 ? 'round' : 'rounds'} left · deadline: end of round ${view.rounds}`,
      ),
    ),
    h(
      'nav',
      { class: 'head-actions', 'aria-label': 'Game' },
      button('Your brief', handlers.brief, { class: 'primary-soft', 'data-key': 'head-brief' }),
      button('Settings', handlers.settings, { 'data-key': 'head-settings' }),
      button(sound ? 'Sound on' : 'Sound off', handlers.toggleSound, {
        'aria-pressed': sound ? 'true' : 'false',
        'data-key': 'head-sound',
        title: 'Mute or unmute the sound cues',
      }),
      button('Main menu', handlers.menu, { 'data-key': 'head-menu' }),
    ),
  );
}
