import type { GameView, PartyId } from '../../core';
import { h } from '../dom';
import { actorName, entryReason, entryText, levelOf } from '../format';
import { SHORT_NAME, emblem } from '../palette';

/**
 * The record of the talks, grouped by round: every move with the reason its party gave, and every
 * event. It is a log region (not live: the announcer reads new lines once, here they stay readable).
 */
export function logPanel(view: GameView, me: PartyId | null): HTMLElement {
  const level = levelOf(view);
  const items: HTMLElement[] = [];
  let round = 0;
  for (const e of view.log) {
    if (e.round !== round) {
      round = e.round;
      items.push(h('li', { class: 'log-round' }, `Round ${round}`));
    }
    const isParty = e.by !== 'events' && e.by !== 'facilitator';
    items.push(
      h(
        'li',
        { class: `entry by-${e.by}${e.by === 'events' ? ' is-event' : ''}` },
        h(
          'span',
          { class: 'entry-who' },
          isParty ? emblem(e.by as PartyId, 12) : null,
          e.by === 'events' ? 'Event' : `${isParty ? SHORT_NAME[e.by as PartyId] : actorName(e.by)}${e.by === me ? ' (you)' : ''}`,
        ),
        h('span', { class: 'entry-what' }, entryText(level, e)),
        isParty && entryReason(level, e) ? h('span', { class: 'entry-why' }, entryReason(level, e)) : null,
      ),
    );
  }
  if (!items.length) items.push(h('li', { class: 'log-empty' }, 'Moves and events will be listed here, with the reason each party gives.'));
  return h(
    'section',
    { class: 'panel log', 'aria-labelledby': 'log-h' },
    h('h2', { id: 'log-h', class: 'panel-title' }, 'Record of the talks'),
    // The scrolling region is the log; the list inside keeps its list semantics.
    h(
      'div',
      { class: 'log-scroll', role: 'log', 'aria-label': 'Moves and events', tabindex: 0, 'data-key': 'log' },
      h('ol', { class: 'log-list' }, ...items),
    ),
  );
}

/** Keeps the log scrolled to the newest line, unless the reader has scrolled up to read. */
export function keepLogAtBottom(container: HTMLElement, wasAtBottom: boolean): void {
  const list = container.querySelector<HTMLElement>('.log-scroll');
  if (list && wasAtBottom) list.scrollTop = list.scrollHeight;
}

export function logIsAtBottom(container: HTMLElement): boolean {
  const list = container.querySelector<HTMLElement>('.log-scroll');
  return !list || list.scrollHeight - list.scrollTop - list.clientHeight < 40;
}
