import { describe, expect, it } from 'vitest';
import { LocalTable, playComputerGame, seatsAll } from '../../src/ai';
import { RecordWriter, defaultSeats, replayRecord, stateHash, type GameRecord, type Seats } from '../../src/core';
import { DEAL, mainLevel, must, pass, propose, started } from '../helpers/game';

/** A table with human and computer seats: computers move until a human must act; the record restores the game. */

const L = mainLevel();
const humanUkraine: Seats = { ...seatsAll('normal'), ukraine: { kind: 'human' } };

function replays(record: GameRecord): boolean {
  const r = replayRecord(L, record);
  return r.ok && r.value.ok;
}

describe('LocalTable', () => {
  it('waits for the human seat: the briefing and then every Ukrainian turn', () => {
    const table = new LocalTable(L, 'table-1', humanUkraine);
    expect(table.isComputerTurn()).toBe(false);
    expect(table.advanceComputers()).toEqual([]);
    expect(table.apply({ type: 'game.start', by: 'ukraine' }).ok).toBe(true);
    expect(table.whoseTurn()).toBe('ukraine');
    expect(table.stepComputer()).toBeNull();
    expect(table.apply(propose('ukraine')).ok).toBe(true);
    const moves = table.advanceComputers();
    expect(moves.map((m) => m.by)).toEqual(['russia', 'us', 'coalition'].slice(0, moves.length));
    expect(table.state.phase === 'over' || table.whoseTurn() === 'ukraine').toBe(true);
  });

  it('refuses an illegal human move with a reason, and neither the state nor the record changes', () => {
    const table = new LocalTable(L, 'table-2', humanUkraine);
    table.apply({ type: 'game.start', by: 'ukraine' });
    const hash = stateHash(table.state);
    const steps = table.steps;
    expect(table.apply({ type: 'party.accept', by: 'ukraine' })).toEqual({ ok: false, refusal: { code: 'no-table', move: 'accept' } });
    expect(table.apply({ type: 'russia.escalate', by: 'ukraine' })).toMatchObject({ ok: false });
    expect(table.apply('not an intent')).toMatchObject({ ok: false });
    expect(stateHash(table.state)).toBe(hash);
    expect(table.steps).toBe(steps);
  });

  it('a game played to the end at the table replays from its record, and restores from it', () => {
    const table = new LocalTable(L, 'table-3', humanUkraine);
    table.apply({ type: 'game.start', by: 'ukraine' });
    while (table.state.phase !== 'over') {
      if (table.whoseTurn() === 'ukraine') table.apply(table.state.context.table ? pass('ukraine') : propose('ukraine', DEAL));
      table.advanceComputers();
    }
    const record = table.record();
    expect(record.finalHash).toBe(stateHash(table.state));
    expect(replays(record)).toBe(true);
    const restored = LocalTable.fromRecord(L, record);
    if (!restored.ok) throw new Error(restored.error);
    expect(stateHash(restored.value.state)).toBe(stateHash(table.state));
    expect(restored.value.record()).toEqual(record);
  });

  it('restores a computer game at any step, and plays on exactly as the original did', () => {
    const { state, record } = playComputerGame(L, 'restore', seatsAll('normal'), { record: true });
    for (const step of [0, 1, 7, 20, record!.steps.length]) {
      const t = LocalTable.fromRecord(L, record!, step);
      if (!t.ok) throw new Error(t.error);
      expect(t.value.steps).toBe(step);
      t.value.advanceComputers();
      expect(stateHash(t.value.state)).toBe(stateHash(state));
      expect(replays(t.value.record())).toBe(true);
    }
  });

  it('branches from a step with new seats; the branch names its parent and replays on its own', () => {
    const { record } = playComputerGame(L, 'branch', seatsAll('normal'), { record: true });
    const b = LocalTable.branch(L, record!, 9, seatsAll('hard'));
    if (!b.ok) throw new Error(b.error);
    b.value.advanceComputers();
    const branched = b.value.record();
    expect(branched.parent).toEqual({ hash: record!.finalHash, step: 9 });
    expect(branched.steps.slice(0, 9)).toEqual(record!.steps.slice(0, 9));
    expect(replays(branched)).toBe(true);
    expect(LocalTable.branch(L, record!, record!.steps.length + 1, seatsAll('hard'))).toMatchObject({ ok: false });
    expect(LocalTable.branch(L, record!, -1, seatsAll('hard'))).toMatchObject({ ok: false });
  });

  it('refuses a record that does not replay, naming the step', () => {
    const { record } = playComputerGame(L, 'bad', seatsAll('normal'), { record: true });
    const bad = structuredClone(record!);
    bad.steps[4] = { ...bad.steps[4], hash: 'a'.repeat(64) };
    expect(LocalTable.fromRecord(L, bad)).toMatchObject({ ok: false, error: expect.stringMatching(/^step 5: /) });
  });

  it('a table restored from a facilitated record stays facilitated, so its record replays', () => {
    const writer = new RecordWriter(L, 'class', defaultSeats('human'), true);
    let s = started(L, 'class', true);
    writer.add({ type: 'game.start', by: 'facilitator' }, s);
    s = must(L, s, pass('ukraine'));
    writer.add(pass('ukraine'), s);
    const t = LocalTable.fromRecord(L, writer.finish());
    if (!t.ok) throw new Error(t.error);
    expect(t.value.apply(pass('russia')).ok).toBe(true);
    const record = t.value.record();
    expect(record.facilitated).toBe(true);
    expect(replays(record)).toBe(true);
  });
});
