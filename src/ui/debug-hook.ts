import { parseRecordJson, replayRecord, stateHash } from '../core';
import { findBuiltinLevel } from '../content/levels';
import type { App } from './app';
import { divergenceText } from '../narrate';
import { stage } from './stage';

/**
 * `window.__bufferZone`, for tests and for people checking a record by hand: the hash of the game in
 * progress, a replay of any record text with the same core functions the CLI uses, and the map
 * canvas's frame count.
 */
export interface DebugHook {
  stateHash(): string | null;
  replayRecord(text: string): { ok: boolean; hash: string | null; error?: string };
  /** Frames the map canvas has drawn so far (it sleeps when nothing changes). */
  stageFrames(): number;
  /** Plays the map's event pulse, as when a seeded event arrives (for the frame-rate benchmark). */
  pulseMap(): void;
}

export function installDebugHook(app: App): void {
  const hook: DebugHook = {
    stateHash: () => (app.session ? stateHash(app.session.table.state) : null),
    stageFrames: () => stage.frames,
    pulseMap: () => {
      stage.pulse += 1;
      stage.notify?.();
    },
    replayRecord: (text) => {
      const parsed = parseRecordJson(text);
      if (!parsed.ok) return { ok: false, hash: null, error: parsed.error };
      const level = findBuiltinLevel(parsed.value.level.id);
      if (!level) return { ok: false, hash: null, error: `unknown level "${parsed.value.level.id}"` };
      const replayed = replayRecord(level, parsed.value);
      if (!replayed.ok) return { ok: false, hash: null, error: replayed.error };
      const r = replayed.value;
      return r.ok
        ? { ok: true, hash: stateHash(r.state) }
        : {
            ok: false,
            hash: stateHash(r.state),
            error: `step ${r.divergence?.step}: ${r.divergence ? divergenceText(level, r.divergence) : ''}`,
          };
    },
  };
  (window as unknown as { __bufferZone: DebugHook }).__bufferZone = hook;
}
