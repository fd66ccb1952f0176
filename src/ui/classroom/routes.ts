import './classroom.css';
import type { App, Route, Screen } from '../app';
import { isCode, normalizeCode } from './api';
import { comparisonScreen } from './screens/comparison';
import { consoleScreen } from './screens/console';
import { joinScreen } from './screens/join';
import { lobbyScreen } from './screens/lobby';
import { teacherSetupScreen } from './screens/teacher-setup';
import { latestSeat, teacherSession } from './store';

/**
 * Classroom mode's screens, under one route: a team joins a table (`?join=CODE`, the link and QR code
 * the teacher hands out) and then plays on the ordinary table screen; the teacher creates a session,
 * watches the lobby, runs each table from its console and compares the tables. Each has its address
 * (`./join`, `?join=…`, `./teach`, `?teach=…`, see ../address.ts), so a reload comes back to the same place.
 */
export type ClassroomView =
  | { kind: 'join'; code?: string; notice?: string }
  | { kind: 'teacher-setup' }
  | { kind: 'lobby' }
  | { kind: 'console'; code: string }
  | { kind: 'comparison' };

export function registerClassroom(app: App): void {
  app.register('classroom', (a, route) => classroomScreen(a, route));
}

function classroomScreen(app: App, route: Route): Screen {
  const view: ClassroomView = route.name === 'classroom' ? route.view : { kind: 'join' };
  switch (view.kind) {
    case 'join':
      return joinScreen(app, view.code, view.notice);
    case 'teacher-setup':
      return teacherSetupScreen(app);
    case 'lobby':
      return lobbyScreen(app);
    case 'console':
      return consoleScreen(app, view.code);
    case 'comparison':
      return comparisonScreen(app);
  }
}

/** The classroom screen a link or a reload asks for, or null for the rest of the game. */
export function classroomRouteFromUrl(params: URLSearchParams, pathname = ''): Route | null {
  const join = params.get('join');
  if (join !== null) {
    const code = normalizeCode(join.slice(0, 20));
    return { name: 'classroom', view: { kind: 'join', code: isCode(code) ? code : undefined } };
  }
  const teach = params.get('teach');
  if (teach !== null && teacherSession()) {
    const table = normalizeCode(params.get('table') ?? '');
    if (teach === 'console' && isCode(table)) return { name: 'classroom', view: { kind: 'console', code: table } };
    if (teach === 'compare') return { name: 'classroom', view: { kind: 'comparison' } };
    return { name: 'classroom', view: { kind: 'lobby' } };
  }
  if (pathname.endsWith('/join')) return { name: 'classroom', view: { kind: 'join' } };
  if (pathname.endsWith('/teach')) return { name: 'classroom', view: { kind: 'teacher-setup' } };
  return null;
}

/** The two menu entries: for a team (join, or back to its table) and for the teacher. */
export function classroomMenuEntries(app: App): { label: string; detail: string; go: () => void }[] {
  const seat = latestSeat();
  const teacher = teacherSession();
  return [
    {
      label: 'Join a classroom',
      detail: seat
        ? `Type your table’s code, or go back to table ${seat.code}`
        : 'Type the code your teacher gives you, and take your team’s seat',
      go: () => app.go({ name: 'classroom', view: { kind: 'join' } }),
    },
    {
      label: 'Run a classroom',
      detail: teacher
        ? 'Back to your session’s tables, or start a new session'
        : 'For teachers: four teams at their own devices, parallel tables',
      go: () => app.go({ name: 'classroom', view: teacher ? { kind: 'lobby' } : { kind: 'teacher-setup' } }),
    },
  ];
}
