import { describe, expect, it } from 'vitest';
import { PARTY_IDS, viewFor, type PartyId } from '../../src/core';
import { mainLevel, must, propose, started } from '../helpers/game';

/** Private briefs stay private: a seat's view carries its own interests and red lines, and no one else's until the debrief. */

const L = mainLevel();
const s = () => must(L, started(L, 'view'), propose('ukraine'));

/** Text that only appears in a party's private brief (its brief text and its red-line reasons). */
const secrets = (p: PartyId) => [L.parties[p].brief, ...L.parties[p].redLines.map((r) => r.reason)];

describe('viewFor', () => {
  it.each(PARTY_IDS)('%s sees its own brief and none of the others', (me) => {
    const view = viewFor(L, s(), me);
    expect(view.brief?.party).toBe(me);
    expect(view.brief?.interests).toEqual(L.parties[me].interests);
    expect(view.revealed).toBeNull();
    const json = JSON.stringify(view);
    for (const other of PARTY_IDS.filter((p) => p !== me)) for (const secret of secrets(other)) expect(json).not.toContain(secret);
  });

  it.each(['public', 'facilitator'] as const)('the %s view has no private brief at all', (viewer) => {
    const view = viewFor(L, s(), viewer);
    expect(view.brief).toBeNull();
    expect(view.tableUtility).toBeNull();
    const json = JSON.stringify(view);
    for (const p of PARTY_IDS) for (const secret of secrets(p)) expect(json).not.toContain(secret);
  });

  it('everyone sees the public positions, the table, the meters and whose turn it is', () => {
    const view = viewFor(L, s(), 'russia');
    expect(view.parties.map((p) => p.publicPosition)).toEqual(PARTY_IDS.map((p) => L.parties[p].publicPosition));
    expect(view.table?.proposedBy).toBe('ukraine');
    expect(view.turn).toBe('russia');
    expect(view.meters).toEqual(s().context.meters);
    expect(view.tableUtility).toEqual(expect.any(Number));
  });

  it('the debrief reveals every brief once the talks are over', () => {
    const over = must(L, s(), { type: 'party.walkOut', by: 'russia' });
    const view = viewFor(L, over, 'public');
    expect(view.revealed?.map((b) => b.party)).toEqual([...PARTY_IDS]);
    expect(view.revealed?.map((b) => b.redLines)).toEqual(PARTY_IDS.map((p) => L.parties[p].redLines));
    expect(view.turn).toBeNull();
  });
});
