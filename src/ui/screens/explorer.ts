import { DIFFICULTIES, PARTY_IDS, type Difficulty, type OutcomeKind } from '../../core';
import { seatsAll, type ExplorationSummary } from '../../ai';
import type { App, Route, Screen } from '../app';
import { button, h, render } from '../dom';
import { fmtInt } from '../format';
import { scoreHistogram } from '../widgets/histogram';
import { ExplorerPool, workerCount } from '../discussion/explorer-pool';
import { finalState, roundAt, whyNotFrom } from '../discussion/games';
import { outcomeShort } from '../discussion/words';

/**
 * The what-if explorer: from one step of a game, the computer plays every seat to the end N times,
 * each continuation with its own seed (events and choices drawn afresh), in Web Workers. A progress
 * bar follows the work, Cancel stops it at once, and the results show how often the talks end in an
 * agreement, a breakdown or the deadline, and the spread of each party's score.
 */
const RUNS = [100, 1000, 5000];
const OUTCOME_WORDS: Record<OutcomeKind, string> = { agreement: 'Agreement', breakdown: 'Breakdown', deadline: 'Deadline, no deal' };

export function explorerScreen(app: App, route: Route): Screen {
  if (route.name !== 'explorer') throw new Error('explorer: wrong route');
  const { game, step } = route;
  const level = game.level;
  const state = game.states[step];
  const actual = finalState(game).context.outcome;
  const pool = new ExplorerPool();
  const blocked = whyNotFrom(game, step);
  // The workers start (and load the rules) while the reader looks at the form.
  if (!blocked)
    void pool.warm().then(() => {
      el.dataset.workers = 'ready';
    });
  let runId = 0;
  let lastSummary: ExplorationSummary | null = null;

  const runsSelect = h(
    'select',
    { id: 'explore-runs' },
    ...RUNS.map((n) => h('option', { value: String(n), selected: n === 1000 }, fmtInt(n))),
  );
  const difficultySelect = h(
    'select',
    { id: 'explore-difficulty' },
    ...DIFFICULTIES.map((d) => h('option', { value: d, selected: d === 'normal' }, d[0].toUpperCase() + d.slice(1))),
  );
  const runButton = h('button', { type: 'submit', class: 'primary', 'data-key': 'run' }, 'Run');
  const cancelButton = button('Cancel', () => cancel(), { 'aria-disabled': 'true', 'data-key': 'cancel' });
  const progress = h('progress', { id: 'explore-progress', max: 1000, value: 0, 'aria-labelledby': 'progress-label' });
  const count = h('span', { class: 'progress-count', id: 'progress-count' }, 'Not started');
  // A live region: the start, the end and a cancellation are read out from here.
  const status = h('p', { class: 'explore-status', role: 'status' });
  const results = h('div', { class: 'explore-results' });

  const form = h(
    'form',
    {
      class: 'panel explore-form',
      'aria-labelledby': 'explore-form-h',
      novalidate: true,
      onsubmit: (e: Event) => {
        e.preventDefault();
        start();
      },
    },
    h('h2', { id: 'explore-form-h', class: 'panel-title' }, 'Continuations'),
    h(
      'div',
      { class: 'explore-fields' },
      h('div', null, h('label', { for: 'explore-runs', class: 'field-label' }, 'Number of continuations'), runsSelect),
      h('div', null, h('label', { for: 'explore-difficulty', class: 'field-label' }, 'Computer parties'), difficultySelect),
      h('div', { class: 'move-row explore-buttons' }, runButton, cancelButton),
    ),
    h('div', { class: 'progress-row' }, h('span', { id: 'progress-label', class: 'field-label' }, 'Continuations run'), progress, count),
    status,
    blocked ? h('p', { class: 'form-error' }, blocked) : null,
  );

  const el = h(
    'main',
    { class: 'screen screen-page explorer-screen', 'aria-labelledby': 'explorer-h1' },
    h(
      'header',
      { class: 'screen-head' },
      h('p', { class: 'eyebrow' }, `What if? · ${level.title} · seed ${game.record.seed}`),
      h('h1', { id: 'explorer-h1' }, `Explore from step ${step} (round ${roundAt(game, step)})`),
      h(
        'p',
        { class: 'lede' },
        'The computer plays every seat from this point to the end, again and again, each time with its own seed: the events and the choices are drawn afresh. The spread shows what this position could still become.',
      ),
      h(
        'div',
        { class: 'debrief-actions' },
        button('Back to the replay', () => app.go({ name: 'viewer', game, step }), { class: 'quiet' }),
      ),
    ),
    form,
    results,
  );

  function setRunning(on: boolean): void {
    if (on) {
      runButton.setAttribute('aria-disabled', 'true');
      cancelButton.removeAttribute('aria-disabled');
    } else {
      runButton.removeAttribute('aria-disabled');
      cancelButton.setAttribute('aria-disabled', 'true');
    }
  }

  function start(): void {
    if (blocked || pool.busy) return;
    const runs = Number(runsSelect.value) || 1000;
    const difficulty = difficultySelect.value as Difficulty;
    const id = ++runId;
    const began = performance.now();
    progress.max = runs;
    progress.value = 0;
    count.textContent = `0 of ${fmtInt(runs)}`;
    status.textContent = `Running ${fmtInt(runs)} continuations…`;
    results.removeAttribute('data-explore-ms');
    setRunning(true);
    // The figures are redrawn a few times a second while the workers run, not on every batch: on a
    // two-core machine the page's own drawing would otherwise slow the workers down.
    let painted = 0;
    pool
      .run({ levelId: level.id, state, seats: seatsAll(difficulty), runs }, ({ summary, done }) => {
        if (id !== runId) return;
        lastSummary = summary;
        progress.value = summary.runs;
        count.textContent = `${fmtInt(summary.runs)} of ${fmtInt(runs)}`;
        if (!done && performance.now() - painted > 400) {
          showResults(summary, runs, null);
          painted = performance.now();
        }
      })
      .then(
        (summary) => {
          if (id !== runId) return;
          const ms = performance.now() - began;
          setRunning(false);
          status.textContent = `Done: ${fmtInt(summary.runs)} continuations in ${(ms / 1000).toFixed(2)} s (${workerCount(runs)} ${workerCount(runs) === 1 ? 'worker' : 'workers'}).`;
          showResults(summary, runs, ms);
        },
        (e: unknown) => {
          if (id !== runId) return;
          setRunning(false);
          pool.terminate();
          status.textContent = `The explorer stopped: ${(e as Error).message}`;
        },
      );
  }

  function cancel(): void {
    if (!pool.busy) return;
    runId += 1;
    pool.terminate();
    // Fresh workers start at once, so the next run does not wait for them.
    void pool.warm();
    setRunning(false);
    const done = lastSummary?.runs ?? 0;
    status.textContent = done
      ? `Cancelled after ${fmtInt(done)} of ${fmtInt(progress.max)} continuations. The figures below cover those ${fmtInt(done)}.`
      : 'Cancelled before any continuation finished.';
    if (lastSummary && done) showResults(lastSummary, progress.max, null, true);
  }

  function showResults(s: ExplorationSummary, planned: number, ms: number | null, partial = false): void {
    const share = (n: number) => (s.runs ? `${Math.round((1000 * n) / s.runs) / 10}%` : '—');
    const kinds = Object.keys(s.outcomes) as OutcomeKind[];
    render(
      results,
      h(
        'div',
        { class: 'debrief-grid explore-grid' },
        h(
          'section',
          { class: 'panel', 'aria-labelledby': 'outcomes-h' },
          h('h2', { id: 'outcomes-h', class: 'panel-title' }, `Outcomes${partial ? ' (partial)' : ''}`),
          h(
            'div',
            { class: 'ob-bar', 'aria-hidden': 'true' },
            ...kinds.map((k) =>
              s.outcomes[k] ? h('span', { class: `ob ob-${k}`, style: `flex-grow:${s.outcomes[k]}` }, share(s.outcomes[k])) : null,
            ),
          ),
          h(
            'table',
            { class: 'score-table ob-table' },
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                h('th', { scope: 'col' }, 'Outcome'),
                h('th', { scope: 'col' }, 'Continuations'),
                h('th', { scope: 'col' }, 'Share'),
              ),
            ),
            h(
              'tbody',
              null,
              ...kinds.map((k) =>
                h(
                  'tr',
                  null,
                  h('th', { scope: 'row' }, h('span', { class: `ob-swatch ob-${k}`, 'aria-hidden': 'true' }), ` ${OUTCOME_WORDS[k]}`),
                  h('td', null, fmtInt(s.outcomes[k])),
                  h('td', null, share(s.outcomes[k])),
                ),
              ),
            ),
          ),
          h(
            'p',
            { class: 'hint' },
            `${fmtInt(s.runs)} of ${fmtInt(planned)} continuations · on average the talks ended in round ${s.runs ? s.meanRounds.toFixed(1) : '—'}. In the recorded game: ${outcomeShort(actual)}.`,
          ),
        ),
        h(
          'section',
          { class: 'panel', 'aria-labelledby': 'hist-scores-h' },
          h('h2', { id: 'hist-scores-h', class: 'panel-title' }, 'Each party’s score against its walk-away value'),
          h(
            'div',
            { class: 'histograms' },
            ...PARTY_IDS.map((p) => scoreHistogram(p, s.scores[p], s.runs, actual ? actual.scores[p] : null)),
          ),
          h(
            'p',
            { class: 'hint' },
            'Bars: how many continuations gave the party a score in each ten-point band. The line at zero is its walk-away value; ▼ marks its score in the recorded game.',
          ),
        ),
      ),
    );
    if (ms !== null) {
      results.dataset.exploreMs = String(Math.round(ms));
      results.dataset.runs = String(s.runs);
    }
  }

  if (blocked) runButton.setAttribute('aria-disabled', 'true');
  return {
    el,
    title: `What if: explore from step ${step}`,
    dispose: () => {
      runId += 1;
      pool.terminate();
    },
  };
}
