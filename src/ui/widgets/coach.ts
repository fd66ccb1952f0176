import type { Level } from '../../core';
import { MOVE_WORDS } from '../../narrate';
import { button, h } from '../dom';

/**
 * The tutorial coach: one step of `level.tutorial` at a time. A step with `expect` waits for the
 * player to make that move; it can always be skipped, so nobody is ever stuck on a step.
 */
/** The coach names a step's move in the registry's own words (`src/narrate/moves.ts`). */
export const EXPECT_WORDS: Record<string, string> = MOVE_WORDS;

export interface CoachHandlers {
  go(step: number): void;
  finish(): void;
}

export function coachPanel(level: Level, step: number, handlers: CoachHandlers, hint: string | null): HTMLElement | null {
  const steps = level.tutorial ?? [];
  if (step >= steps.length) return null;
  const s = steps[step];
  const last = step === steps.length - 1;
  return h(
    'section',
    { class: 'coach', 'aria-labelledby': 'coach-h' },
    h('p', { class: 'eyebrow' }, `Tutorial · step ${step + 1} of ${steps.length}`),
    h('h2', { id: 'coach-h' }, s.title),
    h('p', null, s.text),
    s.expect ? h('p', { class: 'coach-todo' }, h('strong', null, 'Your task: '), EXPECT_WORDS[s.expect] ?? s.expect, '.') : null,
    s.expect && hint ? h('p', { class: 'hint' }, hint) : null,
    h(
      'div',
      { class: 'move-row' },
      step > 0 ? button('Back', () => handlers.go(step - 1), { 'data-key': 'coach-back', class: 'quiet' }) : null,
      last
        ? button('Finish tutorial', handlers.finish, { class: 'primary', 'data-key': 'coach-finish' })
        : s.expect
          ? button('Skip this step', () => handlers.go(step + 1), { 'data-key': 'coach-skip', class: 'quiet' })
          : button('Next tip', () => handlers.go(step + 1), { class: 'primary', 'data-key': 'coach-next' }),
    ),
  );
}
