import { PARTY_NAMES, type Package, type PartyId, type TermId } from '../../core';
import type { App, Screen } from '../app';
import { cardText, describeOutcome } from '../../narrate';
import { entryReason, entryText } from '../format';
import { announce } from '../announce';
import { button, h, render } from '../dom';
import { startingPackage } from '../packages';
import { setTutorialStep, tutorialStep } from '../save';
import type { PlayerIntent, SessionChange } from '../session';
import { settings, updateSettings } from '../settings';
import { cueAgreement, cueEvent, cueYourMove } from '../sound';
import { showMap, stage } from '../stage';
import { eventCard, mapSlot, metersRow, updateMapFigure } from '../widgets/board';
import { briefGlance, openBriefDialog } from '../widgets/brief';
import { coachPanel, EXPECT_WORDS } from '../widgets/coach';
import { keepLogAtBottom, logIsAtBottom, logPanel } from '../widgets/log';
import { movesPanel } from '../widgets/moves';
import { partiesPanel } from '../widgets/parties';
import { tableHead } from '../widgets/table-head';
import { termEditor, type EditorState } from '../widgets/term-editor';
import { termSheet } from '../widgets/term-sheet';
import { openSettingsDialog } from './settings';

const OUTCOME_TITLES = {
  agreement: 'Agreement signed',
  breakdown: 'The talks broke down',
  deadline: 'Deadline reached without agreement',
} as const;

/**
 * The negotiation table: parties on the left, the map, the latest event, the meters and the record in
 * the centre, the term sheet and the player's moves on the right. Every part re-renders from the
 * player's view after each move; focus and the log's scroll position survive the re-render.
 */
export function tableScreen(app: App): Screen {
  const session = app.session!;
  const level = session.level;
  const me: PartyId = session.human;
  let editor: EditorState | null = null;
  let reason = '';
  let coachStep = session.isTutorial ? tutorialStep() : Number.MAX_SAFE_INTEGER;
  let lastSaveError: string | null = null;

  const parent = session.table.record().parent;
  const hotSeat = session.humans.length > 1;
  const headNote =
    parent || hotSeat
      ? `${parent ? `Branch from step ${parent.step}` : ''}${parent && hotSeat ? ' · ' : ''}${hotSeat ? `hot seat: ${PARTY_NAMES[me]}` : ''}`
      : null;
  const head = h('div', { class: 'head-slot' });
  const left = h('div', { class: 'col col-left' });
  const figure = mapSlot(session.view(), level);
  const eventSlot = h('div', { class: 'event-slot' });
  const boardTop = h('div', { class: 'board-top' }, figure, eventSlot);
  const meters = h('div', { class: 'meters-slot' });
  const log = h('div', { class: 'table-log' });
  const right = h('div', { class: 'col col-right' });
  const el = h(
    'main',
    { class: 'screen table-screen', 'aria-labelledby': 'table-h1' },
    h('h1', { id: 'table-h1', class: 'sr-only' }, `${level.title}: negotiating as ${PARTY_NAMES[me]}`),
    head,
    h('div', { class: 'table-grid' }, left, h('div', { class: 'col col-center' }, boardTop, meters, log), right),
  );

  const act = (intent: PlayerIntent) => {
    const result = session.act(intent);
    if (!result.ok) refuse(result.error);
    return result.ok;
  };
  const refuse = (text: string) => {
    reason = text;
    announce(text, 'assertive');
    renderRight();
  };

  const renderHead = () =>
    render(
      head,
      tableHead(
        session.view(),
        {
          brief: () => openBriefDialog(session.view().brief!, level),
          settings: () => openSettingsDialog(),
          toggleSound: () => {
            updateSettings({ sound: !settings().sound });
            renderHead();
          },
          menu: () => app.go({ name: 'menu' }),
        },
        headNote,
      ),
      // At a classroom table: which table, the turn timer and the connection, under the head.
      session.classroom?.strip,
    );

  const renderLeft = () => {
    const view = session.view();
    const coach = coachPanel(level, coachStep, { go: goStep, finish: () => goStep(Number.MAX_SAFE_INTEGER) }, coachHint());
    render(left, coach, partiesPanel(view, level, me));
  };

  const renderCentre = () => {
    const view = session.view();
    const atBottom = logIsAtBottom(log);
    updateMapFigure(figure, view, level);
    render(eventSlot, eventCard(view));
    render(meters, metersRow(view));
    render(log, logPanel(view, me));
    keepLogAtBottom(log, atBottom);
    showMap(figure.querySelector<HTMLElement>('[data-map-slot]')!, {
      pkg: view.table?.terms ?? null,
      activeTerms: level.activeTerms,
      tension: view.meters.tension,
      agreed: false,
    });
  };

  const renderRight = () => {
    const view = session.view();
    if (session.isOver()) {
      const o = view.outcome!;
      render(
        right,
        termSheet(view, level, me),
        h(
          'section',
          { class: 'panel moves-over', 'aria-labelledby': 'over-h' },
          h('h2', { id: 'over-h', class: 'panel-title' }, OUTCOME_TITLES[o.kind]),
          h('p', null, describeOutcome(o)),
          button('Open the debrief', () => app.go({ name: 'outcome' }), { class: 'primary big', 'data-key': 'open-debrief' }),
        ),
      );
      return;
    }
    if (view.phase === 'briefing') {
      render(
        right,
        h(
          'section',
          { class: 'panel moves is-turn', 'aria-labelledby': 'brief-h' },
          h('h2', { id: 'brief-h', class: 'panel-title' }, 'Briefing'),
          h(
            'p',
            null,
            `You represent ${PARTY_NAMES[me]}. Read your private brief: what you care about, your walk-away value and your red lines. Then open the talks.`,
          ),
          briefGlance(view.brief!, level),
          h(
            'div',
            { class: 'move-row' },
            button('Read your brief', () => openBriefDialog(session.view().brief!, level), { 'data-key': 'read-brief' }),
            session.classroom
              ? h('p', { class: 'hint' }, session.classroom.briefingNote)
              : button('Open the talks', () => act({ type: 'game.start' }), { class: 'primary', 'data-key': 'open-talks' }),
          ),
        ),
      );
      return;
    }
    if (editor && session.isMyTurn()) {
      render(
        right,
        termEditor(
          session,
          editor,
          {
            submit: (pkg: Package, note: string) => {
              const kind = editor!.kind;
              const intent = (note ? { type: kind, package: pkg, note } : { type: kind, package: pkg }) as PlayerIntent;
              reason = '';
              if (act(intent)) editor = null;
            },
            cancel: () => {
              editor = null;
              renderRight();
              right.querySelector<HTMLElement>('[data-key^="move-"]')?.focus();
            },
          },
          renderRight,
        ),
      );
      return;
    }
    editor = null;
    render(
      right,
      termSheet(view, level, me),
      movesPanel(
        session,
        {
          act: (intent) => {
            reason = '';
            act(intent);
          },
          edit: (kind) => {
            const view2 = session.view();
            editor = {
              kind,
              draft: { ...startingPackage(level, view2, me, kind) } as Record<TermId, string>,
              note: '',
            };
            reason = '';
            renderRight();
            right.querySelector<HTMLElement>('select')?.focus();
          },
          refuse,
        },
        reason,
      ),
    );
  };

  const renderAll = () => {
    renderHead();
    renderLeft();
    renderCentre();
    renderRight();
  };

  function coachHint(): string | null {
    const step = level.tutorial?.[coachStep];
    if (step?.expect && session.table.state.phase === 'briefing') return 'First open the talks: the button is on the right.';
    if (!step?.expect || !session.isMyTurn()) return null;
    const table = session.view().table;
    if (step.expect === 'party.counter' && !table)
      return 'There is no package on the table right now: pass, and counter when another party tables one.';
    if (step.expect === 'party.propose' && table)
      return 'A package is already on the table: you can counter it instead, or skip this step.';
    return null;
  }

  function goStep(step: number): void {
    coachStep = step;
    setTutorialStep(step);
    const s = level.tutorial?.[step];
    if (s)
      announce(`Tutorial step ${step + 1}: ${s.title}. ${s.text}${s.expect ? ` Your task: ${EXPECT_WORDS[s.expect] ?? s.expect}.` : ''}`);
    renderLeft();
    if (step >= (level.tutorial?.length ?? 0)) left.querySelector<HTMLElement>('h2')?.focus();
    else left.querySelector<HTMLElement>('.coach button.primary, .coach button')?.focus();
  }

  const onChange = (change: SessionChange) => {
    for (const e of change.entries) {
      if (e.by === 'events') continue;
      const why = entryReason(level, e);
      announce(e.by === me || !why ? entryText(level, e) : `${entryText(level, e)} ${why}`);
    }
    if (change.event) {
      const card = cardText(level, change.event);
      announce(`Event, round ${change.event.round}: ${card.title}. ${card.text}`);
      stage.pulse += 1;
      cueEvent();
    }
    const step = level.tutorial?.[coachStep];
    if (step?.expect && change.by === me && change.intent?.type === step.expect) {
      coachStep += 1;
      setTutorialStep(coachStep);
      const next = level.tutorial?.[coachStep];
      if (next) announce(`Tutorial step ${coachStep + 1}: ${next.title}.`);
    }
    if (session.isOver()) {
      const o = session.view().outcome!;
      announce(`The talks are over. ${OUTCOME_TITLES[o.kind]}. ${describeOutcome(o)}`);
      if (o.kind === 'agreement') cueAgreement();
    } else if (session.isMyTurn() && change.by !== me) {
      announce(`Your move, round ${session.view().round}.`);
      cueYourMove();
    }
    if (session.saveError && session.saveError !== lastSaveError) announce(session.saveError, 'assertive');
    lastSaveError = session.saveError;
    if (session.human !== me && !session.isOver()) {
      // Hot seat: the next human seat takes over the screen (and sees only its own brief).
      announce(`${PARTY_NAMES[session.human]}'s move: the table now shows ${PARTY_NAMES[session.human]}'s view.`);
      app.go({ name: 'table' });
      return;
    }
    renderAll();
  };

  const unsubscribe = session.subscribe(onChange);
  renderAll();
  session.runComputers();
  return {
    el,
    title: level.title,
    dispose: () => {
      unsubscribe();
      session.pause();
    },
  };
}
