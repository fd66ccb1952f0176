import { appBase } from '../address';
import { PARTY_IDS, PARTY_NAMES, serializeRecord, type DurabilityFactor, type GameView, type PartyId } from '../../core';
import { describeFactor, describeOutcome } from '../../narrate';
import type { App, Screen } from '../app';
import { button, h, svg } from '../dom';
import { downloadText, downloadUrl, safeName } from '../download';
import { fmtInt } from '../format';
import { roundHistory, type RoundPoint } from '../history';
import { emblem } from '../palette';
import { showMap } from '../stage';
import { mapSlot } from '../widgets/board';
import { briefDetails } from '../widgets/brief';
import { scoreTable } from '../widgets/score-table';
import { announce } from '../announce';
import { gameFromTable } from '../discussion/games';
import { shareControl } from '../discussion/share-control';
import { termSheet } from '../widgets/term-sheet';

const TITLES = {
  agreement: 'Agreement signed',
  breakdown: 'The talks broke down',
  deadline: 'Deadline reached without agreement',
} as const;

/**
 * The first debrief: what was agreed (or why there is no deal), how durable a deal looks and why,
 * each party's score against its walk-away value, every hidden brief revealed, and the record.
 */
export function outcomeScreen(app: App): Screen {
  const session = app.session!;
  const level = session.level;
  const me = session.human;
  const view = session.view();
  const o = view.outcome!;
  const record = session.table.record();
  const filename = `buffer-zone-${safeName(level.id)}-${safeName(view.seed)}.bzrec.json`;
  const history = roundHistory(level, record);

  const actions = h(
    'div',
    { class: 'debrief-actions' },
    button(
      'Download record',
      // A classroom table's record comes from the server, which knows who played each seat.
      () =>
        session.classroom
          ? downloadUrl(session.classroom.recordUrl, filename)
          : downloadText(filename, serializeRecord(session.table.record())),
      { class: 'primary' },
    ),
    button('Play again with this seed', () =>
      app.go({
        name: 'setup',
        choice: {
          levelId: level.kind === 'scenario' ? level.id : undefined,
          party: me,
          seed: view.seed,
          difficulty: session.table.seats[PARTY_IDS.find((p) => p !== me)!].difficulty,
        },
      }),
    ),
    button('Main menu', () => app.go({ name: 'menu' }), { class: 'quiet' }),
  );
  // For discussion: the full debrief (frontier, key moments, questions), the replay, a share link.
  const game = gameFromTable(session.table);
  const compare = async () => {
    const { findOriginal } = await import('../discussion/library');
    const original = findOriginal(record, session.origin);
    if (original.ok) app.go({ name: 'compare', original: original.value, branch: game });
    else announce(original.error, 'assertive');
  };
  const discuss = h(
    'div',
    { class: 'debrief-actions', role: 'group', 'aria-label': 'Discuss this game' },
    button('Full debrief', () => app.go({ name: 'debrief', game }), { class: 'primary-soft' }),
    button('Replay step by step', () => app.go({ name: 'viewer', game })),
    record.parent ? button('Compare with the original', () => void compare()) : null,
    shareControl(game),
  );

  const el = h(
    'main',
    { class: 'screen screen-page outcome-screen', 'aria-labelledby': 'outcome-h1' },
    h(
      'header',
      { class: `verdict verdict-${o.kind}` },
      h('p', { class: 'eyebrow' }, `Debrief · ${level.title} · you played ${PARTY_NAMES[me]}`),
      h('h1', { id: 'outcome-h1' }, TITLES[o.kind]),
      h('p', { class: 'lede' }, describeOutcome(o)),
      h(
        'p',
        { class: 'verdict-meta' },
        `Round ${o.round} of ${view.rounds} · seed `,
        h('code', null, view.seed),
        ` · ${record.steps.length} moves recorded`,
      ),
      actions,
      discuss,
      shareLine(
        level.kind === 'scenario' ? level.id : null,
        me,
        view.seed,
        session.table.seats[PARTY_IDS.find((p) => p !== me)!].difficulty ?? 'normal',
      ),
    ),
    h(
      'div',
      { class: 'debrief-grid' },
      h(
        'div',
        { class: 'debrief-col' },
        h(
          'section',
          { class: 'panel', 'aria-labelledby': 'agreed-h' },
          h('h2', { id: 'agreed-h', class: 'panel-title' }, o.package ? 'What was agreed' : 'No agreement'),
          o.package
            ? null
            : h(
                'p',
                { class: 'hint' },
                view.table
                  ? 'The last package on the table is shown below; it was not signed by all four parties.'
                  : 'No package was on the table at the end.',
              ),
          mapSlot(view, level, true),
        ),
        o.package
          ? termSheet(view, level, me, { title: 'Terms signed', pkg: o.package })
          : view.table
            ? termSheet(view, level, me, { title: 'Last package on the table', pkg: view.table.terms })
            : null,
      ),
      h(
        'div',
        { class: 'debrief-col' },
        o.durability !== null ? durabilityPanel(o.durability, o.durabilityFactors) : null,
        scoresPanel(view, me),
        historyPanel(history, view.rounds),
      ),
    ),
    h(
      'section',
      { class: 'panel revealed', 'aria-labelledby': 'revealed-h' },
      h('h2', { id: 'revealed-h', class: 'panel-title' }, 'The hidden briefs, revealed'),
      h(
        'p',
        { class: 'hint' },
        'During the talks each party saw only its own brief. Compare what each said in public with what it needed in private.',
      ),
      ...(view.revealed ?? []).map((b) =>
        h(
          'details',
          { class: `reveal is-${b.party}`, open: b.party === me },
          h('summary', null, emblem(b.party), ` ${PARTY_NAMES[b.party]}${b.party === me ? ' (you)' : ''}`),
          briefDetails(b, level),
        ),
      ),
    ),
  );

  // The map draws the signed package (or the last one on the table) once the screen is in place.
  queueMicrotask(() => {
    const slot = el.querySelector<HTMLElement>('[data-map-slot]');
    if (slot)
      showMap(slot, {
        pkg: o.package ?? view.table?.terms ?? null,
        activeTerms: level.activeTerms,
        tension: view.meters.tension,
        agreed: o.package !== null,
      });
  });
  return { el, title: `Debrief: ${TITLES[o.kind]}` };
}

/** A link that opens the new-game screen with the same scenario, party, difficulty and seed. */
function shareLine(levelId: string | null, party: PartyId, seed: string, difficulty: string): HTMLElement | null {
  if (!levelId) return null;
  const params = new URLSearchParams({ level: levelId, party, difficulty, seed });
  const link = `${location.origin}${appBase()}play?${params}`;
  const input = h('input', { id: 'share-link', type: 'text', readonly: true, value: link, 'aria-describedby': 'share-hint' });
  const status = h('span', { class: 'hint', role: 'status' });
  return h(
    'div',
    { class: 'debrief-share' },
    h('label', { for: 'share-link', class: 'field-label' }, 'Link to the same game'),
    h(
      'div',
      { class: 'seed-row' },
      input,
      button('Copy link', () => {
        input.select();
        navigator.clipboard?.writeText(link).then(
          () => (status.textContent = 'Copied.'),
          () => (status.textContent = 'Select the link and copy it.'),
        );
      }),
    ),
    h(
      'p',
      { class: 'hint', id: 'share-hint' },
      'Whoever opens it plays the same scenario with the same seed, so the same events arrive. ',
      status,
    ),
  );
}

export function durabilityPanel(value: number, factors: readonly DurabilityFactor[]): HTMLElement {
  const word = value >= 70 ? 'likely to hold' : value >= 45 ? 'fragile' : 'unlikely to hold';
  return h(
    'section',
    { class: 'panel durability', 'aria-labelledby': 'dur-h' },
    h('h2', { id: 'dur-h', class: 'panel-title' }, 'Will it hold?'),
    h(
      'p',
      { class: 'debrief-number' },
      h('strong', null, String(value)),
      h('span', null, ' / 100'),
      h('span', { class: 'word' }, ` · ${word}`),
    ),
    h(
      'div',
      {
        class: 'value-track',
        role: 'meter',
        'aria-label': 'Durability estimate',
        'aria-valuemin': 0,
        'aria-valuemax': 100,
        'aria-valuenow': value,
      },
      h('span', { class: 'value-fill', style: `width:${value}%` }),
    ),
    h(
      'ul',
      { class: 'factors' },
      ...factors.map((f) => {
        const plus = f.points >= 0;
        return h(
          'li',
          { class: plus ? 'factor-plus' : 'factor-minus' },
          h('span', { class: 'factor-sign', 'aria-hidden': 'true' }, plus ? '▲' : '▼'),
          ` ${describeFactor(f)}`,
        );
      }),
    ),
  );
}

function scoresPanel(view: GameView, me: PartyId): HTMLElement {
  const o = view.outcome!;
  const walk = (p: PartyId) => view.revealed?.find((b) => b.party === p)?.walkAway ?? 0;
  return scoreTable(
    PARTY_IDS.map((p) => ({ party: p, name: PARTY_NAMES[p], value: o.values[p], walkAway: walk(p), score: o.scores[p], isYou: p === me })),
    { headingId: 'scores-h' },
  );
}

function historyPanel(points: RoundPoint[], rounds: number): HTMLElement {
  const w = 320;
  const hgt = 90;
  const x = (r: number) => 8 + ((w - 16) * r) / Math.max(1, rounds);
  const y = (t: number) => hgt - 8 - ((hgt - 16) * t) / 100;
  const line = points.map((p) => `${x(p.round).toFixed(1)},${y(p.tension).toFixed(1)}`).join(' ');
  const last = points[points.length - 1];
  const summary = `Tension by round: ${points.map((p) => `${p.round === 0 ? 'start' : `round ${p.round}`} ${p.tension}`).join(', ')}.`;
  return h(
    'section',
    { class: 'panel history', 'aria-labelledby': 'hist-h' },
    h('h2', { id: 'hist-h', class: 'panel-title' }, 'The talks in numbers'),
    svg(
      `<svg viewBox="0 0 ${w} ${hgt}"><line x1="8" x2="${w - 8}" y1="${y(50)}" y2="${y(50)}" class="chart-grid"/><polyline points="${line}" class="chart-tension"/>${points.map((p) => `<circle cx="${x(p.round)}" cy="${y(p.tension)}" r="2.5" class="chart-dot"/>`).join('')}</svg>`,
      { class: 'chart', label: summary },
    ),
    h(
      'p',
      { class: 'hint' },
      `Tension from ${points[0].tension} at the start to ${last.tension} at the end. ${fmtInt(last.casualties)} people were reported killed while the talks went on.`,
    ),
  );
}
