import { PARTY_NAMES, type PartyId } from '../../../core';
import type { SeatView } from '../../../protocol';
import type { App } from '../../app';
import { button, h } from '../../dom';
import { emblem } from '../../palette';
import { setAddress } from '../address';
import { closeHub, hubFor, type TeacherHub } from '../teacher-hub';
import { forgetTeacherSession, teacherSession } from '../store';
import { SEAT_WORD, seatLine } from '../words';

/** Pieces the teacher's screens share: the hub for the stored session, the seat list, the navigation. */

export function teacherHub(): TeacherHub | null {
  const session = teacherSession();
  return session ? hubFor(session) : null;
}

export function seatRow(party: PartyId, seat: SeatView | undefined, extra?: Node | null): HTMLElement {
  const status = seat?.status ?? 'computer';
  return h(
    'li',
    { class: `cr-seat is-${status}` },
    emblem(party, 14),
    h('span', { class: 'cr-seat-party' }, PARTY_NAMES[party]),
    h('span', { class: 'cr-seat-status' }, h('span', { class: 'cr-badge' }, SEAT_WORD[status]), ' ', seat ? seatLine(seat) : 'Connecting…'),
    extra ?? null,
  );
}

export function teacherNav(app: App, current: 'lobby' | 'console' | 'comparison', hub: TeacherHub, code?: string): HTMLElement {
  const tableButtons = hub.session.codes.map((c, i) =>
    button(`Table ${i + 1}`, () => app.go({ name: 'classroom', view: { kind: 'console', code: c } }), {
      class: 'chip',
      'aria-current': current === 'console' && c === code ? 'page' : undefined,
      'data-key': `nav-table-${c}`,
    }),
  );
  return h(
    'nav',
    { class: 'cr-nav', 'aria-label': 'Classroom session' },
    button('Lobby and join codes', () => app.go({ name: 'classroom', view: { kind: 'lobby' } }), {
      class: 'chip',
      'aria-current': current === 'lobby' ? 'page' : undefined,
      'data-key': 'nav-lobby',
    }),
    ...tableButtons,
    button('Compare the tables', () => app.go({ name: 'classroom', view: { kind: 'comparison' } }), {
      class: 'chip',
      'aria-current': current === 'comparison' ? 'page' : undefined,
      'data-key': 'nav-compare',
    }),
    button(
      'Main menu',
      () => {
        setAddress(null);
        app.go({ name: 'menu' });
      },
      { class: 'chip quiet', 'data-key': 'nav-menu' },
    ),
  );
}

/** Shown when the stored session is gone or its token no longer works. */
export function lostSession(app: App, error: string): HTMLElement {
  return h(
    'div',
    { class: 'notice is-error', role: 'alert' },
    h('h2', null, 'This session could not be opened'),
    h('p', null, error),
    h(
      'div',
      { class: 'move-row' },
      button(
        'Start a new session',
        () => {
          closeHub();
          forgetTeacherSession();
          app.go({ name: 'classroom', view: { kind: 'teacher-setup' } });
        },
        { class: 'primary' },
      ),
    ),
  );
}
