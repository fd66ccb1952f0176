import { analyzeGame, type Debrief, type GameRecord, type Result } from '../../core';
import { findBuiltinLevel } from '../../content/levels';
import type { DebriefReply, DebriefRequest } from '../workers/messages';

/**
 * The full debrief's figures, worked out in a Web Worker (the deal space takes a few hundred
 * milliseconds) and remembered per game, so opening the debrief again, or after the viewer has asked
 * for it in the background, is instant. Without workers it falls back to the page's own thread.
 */
const cache = new Map<string, Promise<Result<Debrief>>>();
let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, (r: Result<Debrief>) => void>();

function getWorker(): Worker | null {
  if (worker) return worker;
  if (typeof Worker === 'undefined') return null;
  try {
    worker = new Worker(new URL('../workers/debrief.worker.ts', import.meta.url), { type: 'module', name: 'debrief' });
  } catch {
    return null;
  }
  worker.onmessage = (e: MessageEvent<DebriefReply>) => {
    pending.get(e.data.id)?.(e.data.result);
    pending.delete(e.data.id);
  };
  worker.onerror = () => {
    // A worker that fails to load: answer everything waiting from the page's thread instead.
    worker = null;
    for (const [id, resolve] of pending) resolve({ ok: false, error: `retry:${id}` });
    pending.clear();
  };
  return worker;
}

function onThisThread(record: GameRecord): Result<Debrief> {
  const level = findBuiltinLevel(record.level.id);
  return level ? analyzeGame(level, record) : { ok: false, error: `unknown level "${record.level.id}"` };
}

export function debriefOf(record: GameRecord): Promise<Result<Debrief>> {
  const key = `${record.finalHash}:${record.steps.length}`;
  let promise = cache.get(key);
  if (!promise) {
    const w = getWorker();
    promise = w
      ? new Promise<Result<Debrief>>((resolve) => {
          const id = nextId++;
          pending.set(id, (r) => resolve(!r.ok && r.error.startsWith('retry:') ? onThisThread(record) : r));
          w.postMessage({ id, record } satisfies DebriefRequest);
        })
      : new Promise((resolve) => setTimeout(() => resolve(onThisThread(record)), 30));
    cache.set(key, promise);
  }
  return promise;
}
