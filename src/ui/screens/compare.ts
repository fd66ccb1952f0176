import {
  PARTY_IDS,
  PARTY_NAMES,
  TERMS,
  inSentence,
  optionLabel,
  type GameState,
  type Level,
  type LogEntry,
  type Package,
  type PartyId,
} from '../../core';
import type { App, Route, Screen } from '../app';
import { button, h } from '../dom';
import { actorName, entryText, fmtInt, signed } from '../format';
import { SHORT_NAME, emblem } from '../palette';
import { finalState, roundAt, type LoadedGame } from '../discussion/games';
import { shareControl } from '../discussion/share-control';
import { outcomeShort, seatWords } from '../discussion/words';

/**
 * A branch beside the game it grew from: the outcome, the terms (what was signed, or what was last
 * on the table), each party's score and the durability of any deal, with every difference marked by
 * a sign and in words (never by colour alone), and the moves each game made after the branch point.
 */
export function compareScreen(app: App, route: Route): Screen {
  if (route.name !== 'compare') throw new Error('compare: wrong route');
  const { original, branch } = route;
  const level = branch.level;
  const at = branch.record.parent?.step ?? 0;
  const sides = [
    { name: 'Original', game: original, final: finalState(original) },
    { name: 'Branch', game: branch, final: finalState(branch) },
  ] as const;
  const humans = (g: LoadedGame) => PARTY_IDS.filter((p) => g.record.seats[p]?.kind === 'human');
  const pkgOf = (s: GameState) => s.context.outcome?.package ?? s.context.table?.terms ?? null;
  const pkgTitle = (s: GameState) =>
    s.context.outcome?.package ? 'signed' : s.context.table ? 'last on the table, not signed' : 'nothing on the table';
  const [a, b] = sides.map((s) => s.final);
  const pa = pkgOf(a);
  const pb = pkgOf(b);

  const cell = (text: string, differs: boolean) =>
    h(
      'td',
      { class: differs ? 'is-differs' : '' },
      differs ? h('span', { class: 'diff-mark', 'aria-hidden': 'true' }, '≠ ') : null,
      text,
      differs ? h('span', { class: 'sr-only' }, ' (differs)') : null,
    );
  const row = (label: string, x: string, y: string, differs = x !== y) =>
    h('tr', null, h('th', { scope: 'row' }, label), h('td', null, x), cell(y, differs));
  const head = (...cols: string[]) => h('thead', null, h('tr', null, ...cols.map((c) => h('th', { scope: 'col' }, c))));

  const outcomeTable = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'cmp-outcome-h' },
    h('h2', { id: 'cmp-outcome-h', class: 'panel-title' }, 'Outcome'),
    h(
      'table',
      { class: 'compare-table' },
      head('', 'Original', 'Branch'),
      h(
        'tbody',
        null,
        row('Outcome', outcomeShort(a.context.outcome), outcomeShort(b.context.outcome)),
        row(
          'Durability',
          a.context.outcome?.durability != null ? `${a.context.outcome.durability} / 100` : 'no agreement',
          b.context.outcome?.durability != null ? `${b.context.outcome.durability} / 100` : 'no agreement',
        ),
        row('Moves after the branch point', fmtInt(original.record.steps.length - at), fmtInt(branch.record.steps.length - at), false),
        row('Played by', seatWords(humans(original)), seatWords(humans(branch))),
        row('Casualties during the talks', fmtInt(a.context.meters.casualties), fmtInt(b.context.meters.casualties)),
      ),
    ),
  );

  const termsTable = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'cmp-terms-h' },
    h('h2', { id: 'cmp-terms-h', class: 'panel-title' }, 'Terms'),
    h(
      'table',
      { class: 'compare-table' },
      head('Term', `Original (${pkgTitle(a)})`, `Branch (${pkgTitle(b)})`),
      h(
        'tbody',
        null,
        ...level.activeTerms.map((t) => {
          const x = pa ? optionLabel(t, pa[t]) : '—';
          const y = pb ? optionLabel(t, pb[t]) : '—';
          return row(TERMS[t].label, x, y);
        }),
      ),
    ),
    h('p', { class: 'hint' }, `“≠” marks a term the branch ended with differently: ${differences(pa, pb, level.activeTerms)}.`),
  );

  const scoresTable = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'cmp-scores-h' },
    h('h2', { id: 'cmp-scores-h', class: 'panel-title' }, 'Scores against each walk-away value'),
    h(
      'table',
      { class: 'compare-table scores-compare' },
      head('Party', 'Original', 'Branch', 'Change'),
      h(
        'tbody',
        null,
        ...PARTY_IDS.map((p) => {
          const sa = scoreOf(a, p);
          const sb = scoreOf(b, p);
          const delta = sb - sa;
          return h(
            'tr',
            null,
            h('th', { scope: 'row' }, emblem(p, 12), ` ${PARTY_NAMES[p]}`),
            h('td', null, `${signed(sa)} (value ${valueOf(a, p)})`),
            h('td', null, `${signed(sb)} (value ${valueOf(b, p)})`),
            h(
              'td',
              { class: Math.abs(delta) < 0.05 ? '' : delta > 0 ? 'tone-good' : 'tone-bad' },
              Math.abs(delta) < 0.05 ? 'same' : [h('span', { 'aria-hidden': 'true' }, delta > 0 ? '▲ ' : '▼ '), `${signed(delta)}`],
            ),
          );
        }),
      ),
    ),
    h(
      'p',
      { class: 'hint' },
      'Score: the value of the outcome minus the party’s walk-away value at the start. Without a deal, each party keeps its walk-away value.',
    ),
  );

  const after = (g: LoadedGame, title: string) => {
    const from = g.states[at].context.log.length;
    const entries = finalState(g).context.log.slice(from);
    return h(
      'section',
      { class: 'panel after-list', 'aria-label': `${title}: moves after step ${at}`, tabindex: 0 },
      h('h3', { class: 'after-title' }, title),
      h('ol', { class: 'log-list' }, ...entries.map((e) => entryItem(g.level, e))),
    );
  };

  const el = h(
    'main',
    { class: 'screen screen-page compare-screen', 'aria-labelledby': 'compare-h1' },
    h(
      'header',
      { class: 'screen-head' },
      h('p', { class: 'eyebrow' }, `What if? · ${level.title} · seed ${branch.record.seed}`),
      h('h1', { id: 'compare-h1' }, 'The branch beside the original'),
      h(
        'p',
        { class: 'lede' },
        `Both games are the same up to step ${at} (round ${roundAt(branch, at)}). From there the branch was played by ${seatWords(humans(branch))}, on the same seed stream.`,
      ),
      h(
        'div',
        { class: 'debrief-actions' },
        button('Replay the branch', () => app.go({ name: 'viewer', game: branch, step: at }), { class: 'primary-soft' }),
        button('Replay the original', () => app.go({ name: 'viewer', game: original, step: at })),
        button('Debrief of the branch', () => app.go({ name: 'debrief', game: branch })),
        shareControl(branch),
        button('Replays', () => app.go({ name: 'replays' }), { class: 'quiet' }),
        button('Main menu', () => app.go({ name: 'menu' }), { class: 'quiet' }),
      ),
    ),
    h(
      'div',
      { class: 'debrief-grid' },
      h('div', { class: 'debrief-col' }, outcomeTable, scoresTable),
      h('div', { class: 'debrief-col' }, termsTable),
    ),
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'cmp-after-h' },
      h('h2', { id: 'cmp-after-h', class: 'panel-title' }, `After step ${at}`),
      h('div', { class: 'after-grid' }, after(original, 'Original'), after(branch, 'Branch')),
    ),
  );
  return { el, title: 'The branch beside the original' };
}

function scoreOf(s: GameState, p: PartyId): number {
  return s.context.outcome?.scores[p] ?? 0;
}

function valueOf(s: GameState, p: PartyId): number {
  return s.context.outcome?.values[p] ?? Math.round(s.context.walkAway[p] * 10) / 10;
}

function differences(a: Package | null, b: Package | null, terms: readonly (keyof Package)[]): string {
  if (!a || !b) return a || b ? 'one game ended with nothing on the table' : 'neither game ended with a package';
  const diff = terms.filter((t) => a[t] !== b[t]).map((t) => inSentence(TERMS[t].label));
  return diff.length ? `${diff.length} of ${terms.length} (${diff.join(', ')})` : 'none, the two packages are the same';
}

function entryItem(level: Level, e: LogEntry): HTMLElement {
  const isParty = e.by !== 'events' && e.by !== 'facilitator';
  return h(
    'li',
    { class: `entry by-${e.by}${e.by === 'events' ? ' is-event' : ''}` },
    h(
      'span',
      { class: 'entry-who' },
      isParty ? emblem(e.by as PartyId, 12) : null,
      `R${e.round} ${isParty ? SHORT_NAME[e.by as PartyId] : actorName(e.by)}`,
    ),
    h('span', { class: 'entry-what' }, entryText(level, e)),
  );
}
