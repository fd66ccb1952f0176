import { PARTY_NAMES, TERMS, optionLabel, type GameView, type Level, type LogEntry, type PartyId, type TermId } from '../../core';
import { button, h } from '../dom';
import { entryReason, entryText, trustBetween } from '../format';
import { emblem } from '../palette';
import { openDialog } from './dialog';
import { meterBar } from './meter';

/**
 * The four parties in turn order: who is moving, each one's answer to the package on the table, its
 * domestic support, its trust with the player and the one-line reason it gave for its last move.
 */
export function partiesPanel(view: GameView, level: Level, me: PartyId): HTMLElement {
  const latest = new Map<PartyId, LogEntry>();
  for (const e of view.log) if (e.by !== 'events' && e.by !== 'facilitator') latest.set(e.by, e);
  return h(
    'section',
    { class: 'panel parties', 'aria-labelledby': 'parties-h' },
    h(
      'div',
      { class: 'panel-head' },
      h('h2', { id: 'parties-h', class: 'panel-title' }, 'Parties'),
      button('Public positions', () => openPositions(view), { class: 'chip', 'data-key': 'positions' }),
    ),
    h('ul', { class: 'party-list' }, ...level.turnOrder.map((p) => partyCard(view, level, p, me, latest.get(p)))),
  );
}

function answer(view: GameView, p: PartyId): { cls: string; text: string; icon: string } | null {
  const t = view.table;
  if (!t) return null;
  if (t.proposedBy === p && t.acceptedBy.includes(p)) return { cls: 'is-proposed', icon: '◆', text: 'Proposed it' };
  if (t.acceptedBy.includes(p)) return { cls: 'is-accepted', icon: '✓', text: 'Accepted' };
  if (t.rejectedBy.includes(p)) return { cls: 'is-rejected', icon: '✕', text: 'Rejected' };
  return { cls: 'is-pending', icon: '…', text: 'No answer yet' };
}

function partyCard(view: GameView, level: Level, p: PartyId, me: PartyId, last: LogEntry | undefined): HTMLElement {
  const isTurn = view.turn === p;
  const you = p === me;
  const a = answer(view, p);
  const said = last ? (entryReason(level, last) ?? entryText(level, last)) : 'Has not moved yet.';
  const headingId = `party-${p}-h`;
  return h(
    'li',
    { class: `party is-${p}${isTurn ? ' is-turn' : ''}${you ? ' is-you' : ''}`, 'aria-labelledby': headingId },
    h(
      'div',
      { class: 'party-head' },
      emblem(p, 16),
      h('h3', { id: headingId }, PARTY_NAMES[p], you ? h('span', { class: 'sr-only' }, ' (you)') : null),
    ),
    isTurn || a || you
      ? h(
          'p',
          { class: 'party-status' },
          isTurn ? h('span', { class: 'turn-flag' }, you ? 'Your move' : 'Moving now') : null,
          a ? h('span', { class: `answer ${a.cls}` }, h('span', { 'aria-hidden': 'true' }, a.icon), ` ${a.text}`) : null,
          you ? h('span', { class: 'party-seat is-you' }, 'You') : null,
        )
      : null,
    meterBar('Domestic support', view.meters.domesticSupport[p]),
    you ? null : meterBar('Trust with you', trustBetween(view.meters, p, me)),
    h('p', { class: 'said', title: said }, said),
  );
}

function openPositions(view: GameView): void {
  openDialog({
    title: 'Public positions',
    wide: true,
    body: [
      h('p', { class: 'hint' }, 'What each party says in public, as reported. Private interests stay hidden until the debrief.'),
      ...view.parties.map((p) => {
        const demands = (Object.entries(p.publicDemands) as [TermId, string][]).map(([t, o]) => `${TERMS[t].label}: ${optionLabel(t, o)}`);
        return h(
          'section',
          { class: 'position-card' },
          h('h3', null, emblem(p.id), ` ${p.name}`),
          h('p', null, p.publicPosition),
          demands.length ? h('p', { class: 'hint' }, `Demands in public: ${demands.join(' · ')}`) : null,
        );
      }),
    ],
    actions: [{ label: 'Back to the table', primary: true }],
  });
}
