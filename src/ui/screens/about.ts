import {
  PARTY_IDS,
  PARTY_NAMES,
  TERMS,
  formatThousands,
  optionLabel,
  type Assumption,
  type Level,
  type Source,
  type TermId,
} from '../../core';
import { builtinLevels } from '../../content/levels';
import type { App, Screen } from '../app';
import { button, h } from '../dom';
import { emblem } from '../palette';
import { lessonGuideButton } from '../guide/open-lesson-guide';
import { assumptionLabel, sourcedLabel } from '../widgets/assumption-label';

/** Where in a level each source card or assumption is cited, in words: id → places. */
function citedBy(level: Level): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (ids: readonly string[], place: string) => {
    for (const id of ids) out.set(id, [...(out.get(id) ?? []), place]);
  };
  add(level.cite ?? [], 'the scenario’s summary');
  add(level.coalition.cite, `the Coalition’s troop ceiling (${formatThousands(level.coalition.maxTroops)})`);
  add(level.casualtiesPerRound.cite, 'the war’s toll per round');
  for (const p of PARTY_IDS) {
    const party = level.parties[p];
    add(party.cite, `${PARTY_NAMES[p]}: public position and brief`);
    for (const [t, ids] of Object.entries(party.demandCites ?? {})) {
      const option = party.publicDemands[t as TermId];
      if (option) add(ids, `${PARTY_NAMES[p]}’s public demand: ${TERMS[t as TermId].label}, ${optionLabel(t as TermId, option)}`);
    }
  }
  for (const e of level.events) add(e.cite, `event “${e.title}”`);
  for (const e of level.injects) add(e.cite, `inject “${e.title}”`);
  return out;
}

/** A level path or rule named by an assumption, in words where there is a plain name for it. */
function fieldName(path: string): string {
  const named: Record<string, string> = {
    rounds: 'the number of rounds',
    'coalition.maxTroops': 'the Coalition’s troop ceiling',
    'casualtiesPerRound.base': 'the war’s toll per round',
    'meters.tension': 'starting tension',
    'meters.trust': 'starting trust',
    'meters.domesticSupport': 'starting domestic support',
    'meters.usEngagement': 'starting US engagement',
    'meters.coalitionCapacity': 'the Coalition’s starting capacity',
    'parties.*.walkAway': 'every walk-away value',
    'parties.*.interests': 'every party’s interests (weights and values)',
    'parties.*.redLines': 'every red line',
    'parties.*.publicDemands': 'the options shown as public demands',
    'rule:troops-per-km': 'rule: troops per km of zone',
    'rule:term-options': 'rule: the options of each term',
    'rule:durability': 'rule: the durability estimate',
    'rule:move-effects': 'rule: what each move does',
    'rule:us-support-ceiling': 'rule: the engagement each level of US support needs',
    'rule:war-toll': 'rule: the toll of fighting and of escalation',
  };
  if (named[path]) return named[path];
  const party = /^parties\.(ukraine|russia|us|coalition)\.(.+)$/.exec(path);
  if (party) return `${PARTY_NAMES[party[1] as keyof typeof PARTY_NAMES]}: ${party[2].replace(/\./g, ' › ')}`;
  if (path.startsWith('events.*') || path.startsWith('injects.*'))
    return `every ${path.startsWith('events') ? 'event' : 'inject'}’s ${path.split('.')[2]}`;
  return path;
}

function citedList(places: { level: string; places: string[] }[], all: number): HTMLElement | null {
  const count = places.reduce((n, p) => n + p.places.length, 0);
  if (count === 0) return null;
  return h(
    'details',
    { class: 'cited-by' },
    h('summary', null, `Cited by ${count} ${count === 1 ? 'place' : 'places'}`),
    h('ul', null, ...places.flatMap(({ level, places: ps }) => ps.map((place) => h('li', null, all > 1 ? `${level}: ${place}` : place)))),
  );
}

/**
 * About and sources: what the game models, the scenarios, the source cards with their quotations and
 * what cites them, and the game's own assumptions with their reasons.
 */
export function aboutScreen(app: App): Screen {
  const levels = builtinLevels().map((l) => l.level);
  const citations = new Map(levels.map((l) => [l.id, citedBy(l)]));
  const sources = new Map<string, { source: Source; levels: Level[] }>();
  const assumptions = new Map<string, { assumption: Assumption; levels: Level[] }>();
  for (const l of levels) {
    for (const s of l.sources) {
      const entry = sources.get(s.id) ?? { source: s, levels: [] };
      entry.levels.push(l);
      sources.set(s.id, entry);
    }
    // An assumption whose wording differs between scenarios (their starting meters) is listed once per wording.
    for (const a of l.assumptions ?? []) {
      const key = `${a.id}\n${a.text}`;
      const entry = assumptions.get(key) ?? { assumption: a, levels: [] };
      entry.levels.push(l);
      assumptions.set(key, entry);
    }
  }
  const placesOf = (id: string, used: Level[]) => used.map((l) => ({ level: l.title, places: citations.get(l.id)?.get(id) ?? [] }));

  const el = h(
    'main',
    { class: 'screen screen-page about-screen', 'aria-labelledby': 'about-h1' },
    h(
      'header',
      { class: 'screen-head' },
      h('p', { class: 'eyebrow' }, 'Buffer Zone'),
      h('h1', { id: 'about-h1' }, 'About and sources'),
      button('Back to the menu', () => app.go({ name: 'menu' }), { class: 'quiet' }),
    ),
    h(
      'div',
      { class: 'about-grid' },
      h(
        'section',
        { class: 'panel', 'aria-labelledby': 'what-h' },
        h('h2', { id: 'what-h', class: 'panel-title' }, 'What the game models'),
        h(
          'p',
          null,
          'Four parties negotiate a post-war settlement for Ukraine. Each has a public position and a private brief: weighted interests over the terms of a deal, a walk-away value (what it expects without a deal) and red lines. A package is signed when all four accept it.',
        ),
        h('ul', { class: 'about-keys' }, ...PARTY_IDS.map((p) => h('li', null, emblem(p), ` ${PARTY_NAMES[p]}`))),
        h('h3', null, 'Moves'),
        h(
          'p',
          null,
          'On your turn you can propose a package or counter the one on the table, accept or reject it, make a public statement, pass or walk out. Each party also has its own moves: Ukraine can demand defined guarantees, the United States can offer air support (never ground troops), the Coalition can pledge peacekeepers, and Russia can escalate or stall.',
        ),
        h('h3', null, 'Events and seeds'),
        h(
          'p',
          null,
          'Between rounds a seeded event arrives — a strike, stalling, a shift in Washington. How likely each is depends on tension and trust. The same seed always produces the same events, so a game can be replayed exactly and discussed.',
        ),
        h('h3', null, 'Scores'),
        h(
          'p',
          null,
          'Each party is scored by the value of the outcome to it minus its walk-away value. A signed deal also gets a durability estimate: is the ceasefire real, is the zone policed by enough troops with a mandate to enforce it, and is there a backstop?',
        ),
        h('h3', null, 'Where the game departs from the reports'),
        h(
          'p',
          null,
          'The reports say the United States has so far stayed out of the European talks on a buffer zone. The game gives it a seat at the table so that its reported positions on guarantees, air support and arms are terms of one package. The numbers that make the talks playable — interests, walk-away values, meters, event odds — are the game’s own and are listed below as game assumptions.',
        ),
        h('h3', null, 'For teachers'),
        h(
          'p',
          null,
          'A lesson guide with learning objectives, a one-page pre-reading built from the source cards, plans for 45 and 90 minutes, roles for classes of 8 to 32, a debrief script and an assessment. It opens as a page of its own, ready to print.',
        ),
        lessonGuideButton({ class: 'quiet' }),
      ),
      h(
        'section',
        { class: 'panel', 'aria-labelledby': 'levels-h' },
        h('h2', { id: 'levels-h', class: 'panel-title' }, 'Scenarios'),
        ...levels.map((l) =>
          h(
            'article',
            { class: 'level-card' },
            h('h3', null, l.title),
            h(
              'p',
              { class: 'card-meta' },
              `${l.kind === 'tutorial' ? 'Tutorial' : 'Scenario'} · ${l.rounds} rounds · ${l.activeTerms.length} terms · ${l.events.length} possible events`,
            ),
            h('p', null, l.summary),
          ),
        ),
      ),
    ),
    h(
      'section',
      { class: 'sources', 'aria-labelledby': 'sources-h' },
      h('h2', { id: 'sources-h' }, 'Source cards'),
      h(
        'p',
        { class: 'hint' },
        'Every figure and position taken from the two reports cites one of these cards. Each card quotes a report word for word (… marks words left out) and says who is speaking: the report’s own analysis, a named person, or an outlet it cites. Positions are given as reported; they are not the game’s judgement. Everything else is a game assumption, listed below.',
      ),
      h(
        'ul',
        { class: 'source-grid' },
        ...[...sources.values()].map(({ source, levels: used }) =>
          h(
            'li',
            { class: 'source-card' },
            h('h3', null, source.title),
            h('p', { class: 'publisher' }, source.attribution ? `${source.publisher}, ${source.attribution}` : source.publisher),
            h('blockquote', null, source.quote),
            source.figures?.length
              ? h(
                  'p',
                  { class: 'card-meta about-fields' },
                  sourcedLabel(),
                  'Figures from this card: ',
                  ...source.figures.map((f) => h('code', null, f, ' ')),
                )
              : null,
            source.url ? h('a', { href: source.url, rel: 'noopener noreferrer', target: '_blank' }, 'Read the report') : null,
            used.length < levels.length ? h('p', { class: 'card-meta' }, `Used in: ${used.map((l) => l.title).join(', ')}`) : null,
            citedList(placesOf(source.id, used), levels.length),
          ),
        ),
      ),
    ),
    h(
      'section',
      { class: 'sources', 'aria-labelledby': 'assumptions-h' },
      h('h2', { id: 'assumptions-h' }, 'Game assumptions'),
      h(
        'p',
        { class: 'hint' },
        'The reports give no interests, walk-away values, meters or probabilities, and they do not say what any party would privately accept. What the game needs and the reports do not give is the game’s own, labelled here with its reason and with the fields it covers. In the briefs, these premises follow the words “Game assumptions”.',
      ),
      h(
        'ul',
        { class: 'assumption-list' },
        ...[...assumptions.values()].map(({ assumption, levels: used }) =>
          h(
            'li',
            null,
            h('p', null, assumptionLabel(), assumption.text),
            h('p', { class: 'card-meta about-fields' }, 'Covers: ', assumption.about.map(fieldName).join('; ')),
            used.length < levels.length ? h('p', { class: 'card-meta' }, `In: ${used.map((l) => l.title).join(', ')}`) : null,
            citedList(placesOf(assumption.id, used), levels.length),
          ),
        ),
      ),
    ),
    h(
      'footer',
      { class: 'about-foot' },
      h('p', null, 'All art and sound are generated by the game itself. Free software under the MIT licence.'),
    ),
  );
  return { el, title: 'About and sources' };
}
