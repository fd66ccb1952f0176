import { type Result } from '../../core';
import type { App, Route, Screen } from '../app';
import { announce } from '../announce';
import { button, h, render, uniqueId } from '../dom';
import { fmtInt } from '../format';
import { MAX_RECORD_BYTES, type LoadedGame } from '../discussion/games';
import { readGameText } from '../discussion/links';
import { forgetGame, openRecent, recentGames, rememberLoaded, type RecentGame } from '../discussion/library';
import { dateWords, outcomeLine, seatWords } from '../discussion/words';

/**
 * Replays and debriefs: open a game from a record file (picker or drag-and-drop), from a share link,
 * or from this browser's recent games. Whatever is opened is replayed and checked step by step; a
 * damaged, edited or foreign file or link is refused with the reason, and nothing else changes.
 */
export function replaysScreen(app: App, route: Route): Screen {
  const noticeSlot = h('div', { class: 'replays-notice' });
  const showProblem = (title: string, detail: string) => {
    render(
      noticeSlot,
      h(
        'div',
        { class: 'notice is-error', role: 'alert' },
        h('h2', null, title),
        h(
          'p',
          null,
          'It may be incomplete, changed after it was made, or made with another version of Buffer Zone. Nothing else is affected.',
        ),
        h('p', { class: 'notice-detail' }, detail),
      ),
    );
  };
  if (route.name === 'replays' && route.notice) showProblem(route.notice.title, route.notice.detail);

  const opened = (result: Result<LoadedGame>, title: string) => {
    if (!result.ok) {
      showProblem(title, result.error);
      return;
    }
    rememberLoaded(result.value, 'opened');
    app.go({ name: 'viewer', game: result.value });
  };

  const readFile = async (file: File) => {
    const what = `file "${file.name.slice(0, 80)}"`;
    if (file.size > MAX_RECORD_BYTES) {
      showProblem(
        'This file is not a game record',
        `${what}: ${(file.size / 1024 / 1024).toFixed(1)} MB is far too large for a record (records are under ${MAX_RECORD_BYTES / 1024 / 1024} MB).`,
      );
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      showProblem('This file could not be read', `${what}: ${(e as Error).message}`);
      return;
    }
    opened(readGameText(text, what), 'This file could not be opened as a game');
  };

  const fileInput = h('input', {
    type: 'file',
    id: 'record-file',
    accept: '.json,.bzrec.json,application/json,text/plain',
    hidden: true,
    onchange: () => {
      const file = fileInput.files?.[0];
      if (file) void readFile(file);
      fileInput.value = '';
    },
  });

  const dropZone = h(
    'section',
    { class: 'panel drop-zone', 'aria-labelledby': 'file-h', 'data-drop': 'true' },
    h('h2', { id: 'file-h', class: 'panel-title' }, 'Open a record file'),
    h('p', { class: 'drop-text' }, 'Drop a ', h('code', null, '.bzrec.json'), ' file here, or'),
    button('Choose a record file…', () => fileInput.click(), { class: 'primary', 'data-key': 'choose-file' }),
    fileInput,
    h('p', { class: 'hint' }, 'A record is what “Download record” saves at the end of a game. It never leaves this computer.'),
  );

  const linkId = uniqueId('share-input');
  const linkInput = h('input', {
    id: linkId,
    type: 'text',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'https://…#game=2.…',
    'aria-describedby': `${linkId}-hint`,
  });
  const linkForm = h(
    'form',
    {
      class: 'panel link-form',
      'aria-labelledby': 'link-h',
      novalidate: true,
      onsubmit: (e: Event) => {
        e.preventDefault();
        opened(readGameText(linkInput.value, 'link'), 'This link could not be opened');
      },
    },
    h('h2', { id: 'link-h', class: 'panel-title' }, 'Open a share link'),
    h('label', { for: linkId, class: 'field-label' }, 'Share link'),
    h('div', { class: 'seed-row' }, linkInput, h('button', { type: 'submit' }, 'Open link')),
    h(
      'p',
      { class: 'hint', id: `${linkId}-hint` },
      'A share link carries the whole game after its “#”, so it opens offline. Opening the link itself works too.',
    ),
  );

  const recentSlot = h('div', { class: 'recent-slot' });
  const renderRecent = () => {
    const list = recentGames();
    render(
      recentSlot,
      h(
        'section',
        { class: 'panel recent', 'aria-labelledby': 'recent-h' },
        h('h2', { id: 'recent-h', class: 'panel-title' }, 'Your recent games'),
        list.length
          ? h('ul', { class: 'recent-list' }, ...list.map(recentItem))
          : h(
              'p',
              { class: 'hint' },
              'Games you finish, branch or open appear here, newest first (the last ten). They stay in this browser only.',
            ),
      ),
    );
  };
  const recentItem = (r: RecentGame) => {
    const titleId = uniqueId('recent-title');
    const open = (to: 'viewer' | 'debrief') => {
      const game = openRecent(r);
      if (!game.ok) return showProblem('This game could not be opened', game.error);
      app.go(to === 'viewer' ? { name: 'viewer', game: game.value } : { name: 'debrief', game: game.value });
    };
    const kind = r.kind === 'branch' ? `branch from step ${r.parent?.step ?? '?'}` : r.kind === 'opened' ? 'opened' : 'played here';
    return h(
      'li',
      { class: `recent-item is-${r.kind}` },
      h(
        'div',
        { class: 'recent-text' },
        h('h3', { id: titleId }, `${r.levelTitle} · seed `, h('code', null, r.seed)),
        h(
          'p',
          { class: 'hint' },
          `${outcomeLine(r.outcome, r.round)} · ${fmtInt(r.steps)} moves · ${kind}, played by ${seatWords(r.humans)} · ${dateWords(r.date)}`,
        ),
      ),
      h(
        'div',
        { class: 'move-row' },
        button('Replay', () => open('viewer'), { 'aria-describedby': titleId, 'data-key': `replay-${r.id}` }),
        button('Debrief', () => open('debrief'), { 'aria-describedby': titleId, 'data-key': `debrief-${r.id}` }),
        button(
          'Remove',
          () => {
            forgetGame(r.id);
            announce('Removed from your recent games.');
            renderRecent();
            recentSlot.querySelector<HTMLElement>('h2')?.focus();
          },
          { class: 'quiet', 'aria-describedby': titleId, 'data-key': `remove-${r.id}` },
        ),
      ),
    );
  };
  renderRecent();

  const el = h(
    'main',
    { class: 'screen screen-page replays-screen', 'aria-labelledby': 'replays-h1' },
    h(
      'header',
      { class: 'screen-head' },
      h('p', { class: 'eyebrow' }, 'Buffer Zone'),
      h('h1', { id: 'replays-h1' }, 'Replays and debriefs'),
      h(
        'p',
        { class: 'lede' },
        'Open a finished game to step through it, branch it at any move (“what if…?”), run the what-if explorer and read the full debrief. Everything happens in this browser: no server sees the game.',
      ),
      button('Back to the menu', () => app.go({ name: 'menu' }), { class: 'quiet' }),
    ),
    noticeSlot,
    h('div', { class: 'replays-grid' }, dropZone, linkForm),
    recentSlot,
  );

  // Drag and drop anywhere on the screen; the drop zone lights up while a file is over the page.
  let depth = 0;
  el.addEventListener('dragenter', (e) => {
    e.preventDefault();
    depth += 1;
    dropZone.classList.add('is-over');
  });
  el.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) dropZone.classList.remove('is-over');
  });
  el.addEventListener('dragover', (e) => {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  });
  el.addEventListener('drop', (e) => {
    e.preventDefault();
    depth = 0;
    dropZone.classList.remove('is-over');
    const file = e.dataTransfer?.files?.[0];
    if (file) return void readFile(file);
    const text = e.dataTransfer?.getData('text/uri-list') || e.dataTransfer?.getData('text/plain') || '';
    if (text) opened(readGameText(text, 'dropped text'), 'What was dropped could not be opened as a game');
  });

  return { el, title: 'Replays and debriefs' };
}
