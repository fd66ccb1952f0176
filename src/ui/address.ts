import { DIFFICULTIES, isPartyId, type Difficulty, type PartyId } from '../core';
import type { Route, SetupChoice } from './app';
import type { ClassroomView } from './classroom/routes';

/**
 * Every screen's address. The game lives in one folder (the page's own: `/` on `npm start`, or any
 * folder it is copied to) and each screen is one name in it, so a relative asset path (`./assets/…`)
 * works from every address:
 *
 * | screen                 | address                                            |
 * | ---------------------- | -------------------------------------------------- |
 * | menu                   | `./`                                               |
 * | new game               | `./play` (`?level=…&party=…&difficulty=…&seed=…`)  |
 * | the table              | `./table` (a classroom table: `./?join=CODE`)      |
 * | end of the game        | `./outcome`                                        |
 * | about and sources      | `./about`                                          |
 * | replays and debriefs   | `./replays`                                        |
 * | replay viewer          | `./replay#game=…&step=…`                           |
 * | full debrief           | `./debrief#game=…&view=debrief`                    |
 * | comparison, explorer   | `./compare`, `./explore#game=…&step=…`             |
 * | classroom              | `./join`, `./?join=CODE`, `./teach`, `./?teach=lobby`, `./?teach=console&table=CODE`, `./?teach=compare` |
 *
 * The screens with a game in them keep its share link in the fragment (discussion/address.ts). Old
 * links still open: `/?level=…&seed=…` (the new-game form), `/?join=CODE`, `/#game=2.…`.
 */

/** Seeds in links are refused beyond this length rather than cut (the engine takes any text). */
export const MAX_SEED_LENGTH = 64;

const NAMES: Partial<Record<Route['name'], string>> = {
  menu: '',
  setup: 'play',
  table: 'table',
  outcome: 'outcome',
  about: 'about',
  replays: 'replays',
  viewer: 'replay',
  debrief: 'debrief',
  compare: 'compare',
  explorer: 'explore',
};

/** The folder the game is served from, with a trailing slash: the page's address without its screen name. */
export function appBase(pathname = location.pathname): string {
  return pathname.slice(0, pathname.lastIndexOf('/') + 1);
}

function classroomAddress(view: ClassroomView): string {
  switch (view.kind) {
    case 'join':
      return view.code ? `?join=${view.code}` : 'join';
    case 'teacher-setup':
      return 'teach';
    case 'lobby':
      return '?teach=lobby';
    case 'console':
      return `?teach=console&table=${view.code}`;
    case 'comparison':
      return '?teach=compare';
  }
}

function setupAddress(choice: SetupChoice | undefined): string {
  if (!choice?.seed && !choice?.levelId) return 'play';
  const params = new URLSearchParams();
  if (choice.levelId) params.set('level', choice.levelId);
  if (choice.party) params.set('party', choice.party);
  if (choice.difficulty) params.set('difficulty', choice.difficulty);
  if (choice.seed) params.set('seed', choice.seed);
  return `play?${params}`;
}

/**
 * The address of a route, relative to the game's folder (no fragment: the viewer and the debrief add
 * theirs). `tableAddress` is the classroom table's own (`?join=CODE`) when the game is played there.
 */
export function addressOf(route: Route, tableAddress?: string | null): string {
  if (route.name === 'classroom') return classroomAddress(route.view);
  if (route.name === 'setup') return setupAddress(route.choice);
  if (route.name === 'table' && tableAddress) return tableAddress;
  return NAMES[route.name] ?? '';
}

/** What an address asks for, before anything is loaded: the app decides what it can open (app.ts). */
export type AddressRequest =
  | { kind: 'route'; route: Route }
  /** The table or the end of the game: whatever the save in this browser holds. */
  | { kind: 'saved'; want: 'table' | 'outcome' }
  /** A share link in the fragment (`#game=2.…`), opened by the replays module. */
  | { kind: 'game' }
  /** A classroom link (`?join=`, `?teach=`), read by the classroom module. */
  | { kind: 'classroom' }
  /** A screen that needs what only the previous page had in memory (a comparison of two games). */
  | { kind: 'gone'; name: string }
  | { kind: 'unknown'; name: string };

export function readAddress(url: { pathname: string; search: string; hash: string }): AddressRequest {
  const name = decodeURIComponent(url.pathname.slice(url.pathname.lastIndexOf('/') + 1));
  const params = new URLSearchParams(url.search);
  if (params.has('join') || params.has('teach') || name === 'join' || name === 'teach') return { kind: 'classroom' };
  if (url.hash.startsWith('#game=')) return { kind: 'game' };
  if (name === '' || name === 'index.html') {
    // Links made before screens had addresses: `/?level=…&seed=…` opens the new-game form.
    return params.has('seed') || params.has('level')
      ? { kind: 'route', route: setupFromLink(params) }
      : { kind: 'route', route: { name: 'menu' } };
  }
  switch (name) {
    case 'play':
      return { kind: 'route', route: setupFromLink(params) };
    case 'table':
    case 'outcome':
      return { kind: 'saved', want: name };
    case 'about':
      return { kind: 'route', route: { name: 'about' } };
    case 'replays':
    case 'replay':
    case 'debrief':
    case 'explore':
      return { kind: 'route', route: { name: 'replays' } };
    case 'compare':
      return { kind: 'gone', name };
    default:
      return { kind: 'unknown', name };
  }
}

/**
 * The new-game form as a link fills it in. Anything the game does not have is named in `problems`
 * (shown on the form) instead of being dropped silently; `levelId` is checked by the form against
 * the scenarios it offers.
 */
export function setupFromLink(params: URLSearchParams): Route {
  const choice: SetupChoice = {};
  const problems: string[] = [];
  const seed = params.get('seed');
  if (seed !== null) {
    const trimmed = seed.trim();
    if (trimmed.length > MAX_SEED_LENGTH)
      problems.push(
        `The link’s seed is ${trimmed.length} characters long; a seed has at most ${MAX_SEED_LENGTH}. Shorten it below, or press “New seed”.`,
      );
    choice.seed = trimmed;
  }
  const level = params.get('level');
  if (level !== null) choice.levelId = level;
  const party = params.get('party');
  if (party !== null) {
    if (isPartyId(party)) choice.party = party as PartyId;
    else problems.push(`The link names a party “${short(party)}” that the game does not have: choose your party below.`);
  }
  const difficulty = params.get('difficulty');
  if (difficulty !== null) {
    if ((DIFFICULTIES as readonly string[]).includes(difficulty)) choice.difficulty = difficulty as Difficulty;
    else problems.push(`The link asks for a difficulty “${short(difficulty)}” that the game does not have: choose one below.`);
  }
  return { name: 'setup', choice, problems };
}

/** A value from a link, quoted in a message: never the whole of a very long one. */
export function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
