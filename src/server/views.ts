import {
  eventProbabilities,
  findCard,
  legalMoves,
  previewNextEvent,
  viewFor,
  type GameView,
  type LegalMoves,
  type PartyId,
  type PrivateBrief,
} from '../core';
import type { FacilitatorExtras, SeatId, SeatView, TimerView, ViewMessage, WireView } from '../protocol';
import type { Table } from './table';

/**
 * What each client is sent. A team's message is built from `viewFor(level, state, itsParty)` and the
 * legal moves worked out from that view, and nothing else about the game: until the talks are over it
 * carries no seed, no state hash and no steps, so neither another party's brief nor the next event can
 * be worked out from it. The teacher's adds the facilitator's console (the next seeded event, its odds,
 * the injects) and the steps, still without any brief.
 */

export interface ViewContext {
  table: Table;
  seats: Record<PartyId, SeatView>;
  timer: TimerView;
  teachers: number;
}

/**
 * The view for `seat`; `logStart` > 0 leaves out the log entries the client already has (the log only
 * grows), and with them the public positions (they never change) and the brief when it is `sentBrief`,
 * the one this client already holds; `stepsFrom` is the first step the client has not been sent.
 */
export function viewMessage(
  ctx: ViewContext,
  seat: SeatId,
  logStart = 0,
  stepsFrom = ctx.table.seq + 1,
  sentBrief: PrivateBrief | null = null,
): ViewMessage {
  const { table } = ctx;
  const teacher = seat === 'facilitator';
  const hidden = !teacher && table.state.phase !== 'over';
  const team = teacher ? null : teamView(table, seat);
  const view = team ? team.view : viewFor(table.level, table.state, seat);
  // Once the talks are over a team gets the whole log again: entries sent earlier hid the teacher's event choices.
  const start = logStart > 0 && logStart <= view.log.length && !(team && !hidden) ? logStart : 0;
  const message: ViewMessage = {
    code: table.code,
    seat,
    seq: table.seq,
    hash: hidden ? null : table.hash,
    logStart: start,
    steps: teacher && stepsFrom <= table.seq ? table.stepsFrom(stepsFrom) : [],
    view: start ? incremental(view, start, sentBrief) : view,
    seats: ctx.seats,
    timer: ctx.timer,
  };
  if (team) message.legal = team.legal;
  else message.facilitator = facilitatorExtras(ctx);
  return message;
}

/** A view after the first: the new log entries, and neither the public positions nor an unchanged brief (see ViewMessage). */
function incremental(view: GameView, start: number, sentBrief: PrivateBrief | null): WireView {
  const { parties: _same, brief, ...rest } = view;
  const wire: WireView = { ...rest, log: view.log.slice(start) };
  if (brief !== sentBrief || brief === null) wire.brief = brief;
  return wire;
}

/** A team's view and legal moves; until the talks are over the view leaves out the seed. */
export function teamView(table: Table, party: PartyId): { view: GameView; legal: LegalMoves } {
  const full = viewFor(table.level, table.state, party);
  return { view: table.state.phase === 'over' ? full : { ...full, seed: '' }, legal: legalMoves(table.level, full) };
}

function facilitatorExtras(ctx: ViewContext): FacilitatorExtras {
  const { table } = ctx;
  const { level, state } = table;
  const running = state.phase === 'turns' || state.phase === 'events' || state.phase === 'paused';
  let nextEvent: FacilitatorExtras['nextEvent'] = null;
  if (running) {
    const card = previewNextEvent(level, state.context);
    nextEvent = {
      id: card.id,
      title: card.title,
      text: card.text,
      effects: card.effects,
      walkAway: card.walkAway,
      source: state.context.eventOverride ? 'override' : 'draw',
    };
  }
  return {
    sessionId: table.session.id,
    tableIndex: table.row.index,
    nextEvent,
    probabilities: running
      ? eventProbabilities(level, state.context).map((e) => ({ ...e, title: findCard(level, e.id)?.title ?? e.id }))
      : [],
    events: level.events.map((e) => ({ id: e.id, title: e.title })),
    injects: level.injects.map((e) => ({ id: e.id, title: e.title, text: e.text })),
    teachers: ctx.teachers,
  };
}
