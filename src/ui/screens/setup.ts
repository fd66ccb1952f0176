import { DIFFICULTIES, PARTY_IDS, PARTY_NAMES, isPartyId, type Difficulty, type PartyId } from '../../core';
import { MAIN_LEVEL_ID, builtinLevels } from '../../content/levels';
import { MAX_SEED_LENGTH, short } from '../address';
import type { App, Route, Screen } from '../app';
import { button, h } from '../dom';
import { radioCard } from '../widgets/radio-card';
import { emblem } from '../palette';
import { clearSave } from '../save';
import { cleanSeed, randomSeed } from '../seed';
import { GameSession } from '../session';

const DIFFICULTY_TEXT: Record<Difficulty, string> = {
  easy: 'Clumsy negotiators: they hold out too long, reject often and misjudge what others can sign.',
  normal: 'They concede steadily, respect each other’s public limits and sometimes stall or escalate.',
  hard: 'Skilled negotiators: they trade where it costs them least, time their concessions and close before the deadline.',
};

/** New game: scenario, party, difficulty and the seed (random, editable, shareable). */
export function setupScreen(app: App, route: Route): Screen {
  const choice = route.name === 'setup' ? (route.choice ?? {}) : {};
  const scenarios = builtinLevels()
    .filter((l) => l.level.kind === 'scenario')
    .map((l) => l.level);
  const levelId = scenarios.some((l) => l.id === choice.levelId) ? choice.levelId! : MAIN_LEVEL_ID;
  // What a link asked for that the game does not have: said above the form, never dropped silently.
  const problems = [...(route.name === 'setup' ? (route.problems ?? []) : [])];
  if (choice.levelId !== undefined && choice.levelId !== levelId)
    problems.unshift(
      `The link names a scenario “${short(choice.levelId)}” that the game does not have: the form shows ${scenarios.find((l) => l.id === levelId)?.title ?? 'the main scenario'} instead.`,
    );
  const party: PartyId = choice.party && isPartyId(choice.party) ? choice.party : 'ukraine';
  const difficulty: Difficulty = choice.difficulty && DIFFICULTIES.includes(choice.difficulty) ? choice.difficulty : 'normal';

  const seedInput = h('input', {
    id: 'seed',
    name: 'seed',
    type: 'text',
    maxlength: 64,
    autocomplete: 'off',
    spellcheck: 'false',
    // A seed from a link is shown whole, even beyond the limit: the form refuses it, never cuts it.
    value: choice.seed?.trim() || randomSeed(),
    'aria-describedby': 'seed-hint',
  });
  const error = h('p', { class: 'form-error', role: 'alert' });

  const form = h(
    'form',
    { class: 'setup-form', novalidate: true },
    h(
      'fieldset',
      { class: 'setup-levels' },
      h('legend', null, 'Scenario'),
      ...scenarios.map((l) =>
        radioCard('level', l.id, l.id === levelId, l.title, l.summary, `${l.rounds} rounds · ${l.activeTerms.length} terms`),
      ),
    ),
    h(
      'fieldset',
      { class: 'setup-parties' },
      h('legend', null, 'Your party'),
      ...PARTY_IDS.map((p) =>
        radioCard(
          'party',
          p,
          p === party,
          h('span', { class: 'with-emblem' }, emblem(p), PARTY_NAMES[p]),
          firstSentence(scenarios[0].parties[p].publicPosition),
        ),
      ),
    ),
    h(
      'fieldset',
      { class: 'setup-difficulty' },
      h('legend', null, 'Computer parties'),
      ...DIFFICULTIES.map((d) => radioCard('difficulty', d, d === difficulty, d[0].toUpperCase() + d.slice(1), DIFFICULTY_TEXT[d])),
    ),
    h(
      'div',
      { class: 'setup-seed' },
      h('label', { for: 'seed', class: 'field-label' }, 'Seed'),
      h(
        'div',
        { class: 'seed-row' },
        seedInput,
        button('New seed', () => {
          seedInput.value = randomSeed();
          seedInput.focus();
        }),
      ),
      h(
        'p',
        { id: 'seed-hint', class: 'hint' },
        'The same scenario, party, difficulty and seed always give the same game. Share the seed to compare.',
      ),
    ),
    error,
    h(
      'div',
      { class: 'setup-actions' },
      h('button', { type: 'submit', class: 'primary big' }, 'Start the talks'),
      button('Back to the menu', () => app.go({ name: 'menu' }), { class: 'quiet' }),
    ),
  );

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const typed = String(data.get('seed') ?? '').trim();
    if (typed.length > MAX_SEED_LENGTH) {
      error.textContent = `A seed has at most ${MAX_SEED_LENGTH} characters; this one has ${typed.length}. Shorten it, or press “New seed”.`;
      seedInput.focus();
      return;
    }
    const seed = cleanSeed(typed);
    if (!seed) {
      error.textContent = 'Enter a seed, or press “New seed” for a random one.';
      seedInput.focus();
      return;
    }
    const level = scenarios.find((l) => l.id === data.get('level')) ?? scenarios[0];
    const p = String(data.get('party'));
    const d = String(data.get('difficulty')) as Difficulty;
    clearSave();
    app.play(GameSession.start(level, seed, isPartyId(p) ? p : 'ukraine', DIFFICULTIES.includes(d) ? d : 'normal'));
  });

  const el = h(
    'main',
    { class: 'screen screen-page setup-screen', 'aria-labelledby': 'setup-h1' },
    h(
      'header',
      { class: 'screen-head' },
      h('p', { class: 'eyebrow' }, 'Buffer Zone'),
      h('h1', { id: 'setup-h1' }, 'New game'),
      problems.length
        ? h(
            'div',
            { class: 'notice', role: 'alert' },
            h('h2', null, 'This link could not be followed exactly'),
            ...problems.map((text) => h('p', null, text)),
          )
        : null,
      app.save.kind === 'ok' && !app.save.table.state.context.outcome
        ? h('p', { class: 'hint' }, 'Starting a new game replaces the game in progress.')
        : null,
    ),
    form,
  );
  return { el, title: 'New game' };
}

function firstSentence(text: string): string {
  const m = text.match(/^.*?[.!?](\s|$)/);
  return (m ? m[0] : text).trim();
}
