import { button, h, uniqueId } from '../dom';
import { fmtInt } from '../format';
import type { LoadedGame } from './games';

/**
 * "Copy share link": the whole game, compressed into the link's fragment (after '#'), so whoever
 * opens it sees this game step by step, offline and with no server. If the browser does not allow
 * copying, the link appears in a field, selected, to copy by hand. The compression code loads on
 * the first click.
 */
export function shareControl(game: LoadedGame, options: { primary?: boolean; key?: string } = {}): HTMLElement {
  const statusId = uniqueId('share-status');
  const status = h('span', { class: 'share-status', id: statusId, role: 'status' });
  const fieldId = uniqueId('share-field');
  const fallback = h('span', { class: 'share-fallback', hidden: true });
  const manual = (url: string) => {
    const input = h('input', { id: fieldId, type: 'text', readonly: true, value: url, class: 'share-field' });
    fallback.replaceChildren(h('label', { for: fieldId, class: 'sr-only' }, 'Share link'), input);
    fallback.hidden = false;
    input.focus();
    input.select();
    status.textContent = 'Copy the selected link (Ctrl+C or ⌘C).';
  };
  const copy = async () => {
    const { shareUrl } = await import('./links');
    const url = shareUrl(game);
    el.dataset.link = url;
    if (!navigator.clipboard?.writeText) return manual(url);
    try {
      await navigator.clipboard.writeText(url);
      const text = `Link copied (${fmtInt(url.length)} characters). It holds the whole game and opens offline.`;
      status.textContent = text;
      // The note has been read out; it clears itself so it does not cover the screen.
      window.setTimeout(() => {
        if (status.textContent === text) status.textContent = '';
      }, 8000);
    } catch {
      manual(url);
    }
  };
  const el = h(
    'span',
    { class: 'share-control' },
    button('Copy share link', () => void copy(), {
      class: options.primary ? 'primary-soft' : '',
      'aria-describedby': statusId,
      'data-key': options.key ?? 'copy-share',
    }),
    status,
    fallback,
  );
  return el;
}
