/**
 * Player settings, kept in localStorage. Reduced motion follows the system unless the player chooses;
 * with it, computer moves appear at once and nothing slides or pulses.
 */
export interface Settings {
  motion: 'system' | 'reduce' | 'full';
  sound: boolean;
  pace: 'relaxed' | 'normal' | 'quick';
  textSize: 'standard' | 'large';
}

const KEY = 'buffer-zone.settings.v1';
const DEFAULTS: Settings = { motion: 'system', sound: true, pace: 'normal', textSize: 'standard' };

let current: Settings = load();
const listeners = new Set<(s: Settings) => void>();

function load(): Settings {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return { ...DEFAULTS };
    const data = JSON.parse(raw) as Partial<Settings>;
    return {
      motion: data.motion === 'reduce' || data.motion === 'full' ? data.motion : 'system',
      sound: typeof data.sound === 'boolean' ? data.sound : DEFAULTS.sound,
      pace: data.pace === 'relaxed' || data.pace === 'quick' ? data.pace : 'normal',
      textSize: data.textSize === 'large' ? 'large' : 'standard',
    };
  } catch {
    // Unreadable settings are not worth an error message: fall back to the defaults.
    return { ...DEFAULTS };
  }
}

export function settings(): Settings {
  return current;
}

export function updateSettings(patch: Partial<Settings>): void {
  current = { ...current, ...patch };
  try {
    localStorage.setItem(KEY, JSON.stringify(current));
  } catch {
    /* storage full or blocked: the setting still applies for this visit */
  }
  applyToDocument();
  for (const l of listeners) l(current);
}

export function onSettingsChange(listener: (s: Settings) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const systemReduce = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : null;
systemReduce?.addEventListener('change', () => {
  applyToDocument();
  for (const l of listeners) l(current);
});

export function reducedMotion(): boolean {
  return current.motion === 'reduce' || (current.motion === 'system' && (systemReduce?.matches ?? false));
}

/** Milliseconds between two computer moves. */
export function paceMs(): number {
  if (reducedMotion()) return 0;
  return { relaxed: 1500, normal: 850, quick: 350 }[current.pace];
}

export function applyToDocument(): void {
  const root = document.documentElement;
  root.classList.toggle('reduce-motion', reducedMotion());
  root.classList.toggle('large-text', current.textSize === 'large');
}
