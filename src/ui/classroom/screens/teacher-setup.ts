import { DIFFICULTIES, type Difficulty } from '../../../core';
import { MAIN_LEVEL_ID, builtinLevels } from '../../../content/levels';
import type { App, Screen } from '../../app';
import { button, h } from '../../dom';
import { radioCard } from '../../widgets/radio-card';
import { lessonGuideButton } from '../../guide/open-lesson-guide';
import { cleanSeed } from '../../seed';
import { createSession } from '../api';
import { closeHub } from '../teacher-hub';
import { rememberTeacherSession, teacherSession } from '../store';
import { minutes } from '../words';

const TIMER_CHOICES = [0, 60, 120, 180, 300, 600];

const DIFFICULTY_TEXT: Record<Difficulty, string> = {
  easy: 'Empty seats play clumsily: they hold out too long, reject often and misjudge what others can sign.',
  normal: 'Empty seats concede steadily and sometimes stall or escalate.',
  hard: 'Empty seats play skilfully: they trade where it costs them least and close before the deadline.',
};

/** The teacher's first step: scenario, seed, parallel tables, turn timer, computer players. */
export function teacherSetupScreen(app: App): Screen {
  const scenarios = builtinLevels()
    .filter((l) => l.level.kind === 'scenario')
    .map((l) => l.level);
  const existing = teacherSession();

  const seedInput = h('input', {
    id: 'cr-seed',
    name: 'seed',
    type: 'text',
    maxlength: 64,
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'Leave empty for one no student can guess',
    'aria-describedby': 'cr-seed-hint',
  });
  const error = h('p', { class: 'form-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary big' }, 'Create the session');

  const form = h(
    'form',
    { class: 'cr-setup-form', novalidate: true },
    h(
      'fieldset',
      { class: 'cr-levels' },
      h('legend', null, 'Scenario'),
      ...scenarios.map((l) => radioCard('level', l.id, l.id === MAIN_LEVEL_ID, l.title, `${l.rounds} rounds · ${l.summary}`)),
    ),
    h(
      'div',
      { class: 'cr-options' },
      h('label', { for: 'cr-tables', class: 'field-label' }, 'Parallel tables'),
      h(
        'select',
        { id: 'cr-tables', name: 'tables', 'aria-describedby': 'cr-tables-hint' },
        ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) =>
          h('option', { value: n, selected: n === 2 }, `${n} ${n === 1 ? 'table' : 'tables'} (${n * 4} teams)`),
        ),
      ),
      h(
        'p',
        { id: 'cr-tables-hint', class: 'hint' },
        'Every table plays the same seed, so the same events: compare them side by side in the debrief.',
      ),
      h('label', { for: 'cr-timer', class: 'field-label' }, 'Time for each move'),
      h(
        'select',
        { id: 'cr-timer', name: 'turnSeconds', 'aria-describedby': 'cr-timer-hint' },
        ...TIMER_CHOICES.map((s) => h('option', { value: s, selected: s === 180 }, s === 0 ? 'No timer' : minutes(s))),
      ),
      h(
        'p',
        { id: 'cr-timer-hint', class: 'hint' },
        'When a team’s time runs out it passes. You can pause the talks or add time from the console.',
      ),
      h('label', { for: 'cr-seed', class: 'field-label' }, 'Seed'),
      seedInput,
      h(
        'p',
        { id: 'cr-seed-hint', class: 'hint' },
        'The seed decides the events. Left empty, the server draws one; it is shown with the debrief, so the class can replay the same talks later. Keep a seed you type away from the projector: with it, a student could foresee the events.',
      ),
      h('label', { for: 'cr-briefs', class: 'field-label' }, 'Briefs'),
      h(
        'select',
        { id: 'cr-briefs', name: 'briefs', 'aria-describedby': 'cr-briefs-hint' },
        h('option', { value: 'drawn', selected: true }, 'Drawn for this session'),
        h('option', { value: 'as-written' }, 'As written in the scenario'),
      ),
      h(
        'p',
        { id: 'cr-briefs-hint', class: 'hint' },
        'Drawn: each party’s walk-away value, priorities and some red lines are drawn within the scenario’s ranges, so no team can look up another’s brief by playing the scenario alone. The debrief shows what was drawn.',
      ),
      error,
      h(
        'div',
        { class: 'setup-actions' },
        submit,
        button('Back to the menu', () => app.go({ name: 'menu' }), { class: 'quiet' }),
      ),
    ),
    h(
      'fieldset',
      { class: 'cr-difficulty' },
      h('legend', null, 'Computer players for empty seats'),
      ...DIFFICULTIES.map((d) => radioCard('difficulty', d, d === 'normal', d[0].toUpperCase() + d.slice(1), DIFFICULTY_TEXT[d])),
    ),
  );

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const seed = cleanSeed(String(data.get('seed') ?? ''));
    const difficulty = String(data.get('difficulty')) as Difficulty;
    submit.disabled = true;
    error.textContent = '';
    const created = await createSession({
      levelId: String(data.get('level') ?? MAIN_LEVEL_ID),
      ...(seed ? { seed } : {}),
      briefs: data.get('briefs') === 'as-written' ? 'as-written' : 'drawn',
      tables: Number(data.get('tables')) || 1,
      turnSeconds: Number(data.get('turnSeconds')) || 0,
      difficulty: DIFFICULTIES.includes(difficulty) ? difficulty : 'normal',
    });
    submit.disabled = false;
    if (!created.ok) {
      error.textContent = `The session could not be created. ${created.error}`;
      return;
    }
    const s = created.value;
    closeHub();
    rememberTeacherSession({
      sessionId: s.sessionId,
      teacherToken: s.teacherToken,
      levelId: s.levelId,
      seed: s.seed,
      codes: s.tables.map((t) => t.code),
      created: new Date().toISOString(),
    });
    app.go({ name: 'classroom', view: { kind: 'lobby' } });
  });

  const el = h(
    'main',
    { class: 'screen cr-screen cr-setup', 'aria-labelledby': 'cr-setup-h1' },
    h(
      'header',
      { class: 'screen-head' },
      h('p', { class: 'eyebrow' }, 'Classroom'),
      h('h1', { id: 'cr-setup-h1' }, 'Run a classroom'),
      h(
        'p',
        { class: 'lede' },
        'Four teams — Ukraine, Russia, the United States and the Coalition — each at its own device, each with a private brief. You run the talks from a console: timer, events, injects, the end and the debrief.',
      ),
      h(
        'p',
        { class: 'hint' },
        'Planning the lesson? The lesson guide has objectives, a pre-reading, 45- and 90-minute plans, roles for 8–32 students, a debrief script and an assessment, ready to print. ',
        lessonGuideButton({ class: 'quiet' }),
      ),
      existing
        ? h(
            'div',
            { class: 'notice' },
            h(
              'p',
              null,
              `Your last session (seed ${existing.seed}, ${existing.codes.length} ${existing.codes.length === 1 ? 'table' : 'tables'}) is still open.`,
            ),
            h(
              'div',
              { class: 'move-row' },
              button('Back to that session', () => app.go({ name: 'classroom', view: { kind: 'lobby' } }), { class: 'primary-soft' }),
            ),
          )
        : null,
    ),
    form,
  );
  return { el, title: 'Run a classroom' };
}
