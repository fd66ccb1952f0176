import { h, uniqueId } from '../dom';

/**
 * A radio button drawn as a card. The radio's name is the card title; the rest of the card is its
 * description, so screen readers announce "Normal, radio button, They concede steadily…".
 */
export function radioCard(
  name: string,
  value: string,
  checked: boolean,
  title: Node | string,
  body: string,
  extra?: Node | string,
): HTMLElement {
  const titleId = uniqueId(`${name}-title`);
  const textId = uniqueId(`${name}-text`);
  return h(
    'label',
    { class: 'card-choice' },
    h('input', { type: 'radio', name, value, checked, 'aria-labelledby': titleId, 'aria-describedby': textId }),
    h(
      'span',
      { class: 'card-body' },
      h('span', { class: 'card-title', id: titleId }, title),
      h('span', { class: 'card-text', id: textId }, body, extra ? h('span', { class: 'card-meta block' }, extra) : null),
    ),
  );
}
