/**
 * Screen-reader announcements through the two live regions in index.html: `polite` for moves and
 * events as they happen, `assertive` only for refusals and errors the player must hear at once.
 */
let clearTimer = 0;

export function announce(text: string, urgency: 'polite' | 'assertive' = 'polite'): void {
  const region = document.getElementById(urgency === 'polite' ? 'live' : 'alerts');
  if (!region) return;
  // Appending (rather than replacing) lets several quick computer moves all be read out.
  const line = document.createElement('p');
  line.textContent = text;
  region.appendChild(line);
  while (region.childElementCount > 6) region.firstElementChild?.remove();
  window.clearTimeout(clearTimer);
  clearTimer = window.setTimeout(() => {
    document.getElementById('live')?.replaceChildren();
    document.getElementById('alerts')?.replaceChildren();
  }, 15_000);
}
