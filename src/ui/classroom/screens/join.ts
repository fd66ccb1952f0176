import { PARTY_IDS, PARTY_NAMES, type PartyId } from '../../../core';
import type { App, Screen } from '../../app';
import { announce } from '../../announce';
import { button, h, render, uniqueId } from '../../dom';
import { emblem } from '../../palette';
import { isCode, normalizeCode, publicTable, spacedCode, type PublicTable } from '../api';
import { TableConnection } from '../connection';
import { RemoteSession } from '../remote-session';
import { setAddress } from '../address';
import { forgetSeat, latestSeat, rememberSeat, seatFor } from '../store';

/**
 * A team's way in: the join link (or the code typed by hand) shows the table's free seats; the team
 * takes one, and the seat token the server hands out is kept in this browser. Opening the link again
 * — after a reload, a closed tab, a lost connection or a restarted server — takes the same seat back.
 */
export function joinScreen(app: App, code: string | undefined, notice?: string): Screen {
  const body = h('div', { class: 'cr-join-body' });
  const status = h('p', { class: 'cr-status', role: 'status' });
  const el = h(
    'main',
    { class: 'screen cr-screen cr-join', 'aria-labelledby': 'join-h1' },
    h(
      'header',
      { class: 'screen-head' },
      h('p', { class: 'eyebrow' }, 'Classroom'),
      h('h1', { id: 'join-h1' }, 'Join a classroom table'),
      notice ? h('p', { class: 'notice', role: 'alert' }, notice) : null,
    ),
    body,
    status,
  );
  let connection: TableConnection | null = null;
  let poll = 0;
  let disposed = false;

  const toMenu = () => {
    setAddress(null);
    app.go({ name: 'menu' });
  };

  // ---- Step 1: the code ----
  const askCode = (error?: string) => {
    const input = h('input', {
      id: 'join-code',
      type: 'text',
      autocomplete: 'off',
      autocapitalize: 'characters',
      spellcheck: 'false',
      maxlength: 12,
      class: 'cr-code-input',
      'aria-describedby': 'join-code-hint join-code-error',
      value: code ?? '',
    });
    const form = h(
      'form',
      { class: 'cr-code-form', novalidate: true },
      h('label', { for: 'join-code', class: 'field-label' }, 'Table code'),
      h('div', { class: 'seed-row' }, input, h('button', { type: 'submit', class: 'primary' }, 'Find the table')),
      h('p', { id: 'join-code-hint', class: 'hint' }, 'Six letters and digits, as shown on the teacher’s screen, e.g. K7M 3QX.'),
      h('p', { id: 'join-code-error', class: 'form-error', role: 'alert' }, error ?? ''),
      h('div', { class: 'setup-actions' }, button('Back to the menu', toMenu, { class: 'quiet' })),
    );
    const last = latestSeat();
    const back = last
      ? h(
          'div',
          { class: 'notice' },
          h(
            'p',
            null,
            `This browser has a seat at table ${spacedCode(last.code)}: ${PARTY_NAMES[last.party]}${last.name ? ` (${last.name})` : ''}.`,
          ),
          h(
            'div',
            { class: 'move-row' },
            button(`Back to table ${spacedCode(last.code)}`, () => app.go({ name: 'classroom', view: { kind: 'join', code: last.code } }), {
              class: 'primary-soft',
            }),
          ),
        )
      : null;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const typed = normalizeCode(input.value);
      if (!isCode(typed)) {
        form.querySelector('.form-error')!.textContent =
          'A table code has six letters and digits, like K7M 3QX. Check it on the teacher’s screen.';
        input.focus();
        return;
      }
      app.go({ name: 'classroom', view: { kind: 'join', code: typed } });
    });
    render(body, form, back);
    if (!disposed && !back) input.focus();
  };

  // ---- Step 2: the seat ----
  const chooseSeat = async (tableCode: string, message?: string) => {
    status.textContent = 'Looking for the table…';
    const table = await publicTable(tableCode);
    if (disposed) return;
    status.textContent = '';
    if (!table.ok) {
      askCode(table.error);
      return;
    }
    renderSeats(tableCode, table.value, message);
    window.clearInterval(poll);
    // Seats fill up while the class joins: keep the list current.
    poll = window.setInterval(async () => {
      const again = await publicTable(tableCode);
      if (disposed || !again.ok) return;
      updateSeats(again.value);
    }, 4000);
  };

  let seatInputs = new Map<PartyId, { input: HTMLInputElement; note: HTMLElement }>();

  const renderSeats = (tableCode: string, table: PublicTable, message?: string) => {
    seatInputs = new Map();
    const nameInput = h('input', {
      id: 'team-name',
      type: 'text',
      maxlength: 40,
      autocomplete: 'off',
      'aria-describedby': 'team-name-hint',
    });
    const error = h('p', { class: 'form-error', role: 'alert' }, message ?? '');
    const cards = PARTY_IDS.map((p) => {
      const titleId = uniqueId('seat-title');
      const noteId = uniqueId('seat-note');
      const input = h('input', { type: 'radio', name: 'seat', value: p, 'aria-labelledby': titleId, 'aria-describedby': noteId });
      const note = h('span', { class: 'card-text', id: noteId });
      seatInputs.set(p, { input, note });
      return h(
        'label',
        { class: 'card-choice' },
        input,
        h('span', { class: 'card-body' }, h('span', { class: 'card-title with-emblem', id: titleId }, emblem(p), PARTY_NAMES[p]), note),
      );
    });
    const form = h(
      'form',
      { class: 'cr-seat-form', novalidate: true },
      h(
        'p',
        { class: 'lede' },
        `${table.levelTitle} · table `,
        h('strong', { class: 'cr-code-inline' }, spacedCode(tableCode)),
        ` · ${table.phase === 'briefing' ? 'the talks have not started yet' : table.phase === 'over' ? 'the talks are over' : `round ${table.round} of ${table.rounds}`}`,
      ),
      h('fieldset', { class: 'cr-seats' }, h('legend', null, 'Your team’s seat'), ...cards),
      h('label', { for: 'team-name', class: 'field-label' }, 'Team name (optional)'),
      nameInput,
      h('p', { id: 'team-name-hint', class: 'hint' }, 'Shown to your teacher next to your seat, e.g. your names or a group number.'),
      error,
      h(
        'div',
        { class: 'setup-actions' },
        h('button', { type: 'submit', class: 'primary big' }, 'Take this seat'),
        button('Another code', () => app.go({ name: 'classroom', view: { kind: 'join' } }), { class: 'quiet' }),
      ),
    );
    updateSeats(table);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const picked = form.querySelector<HTMLInputElement>('input[name="seat"]:checked');
      if (!picked) {
        error.textContent = 'Choose your team’s seat first.';
        form.querySelector<HTMLInputElement>('input[name="seat"]:not(:disabled)')?.focus();
        return;
      }
      const name = nameInput.value.trim().slice(0, 40);
      void takeSeat(tableCode, picked.value as PartyId, name || undefined, (problem) => {
        error.textContent = problem;
        void publicTable(tableCode).then((t) => t.ok && updateSeats(t.value));
      });
    });
    render(body, form);
  };

  const updateSeats = (table: PublicTable) => {
    for (const p of PARTY_IDS) {
      const slot = seatInputs.get(p);
      if (!slot) continue;
      const seat = table.seats[p];
      slot.input.disabled = seat.claimed;
      if (seat.claimed && slot.input.checked) slot.input.checked = false;
      slot.note.textContent = seat.claimed
        ? `Taken${seat.name ? ` by “${seat.name}”` : ' by another team'}`
        : table.phase === 'briefing'
          ? 'Free'
          : 'Free: the computer plays it until you take it';
    }
  };

  // ---- Step 3: at the table ----
  const takeSeat = async (tableCode: string, party: PartyId, name: string | undefined, refused: (why: string) => void) => {
    status.textContent = `Taking the ${PARTY_NAMES[party]} seat…`;
    const c = new TableConnection(tableCode, { seat: party, ...(name ? { name } : {}) });
    connection = c;
    c.on((e) => {
      if (e.type === 'seat' && e.seat.seatToken) rememberSeat(tableCode, { party, token: e.seat.seatToken, name });
    });
    const joined = await c.open(false);
    if (disposed) return;
    if (!joined.ok) {
      status.textContent = '';
      connection = null;
      c.close();
      refused(joined.error);
      return;
    }
    await enter(c, party);
  };

  const returnToSeat = async (tableCode: string) => {
    const claim = seatFor(tableCode)!;
    const c = new TableConnection(tableCode, { seat: claim.party, seatToken: claim.token, ...(claim.name ? { name: claim.name } : {}) });
    connection = c;
    render(
      body,
      h(
        'section',
        { class: 'panel cr-returning' },
        h('h2', { class: 'with-emblem' }, emblem(claim.party), `Back to your seat: ${PARTY_NAMES[claim.party]}`),
        h('p', null, `Table ${spacedCode(tableCode)}${claim.name ? ` · ${claim.name}` : ''}`),
        h(
          'p',
          { class: 'hint' },
          'This browser keeps your seat. If the teacher’s laptop restarted, this page waits for it and goes on by itself.',
        ),
        h('div', { class: 'move-row' }, button('Back to the menu', toMenu, { class: 'quiet' })),
      ),
    );
    c.on((e) => {
      if (e.type !== 'state') return;
      if (e.state.kind === 'reconnecting') status.textContent = `Waiting for the table… (attempt ${e.state.attempts}: ${e.state.error})`;
    });
    status.textContent = 'Connecting to the table…';
    const joined = await c.open(true);
    if (disposed) return;
    if (!joined.ok) {
      connection = null;
      c.close();
      forgetSeat(tableCode);
      await chooseSeat(tableCode, `Your seat could not be taken back: ${joined.error}`);
      return;
    }
    await enter(c, claim.party);
  };

  const enter = async (c: TableConnection, party: PartyId) => {
    status.textContent = 'Connected. Opening the table…';
    if (!c.view)
      await new Promise<void>((resolve) => {
        const off = c.on((e) => {
          if (e.type === 'view' || (e.type === 'state' && e.state.kind === 'closed')) {
            off();
            resolve();
          }
        });
      });
    if (disposed) return;
    const created = await RemoteSession.create(c, party, () => {
      setAddress(null);
      app.session?.dispose();
      app.session = null;
      app.go({ name: 'menu' });
    });
    if (disposed) return;
    if (!created.ok) {
      status.textContent = created.error;
      announce(created.error, 'assertive');
      c.close();
      return;
    }
    connection = null; // the session owns it now
    setAddress({ kind: 'join', code: c.code });
    app.play(created.value);
  };

  if (code && seatFor(code)) void returnToSeat(code);
  else if (code) void chooseSeat(code);
  else askCode();

  return {
    el,
    title: 'Join a classroom table',
    dispose: () => {
      disposed = true;
      window.clearInterval(poll);
      connection?.close();
    },
  };
}
