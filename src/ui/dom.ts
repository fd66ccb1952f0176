/**
 * A tiny hyperscript helper: the DOM layer is plain elements, no framework, so every control is a
 * real button, select or input with a real accessible name.
 */
export type Child = Node | string | number | null | undefined | false | Child[];
export type Attrs = Record<string, unknown>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value as EventListener);
      else if (key === 'class') el.className = String(value);
      else if (key === 'text') el.textContent = String(value);
      else if (key === 'value' && 'value' in el) (el as HTMLInputElement).value = String(value);
      else if (value === true) el.setAttribute(key, '');
      else el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(el: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/**
 * Replaces an element's content and keeps keyboard focus where it was: the focused control is found
 * again by its `data-key` (or id), so re-rendering a panel never throws a keyboard user back to the top.
 */
export function render(container: Element, ...children: Child[]): void {
  const active = document.activeElement as HTMLElement | null;
  const key = active && container.contains(active) ? (active.dataset.key ?? active.id ?? '') : '';
  container.replaceChildren();
  append(container, children);
  if (key || (active && active !== document.body && !active.isConnected)) {
    const again = key ? container.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"], #${CSS.escape(key)}`) : null;
    // If the focused control is gone (a move was made), keep focus in the same region: its heading.
    const fallback = again ?? container.querySelector<HTMLElement>('h2');
    if (fallback) {
      if (!again) fallback.tabIndex = -1;
      fallback.focus({ preventScroll: true });
    }
  }
}

let uid = 0;
/** A unique id for label/description wiring. */
export function uniqueId(prefix: string): string {
  uid += 1;
  return `${prefix}-${uid}`;
}

export function button(label: Child, onClick: () => void, attrs: Attrs = {}): HTMLButtonElement {
  return h('button', { type: 'button', ...attrs, onclick: onClick }, label);
}

/** A small inline SVG built from markup we write ourselves (emblems, icons). */
export function svg(markup: string, attrs: { class?: string; label?: string } = {}): SVGSVGElement {
  const wrapper = document.createElement('div');
  wrapper.innerHTML = markup.trim();
  const el = wrapper.firstElementChild as SVGSVGElement;
  if (attrs.class) el.setAttribute('class', attrs.class);
  if (attrs.label) {
    el.setAttribute('role', 'img');
    el.setAttribute('aria-label', attrs.label);
  } else el.setAttribute('aria-hidden', 'true');
  el.setAttribute('focusable', 'false');
  return el;
}
