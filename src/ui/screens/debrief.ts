import {
  PARTY_IDS,
  PARTY_NAMES,
  TERMS,
  debriefCsv,
  optionLabel,
  utility,
  type Debrief,
  type Level,
  type Package,
  type PartyId,
  type PrivateBrief,
} from '../../core';
import type { App, Route, Screen } from '../app';
import { button, h, render } from '../dom';
import { downloadText, safeName } from '../download';
import { entryReason, entryText, fmtInt } from '../format';
import { describeMoment, describeOutcome, describeQuestion, describeVariantChange, narratedDebrief } from '../../narrate';
import { emblem } from '../palette';
import { briefDetails } from '../widgets/brief';
import { scoreTable } from '../widgets/score-table';
import { frontierChart, type FrontierMarks } from '../widgets/frontier-chart';
import { timelineChart } from '../widgets/timeline-chart';
import { setGameInAddress } from '../discussion/address';
import { debriefOf } from '../discussion/debrief-client';
import { finalState, roundStarts, type LoadedGame } from '../discussion/games';
import { shareControl } from '../discussion/share-control';
import { OUTCOME_TITLES, seatWords } from '../discussion/words';
import { durabilityPanel } from './outcome';

/**
 * The full debrief, for a class or a discussion group: scores against walk-away values, the Pareto
 * frontier of the deal space with the deal and the Nash bargaining point, how far the deal was from
 * the frontier, the timeline and its key moments (each opens the replay at that step), every hidden
 * brief revealed, and questions drawn from what happened. It prints on A4 (see the print stylesheet)
 * and exports its figures as CSV and JSON for grading (the JSON is what `analyze --json` prints).
 */
export function debriefScreen(app: App, route: Route): Screen {
  if (route.name !== 'debrief') throw new Error('debrief: wrong route');
  const game = route.game;
  const level = game.level;
  const record = game.record;
  const final = finalState(game);
  const o = final.context.outcome;
  const fileBase = `buffer-zone-debrief-${safeName(level.id)}-${safeName(record.seed)}`;
  let debrief: Debrief | null = null;

  const exportButton = (label: string, run: (d: Debrief) => void) =>
    button(
      label,
      () => {
        if (debrief) run(debrief);
      },
      { 'aria-disabled': 'true', 'data-export': 'true', 'data-key': `export-${label}` },
    );
  const actions = h(
    'div',
    { class: 'debrief-actions no-print', role: 'group', 'aria-label': 'Debrief actions' },
    button('Print', () => window.print(), { class: 'primary', 'data-key': 'print' }),
    exportButton('Export CSV', (d) => downloadText(`${fileBase}.csv`, debriefCsv(d), 'text/csv')),
    exportButton('Export JSON', (d) => downloadText(`${fileBase}.json`, `${JSON.stringify(narratedDebrief(level, d), null, 2)}\n`)),
    shareControl(game),
    button('Replay step by step', () => app.go({ name: 'viewer', game }), { 'data-key': 'replay' }),
    button('Replays', () => app.go({ name: 'replays' }), { class: 'quiet', 'data-key': 'replays' }),
    button('Main menu', () => app.go({ name: 'menu' }), { class: 'quiet', 'data-key': 'menu' }),
  );

  const body = h('div', { class: 'debrief-body' });
  render(
    body,
    h(
      'section',
      { class: 'panel debrief-loading', 'aria-labelledby': 'loading-h' },
      h('h2', { id: 'loading-h', class: 'panel-title' }, 'Working out the numbers'),
      h(
        'p',
        { id: 'loading-text', role: 'status' },
        'Weighing every package this scenario allows, to find the Pareto frontier and the Nash bargaining point…',
      ),
      h('progress', { 'aria-labelledby': 'loading-h', 'aria-describedby': 'loading-text' }),
    ),
  );

  const parent = record.parent;
  const el = h(
    'main',
    { class: 'screen screen-page debrief-screen', 'aria-labelledby': 'debrief-h1', 'aria-busy': 'true' },
    h(
      'header',
      { class: `verdict verdict-${o?.kind ?? 'deadline'}` },
      h(
        'p',
        { class: 'eyebrow' },
        `Full debrief · ${level.title} · seed ${record.seed}${parent ? ` · branch from step ${parent.step}` : ''}`,
      ),
      h('h1', { id: 'debrief-h1' }, o ? OUTCOME_TITLES[o.kind] : 'Unfinished game'),
      h(
        'p',
        { class: 'lede' },
        o ? describeOutcome(o) : 'The record stops before the end of the talks; the figures below are for where it stops.',
      ),
      h(
        'p',
        { class: 'verdict-meta' },
        `${o ? `Round ${o.round} of ${level.rounds}` : `Round ${final.context.round} of ${level.rounds}`} · ${fmtInt(record.steps.length)} moves · ${seatLine(record.seats)}`,
        o?.durability !== null && o?.durability !== undefined ? ` · durability estimate ${o.durability} / 100` : '',
      ),
      actions,
    ),
    body,
  );

  let disposed = false;
  void debriefOf(record).then((result) => {
    if (disposed) return;
    el.removeAttribute('aria-busy');
    if (!result.ok) {
      render(
        body,
        h(
          'div',
          { class: 'notice is-error', role: 'alert' },
          h('h2', null, 'The debrief could not be worked out'),
          h('p', { class: 'notice-detail' }, result.error),
        ),
      );
      return;
    }
    debrief = result.value;
    for (const b of actions.querySelectorAll('[data-export]')) b.removeAttribute('aria-disabled');
    render(body, ...sections(app, game, debrief));
    el.dataset.debrief = 'ready';
  });

  setGameInAddress(game, { view: 'debrief' });
  return {
    el,
    title: `Full debrief: ${o ? OUTCOME_TITLES[o.kind] : 'unfinished game'}`,
    dispose: () => {
      disposed = true;
      setGameInAddress(null);
    },
  };
}

function seatLine(seats: LoadedGame['record']['seats']): string {
  return `played by ${seatWords(PARTY_IDS.filter((p) => seats[p]?.kind === 'human'))}`;
}

function sections(app: App, game: LoadedGame, d: Debrief): HTMLElement[] {
  const level = game.level;
  const o = d.outcome;
  const final = finalState(game);
  const lastTable = final.context.table?.terms ?? null;
  const utilities = (pkg: Package) => Object.fromEntries(PARTY_IDS.map((p) => [p, utility(level, p, pkg)])) as Record<PartyId, number>;
  const better = d.frontier.betterPackage ? utilities(d.frontier.betterPackage) : null;
  const marks: FrontierMarks = {
    deal: d.deal
      ? { x: d.deal.utilities.ukraine, y: d.deal.utilities.russia, label: 'Signed deal' }
      : o
        ? { x: o.values.ukraine, y: o.values.russia, label: 'No deal (walk-away)' }
        : null,
    nash: d.nash ? { x: d.nash.utilities.ukraine, y: d.nash.utilities.russia } : null,
    better: better ? { x: better.ukraine, y: better.russia } : null,
    walkAway: { x: d.walkAways.end.ukraine, y: d.walkAways.end.russia },
  };

  // ---- page 1: scores, the deal, the frontier
  const page1 = h(
    'div',
    { class: 'debrief-page debrief-grid' },
    h('div', { class: 'debrief-col' }, scoresTable(d), termsTable(level, d, lastTable)),
    h(
      'div',
      { class: 'debrief-col' },
      h(
        'section',
        { class: 'panel frontier print-break', 'aria-labelledby': 'frontier-h' },
        h('h2', { id: 'frontier-h', class: 'panel-title' }, 'The deal and the Pareto frontier'),
        frontierChart(d, marks),
        h(
          'p',
          { class: 'hint' },
          `Each dot is a package that no other package beats for both Ukraine and Russia, among the ${fmtInt(d.frontier.chart.points.length ? d.frontier.chart.points.length : 0)} shown: packages every party could sign when the talks ended and that the United States and the Coalition value at least at their walk-away values then.`,
        ),
        frontierFacts(d),
      ),
      ideasPanel(d),
      o && o.durability !== null ? durabilityPanel(o.durability, o.durabilityFactors) : null,
    ),
  );

  // ---- page 2: the talks over time, key moments, questions
  const chart = timelineChart({
    points: d.timeline,
    rounds: roundStarts(game),
    width: 900,
    current: d.timeline.length - 1,
    marks: d.keyMoments.map((m) => m.step),
  });
  const page2 = h(
    'div',
    { class: 'debrief-page' },
    h(
      'section',
      { class: 'panel print-break', 'aria-labelledby': 'talks-h' },
      h('h2', { id: 'talks-h', class: 'panel-title' }, 'How the talks went'),
      chart.el,
      h(
        'p',
        { class: 'hint' },
        'Triangles under the chart mark the key moments below: the steps that changed the outcome (the package that became the deal, a signed package withdrawn, a shift of walk-away values) or moved the package on the table the most.',
      ),
    ),
    h(
      'div',
      { class: 'debrief-grid' },
      h(
        'section',
        { class: 'panel moments', 'aria-labelledby': 'moments-h' },
        h('h2', { id: 'moments-h', class: 'panel-title' }, 'Key moments'),
        d.keyMoments.length
          ? h(
              'ol',
              { class: 'moment-list' },
              ...d.keyMoments.map((m) =>
                h(
                  'li',
                  null,
                  button(`Step ${m.step} · round ${m.round}`, () => app.go({ name: 'viewer', game, step: m.step }), {
                    class: 'moment-link',
                    'aria-describedby': `moment-${m.step}`,
                  }),
                  h(
                    'div',
                    { id: `moment-${m.step}`, class: 'moment-text' },
                    h('p', null, entryText(level, m.entry)),
                    entryReason(level, m.entry) ? h('p', { class: 'hint' }, `Why: ${entryReason(level, m.entry)}`) : null,
                    h('p', { class: 'hint' }, describeMoment(m)),
                  ),
                ),
              ),
            )
          : h('p', { class: 'hint' }, 'No single move changed the outcome or what the package on the table was worth.'),
        h('p', { class: 'hint no-print' }, 'Each step opens the replay at that point, to look around it or branch from it.'),
      ),
      h(
        'section',
        { class: 'panel questions', 'aria-labelledby': 'questions-h' },
        h('h2', { id: 'questions-h', class: 'panel-title' }, 'Questions for discussion'),
        h(
          'ol',
          { class: 'question-list' },
          ...d.questions.map((q) => h('li', null, describeQuestion(q, { level, keyMoments: d.keyMoments }))),
        ),
      ),
    ),
  );

  // ---- page 3: the hidden briefs
  const page3 = h(
    'section',
    { class: 'debrief-page panel revealed print-break', 'aria-labelledby': 'briefs-h' },
    h('h2', { id: 'briefs-h', class: 'panel-title' }, 'The hidden briefs, revealed'),
    h(
      'p',
      { class: 'hint' },
      'During the talks each party saw only its own brief: its interests and their weights, its walk-away value and its red lines.',
    ),
    d.variant.length
      ? h(
          'div',
          { class: 'debrief-variant' },
          h(
            'p',
            null,
            'This classroom session drew its own version of each brief within the ranges the scenario sets (a game assumption), so that no team could read another’s in the game’s files. The briefs below are the ones played; against the scenario as written:',
          ),
          h('ul', null, ...d.variant.map((c) => h('li', null, describeVariantChange(c)))),
        )
      : null,
    h(
      'div',
      { class: 'debrief-briefs' },
      ...PARTY_IDS.map((p) => {
        const brief: PrivateBrief = { ...level.parties[p], party: p, currentWalkAway: Math.round(final.context.walkAway[p] * 10) / 10 };
        return h(
          'section',
          { class: `debrief-brief is-${p}`, 'aria-labelledby': `brief-${p}-h` },
          h('h3', { id: `brief-${p}-h`, class: 'debrief-brief-title' }, emblem(p, 16), ` ${PARTY_NAMES[p]}`),
          briefDetails(brief, level),
        );
      }),
    ),
  );
  return [page1, page2, page3];
}

function scoresTable(d: Debrief): HTMLElement {
  return scoreTable(
    d.parties.map((p) => ({
      party: p.id,
      name: p.name,
      value: p.value,
      walkAway: p.walkAway,
      walkAwayNow: p.finalWalkAway,
      score: p.score,
    })),
    {
      headingId: 'dscores-h',
      note: 'Value: what the outcome is worth to the party (0–100); a deal counts at its walk-away value plus its gain weighted by the chance it holds. Score: value minus the walk-away value it started with; above zero, it did better than with no talks. Events can move a walk-away value during the game (“now”).',
    },
  );
}

/** The deal beside the Nash bargaining point and a package better for all four; differences are marked. */
function termsTable(level: Level, d: Debrief, lastTable: Package | null): HTMLElement {
  const dealPkg = d.deal?.package ?? lastTable;
  const dealTitle = d.deal ? 'Signed deal' : lastTable ? 'Last on the table' : 'No package';
  const cols: { title: string; pkg: Package | null }[] = [
    { title: dealTitle, pkg: dealPkg },
    { title: 'Nash point', pkg: d.nash?.package ?? null },
  ];
  if (d.frontier.betterPackage) cols.push({ title: 'Better for all', pkg: d.frontier.betterPackage });
  const worth = (pkg: Package | null) =>
    pkg ? PARTY_IDS.map((p) => `${PARTY_NAMES[p].split(' ')[0]} ${Math.round(utility(level, p, pkg))}`).join(' · ') : '—';
  return h(
    'section',
    { class: 'panel deal-terms', 'aria-labelledby': 'dterms-h' },
    h('h2', { id: 'dterms-h', class: 'panel-title' }, 'The deal beside the alternatives'),
    h(
      'table',
      { class: 'compare-terms' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Term'), ...cols.map((c) => h('th', { scope: 'col' }, c.title)))),
      h(
        'tbody',
        null,
        ...level.activeTerms.map((t) =>
          h(
            'tr',
            null,
            h('th', { scope: 'row' }, TERMS[t].label),
            ...cols.map((c, i) => {
              if (!c.pkg) return h('td', null, '—');
              const differs = i > 0 && dealPkg !== null && c.pkg[t] !== dealPkg[t];
              return h(
                'td',
                { class: differs ? 'is-differs' : '' },
                differs ? h('span', { class: 'diff-mark', 'aria-hidden': 'true' }, '≠ ') : null,
                optionLabel(t, c.pkg[t]),
                differs ? h('span', { class: 'sr-only' }, ' (differs from the deal)') : null,
              );
            }),
          ),
        ),
        h('tr', { class: 'compare-worth' }, h('th', { scope: 'row' }, 'Worth'), ...cols.map((c) => h('td', null, worth(c.pkg)))),
      ),
    ),
    h('p', { class: 'hint' }, '“≠” marks where an alternative differs from the deal.'),
  );
}

function frontierFacts(d: Debrief): HTMLElement {
  const o = d.outcome;
  const gapText = d.deal
    ? d.frontier.gap > 0
      ? `The deal was ${d.frontier.gap} points from the frontier: another package (“Better for all”) would have given every party at least ${d.frontier.gap} points more.`
      : 'The deal was on the Pareto frontier: no other package was better for all four parties at once.'
    : d.frontier.gap > 0
      ? `Without a deal each party kept its walk-away value, yet a package existed that gave every party at least ${d.frontier.gap} points more.`
      : o
        ? 'No package gave every party more than its walk-away value: there was no deal all four could gain from.'
        : 'The game is unfinished, so there is no deal to measure.';
  return h(
    'dl',
    { class: 'facts' },
    h(
      'div',
      null,
      h('dt', null, 'Pareto frontier'),
      h(
        'dd',
        null,
        `${fmtInt(d.frontier.size)} signable packages that no other signable package beats for all four parties. Signable: every party could have signed it when the talks ended (no red line crossed, within the Coalition's capacity and Washington's ceiling then, a guarantee if Ukraine had demanded one).`,
      ),
    ),
    h(
      'div',
      null,
      h('dt', null, 'Nash bargaining point'),
      h(
        'dd',
        null,
        d.nash
          ? `Among the signable packages, the one that maximises the product of every party's gain over its walk-away value when the talks ended: ${PARTY_IDS.map((p) => `${PARTY_NAMES[p]} ${d.nash!.utilities[p]}`).join(', ')}.${walkAwaysMoved(d)}`
          : 'None: no package gives every party more than its walk-away value.',
      ),
    ),
    h('div', null, h('dt', null, 'Distance from the frontier'), h('dd', { class: 'gap' }, gapText)),
  );
}

/** "Walk-away values moved during the talks: Ukraine 47 → 44, …" when events or escalation moved any. */
function walkAwaysMoved(d: Debrief): string {
  const moved = PARTY_IDS.filter((p) => d.walkAways.start[p] !== d.walkAways.end[p]);
  if (!moved.length) return '';
  return ` Walk-away values moved during the talks: ${moved.map((p) => `${PARTY_NAMES[p]} ${d.walkAways.start[p]} → ${d.walkAways.end[p]}`).join(', ')}.`;
}

/**
 * The four ideas the debrief rests on, each in two plain sentences with this game's own numbers: the
 * walk-away value (BATNA), the zone of possible agreement, Pareto efficiency and the Nash point.
 */
function ideasPanel(d: Debrief): HTMLElement {
  const r = d.parties.find((p) => p.id === 'russia')!;
  const u = d.parties.find((p) => p.id === 'ukraine')!;
  const wa = (p: typeof r) => d.walkAways.end[p.id];
  const ideas: [string, string][] = [
    [
      'Walk-away value (BATNA)',
      `What a party can count on without a deal: its best alternative to a negotiated agreement. Russia's walk-away value was ${wa(r)} and Ukraine's ${wa(u)} when the talks ended: a package worth less than that to a party is one it should rather not sign.`,
    ],
    [
      'Zone of possible agreement (ZOPA)',
      d.zopa.size > 0
        ? `The packages every party values above its walk-away value. When the talks ended, ${fmtInt(d.zopa.size)} signable packages were in it, so a deal all four could gain from existed.`
        : 'The packages every party values above its walk-away value. When the talks ended there were none: any deal would have left at least one party worse off than walking away.',
    ],
    [
      'Pareto efficiency',
      `A package is efficient when no other package is better for one party without being worse for another. ${fmtInt(d.frontier.size)} signable packages were efficient${d.deal ? (d.frontier.gap > 0 ? `; the deal was not one of them, ${d.frontier.gap} points short for every party` : ', and the deal was one of them') : ''}.`,
    ],
    [
      'Nash bargaining point',
      d.nash
        ? `A fair compromise by one classic rule: the package that maximises the product of every party's gain over its walk-away value. Here it gave Ukraine ${d.nash.utilities.ukraine} and Russia ${d.nash.utilities.russia}, against walk-away values of ${wa(u)} and ${wa(r)}.`
        : 'A fair compromise by one classic rule: the package that maximises the product of every party’s gain over its walk-away value. Here no package gave every party a gain, so there was none.',
    ],
  ];
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'ideas-h' },
    h('h2', { id: 'ideas-h', class: 'panel-title' }, 'The ideas behind these numbers'),
    h('dl', { class: 'facts' }, ...ideas.map(([term, text]) => h('div', null, h('dt', null, term), h('dd', null, text)))),
    h(
      'p',
      { class: 'hint' },
      "Scores and utilities are each party's own scale: compare a party with its walk-away value, not with another party.",
    ),
  );
}
