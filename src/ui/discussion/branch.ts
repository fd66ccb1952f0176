import { LocalTable } from '../../ai';
import { DIFFICULTIES, PARTY_IDS, PARTY_NAMES, type Difficulty, type PartyId, type Seats } from '../../core';
import type { App } from '../app';
import { h } from '../dom';
import { emblem } from '../palette';
import { loadSave } from '../save';
import { GameSession } from '../session';
import { openDialog } from '../widgets/dialog';
import { autoFacilitatorMove, gameFromTable, roundAt, type LoadedGame } from './games';
import { rememberLoaded } from './library';
import { describeRefusal } from '../../narrate';

/**
 * "Play from here": choose, for each seat, a person or the computer (and how hard it plays), then the
 * game goes on from this step with the same state and the same seed stream. With one or more seats
 * for people it continues at the negotiating table (several people share the screen, taking turns);
 * with the computer in every seat it plays out at once and opens beside the original.
 */
const CHOICES: { value: string; label: string }[] = [
  { value: 'human', label: 'Played by a person' },
  ...DIFFICULTIES.map((d) => ({ value: d, label: `Computer, ${d}` })),
];

export function defaultSeats(game: LoadedGame): Seats {
  const seats = game.record.seats;
  const firstHuman = PARTY_IDS.find((p) => seats[p]?.kind === 'human') ?? 'ukraine';
  return Object.fromEntries(
    PARTY_IDS.map((p) => [
      p,
      p === firstHuman ? { kind: 'human' } : { kind: 'computer', difficulty: (seats[p]?.difficulty as Difficulty) ?? 'normal' },
    ]),
  ) as Seats;
}

export function openBranchDialog(app: App, game: LoadedGame, step: number): void {
  const seats = defaultSeats(game);
  const selects = new Map<PartyId, HTMLSelectElement>();
  const rows = PARTY_IDS.map((p) => {
    const id = `branch-seat-${p}`;
    const current = seats[p].kind === 'human' ? 'human' : (seats[p].difficulty ?? 'normal');
    const select = h(
      'select',
      { id, name: p },
      ...CHOICES.map((c) => h('option', { value: c.value, selected: c.value === current }, c.label)),
    );
    selects.set(p, select);
    return h('div', { class: 'seat-row' }, h('label', { for: id }, emblem(p, 14), ` ${PARTY_NAMES[p]}`), select);
  });
  const problem = h('p', { class: 'form-error', role: 'alert' });
  const save = loadSave();
  const inProgress = save.kind === 'ok' && !save.table.state.context.outcome;
  openDialog({
    title: 'Play from here',
    wide: false,
    body: [
      h(
        'p',
        null,
        `The branch starts at step ${step} (round ${roundAt(game, step)}) with the same state and the same seed stream: the same events arrive unless the moves change them.`,
      ),
      h('fieldset', { class: 'seat-grid' }, h('legend', null, 'Who plays each seat'), ...rows),
      h(
        'p',
        { class: 'hint' },
        'Several people can share the screen: the table shows each one their own brief in turn. With the computer in every seat, the branch plays out at once and opens beside the original.',
      ),
      inProgress ? h('p', { class: 'hint branch-warn' }, 'Your game in progress will be replaced by the branch.') : null,
      problem,
    ],
    actions: [
      {
        label: 'Start the branch',
        primary: true,
        onClick: () => {
          const chosen = Object.fromEntries(
            PARTY_IDS.map((p) => {
              const v = selects.get(p)!.value;
              return [p, v === 'human' ? { kind: 'human' } : { kind: 'computer', difficulty: v as Difficulty }];
            }),
          ) as Seats;
          const error = startBranch(app, game, step, chosen);
          if (error) {
            problem.textContent = error;
            return false;
          }
          return true;
        },
      },
      { label: 'Cancel' },
    ],
  });
}

/** Starts the branch; returns a reason if it cannot start. */
export function startBranch(app: App, game: LoadedGame, step: number, seats: Seats): string | null {
  // The original must be findable later, for the comparison.
  rememberLoaded(game, 'opened');
  if (PARTY_IDS.every((p) => seats[p].kind === 'computer')) {
    const table = LocalTable.branch(game.level, game.record, step, seats);
    if (!table.ok) return table.error;
    try {
      playOut(table.value);
    } catch (e) {
      return `The computer parties could not finish the branch (${(e as Error).message}).`;
    }
    const branch = gameFromTable(table.value);
    rememberLoaded(branch, 'branch');
    // Leaving the dialog's close handler to run first keeps focus handling simple.
    queueMicrotask(() => app.go({ name: 'compare', original: game, branch }));
    return null;
  }
  // The branch becomes the saved game (GameSession.branch writes it), so it can be resumed like any game.
  const session = GameSession.branch(game, step, seats);
  if (!session.ok) return session.error;
  queueMicrotask(() => app.play(session.value));
  return null;
}

/** Plays a table with the computer in every seat to its end (releasing events where a teacher would). */
function playOut(table: LocalTable): void {
  for (let i = 0; i < 2_000 && table.state.phase !== 'over'; i++) {
    const auto = autoFacilitatorMove(table.state);
    if (auto) {
      const applied = table.apply(auto);
      if (!applied.ok) throw new Error(describeRefusal(applied.refusal, table.level));
    } else if (!table.stepComputer()) break;
  }
}
