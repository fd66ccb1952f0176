import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { playComputerGame, seatsAll } from '../../src/ai';
import { parseRecordJson, replayRecord, serializeRecord, stateHash } from '../../src/core';
import { builtinLevels, findBuiltinLevel } from '../../src/content/levels';
import { launchChromium, openGame } from './browser';

/**
 * One game, two engines: the golden record, and a fresh computer game on every level, replay to the
 * same state hash in Chromium (through window.__bufferZone) as in Node. A difference would mean the
 * browser build computes the rules differently, and shared records would not replay.
 */
const url = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

type Hook = { replayRecord(text: string): { ok: boolean; hash: string | null; error?: string } };

it('replays records to the same hash in Chromium and in Node', async () => {
  const texts: [string, string][] = [];
  const golden = resolve(import.meta.dirname, '../fixtures/classroom-1.bzrec.json');
  texts.push(['golden classroom-1', readFileSync(golden, 'utf8')]);
  for (const { level } of builtinLevels()) {
    const game = playComputerGame(level, `golden-${level.id}`, seatsAll('normal'), { record: true });
    texts.push([level.id, serializeRecord(game.record!)]);
  }
  const { page, errors, context } = await openGame(browser, url);
  for (const [name, text] of texts) {
    const record = parseRecordJson(text);
    expect(record.ok, name).toBe(true);
    if (!record.ok) continue;
    const replayed = replayRecord(findBuiltinLevel(record.value.level.id)!, record.value);
    expect(replayed.ok && replayed.value.ok, name).toBe(true);
    if (!replayed.ok) continue;
    const nodeHash = stateHash(replayed.value.state);
    const browserResult = await page.evaluate((t) => (window as unknown as { __bufferZone: Hook }).__bufferZone.replayRecord(t), text);
    expect(browserResult, name).toEqual({ ok: true, hash: nodeHash });
    expect(nodeHash, name).toBe(record.value.finalHash);
  }
  // A broken record is refused with a reason in the browser too, not thrown.
  const broken = await page.evaluate(() => (window as unknown as { __bufferZone: Hook }).__bufferZone.replayRecord('{"format":"nope"}'));
  expect(broken.ok).toBe(false);
  expect(broken.error).toMatch(/record/);
  expect(errors).toEqual([]);
  await context.close();
});
