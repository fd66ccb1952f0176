import { settings } from './settings';

/**
 * Optional cues generated with WebAudio (no sound files): a soft two-note chime when it is your move,
 * a low tone when an event arrives. Muted from Settings or the sound button; silent until the player
 * has interacted with the page, as browsers require.
 */
let ctx: AudioContext | null = null;

function audio(): AudioContext | null {
  if (!settings().sound) return null;
  try {
    ctx ??= new AudioContext();
    if (ctx.state === 'suspended') ctx.resume().catch(() => undefined);
    return ctx;
  } catch {
    return null;
  }
}

function tone(freq: number, start: number, duration: number, gain: number, type: OscillatorType = 'sine'): void {
  const a = audio();
  if (!a) return;
  const t0 = a.currentTime + start;
  const osc = a.createOscillator();
  const amp = a.createGain();
  osc.type = type;
  osc.frequency.value = freq;
  amp.gain.setValueAtTime(0.0001, t0);
  amp.gain.exponentialRampToValueAtTime(gain, t0 + 0.02);
  amp.gain.exponentialRampToValueAtTime(0.0001, t0 + duration);
  osc.connect(amp).connect(a.destination);
  osc.start(t0);
  osc.stop(t0 + duration + 0.05);
}

export function cueYourMove(): void {
  tone(660, 0, 0.35, 0.05);
  tone(880, 0.12, 0.45, 0.04);
}

export function cueEvent(): void {
  tone(196, 0, 0.9, 0.06, 'triangle');
  tone(247, 0.05, 0.8, 0.03);
}

export function cueAgreement(): void {
  tone(523, 0, 0.5, 0.05);
  tone(659, 0.15, 0.5, 0.04);
  tone(784, 0.3, 0.8, 0.04);
}
