import { h, uniqueId, type Child } from '../dom';

/**
 * A modal built on the native <dialog>: the browser traps focus and closes it on Escape. Focus goes
 * back to the control that opened it, and the element is removed once closed.
 */
export interface DialogOptions {
  title: string;
  body: Child[];
  /** Buttons in the footer; the dialog closes after any of them unless it returns false. */
  actions?: { label: string; primary?: boolean; danger?: boolean; onClick?: () => boolean | void }[];
  wide?: boolean;
  closeLabel?: string;
}

export function openDialog(options: DialogOptions): HTMLDialogElement {
  const opener = document.activeElement as HTMLElement | null;
  const titleId = uniqueId('dialog-title');
  const dialog = h('dialog', { class: `dialog${options.wide ? ' is-wide' : ''}`, 'aria-labelledby': titleId });
  const close = () => dialog.close();
  const actions = (options.actions ?? []).map((a) =>
    h(
      'button',
      {
        type: 'button',
        class: a.primary ? 'primary' : a.danger ? 'danger' : 'secondary',
        onclick: () => {
          if (a.onClick?.() !== false) close();
        },
      },
      a.label,
    ),
  );
  dialog.append(
    h(
      'header',
      { class: 'dialog-head' },
      h('h2', { id: titleId }, options.title),
      h('button', { type: 'button', class: 'icon-button', 'aria-label': options.closeLabel ?? 'Close', onclick: close }, '×'),
    ),
    h('div', { class: 'dialog-body', tabindex: 0 }, ...options.body),
    ...(actions.length ? [h('footer', { class: 'dialog-foot' }, ...actions)] : []),
  );
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (opener?.isConnected) opener.focus();
  });
  // A click on the backdrop (outside the box) closes, as people expect.
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) close();
  });
  document.body.appendChild(dialog);
  dialog.showModal();
  const first = dialog.querySelector<HTMLElement>(
    '.dialog-body input, .dialog-body select, .dialog-body textarea, .dialog-foot button.primary',
  );
  (first ?? dialog.querySelector<HTMLElement>('.dialog-head button'))?.focus();
  return dialog;
}
