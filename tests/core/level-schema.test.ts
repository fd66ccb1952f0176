import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { levelHash, parseLevel, parseLevelJson } from '../../src/core';
import { LEVEL_IDS, level, levelData, type Data } from '../helpers/game';

/**
 * Level files are validated on load. A broken level gives errors that name the file and the path
 * inside it (`parties.ukraine.redLines[0].term`), never an exception; the level hash that records
 * carry ignores formatting but not content.
 */

const ORIGIN = 'levels/custom.json';

const cases: { name: string; edit: (d: Data) => void; path: string; says?: RegExp }[] = [
  {
    name: 'a red line on an unknown term',
    edit: (d) => (d.parties.ukraine.redLines[0].term = 'weather'),
    path: 'parties.ukraine.redLines[0].term',
  },
  {
    name: 'a red line forbidding an unknown option',
    edit: (d) => (d.parties.coalition.redLines[0].forbidden = ['maybe']),
    path: 'parties.coalition.redLines[0].forbidden[0]',
    says: /not an option of ceasefire/,
  },
  {
    name: 'an unknown option in interests',
    edit: (d) => (d.parties.russia.interests.ceasefire.values.total = 0.5),
    path: 'parties.russia.interests.ceasefire.values.total',
    says: /not an option of ceasefire \(none, partial, full\)/,
  },
  {
    name: 'an interest on an unknown term',
    edit: (d) => (d.parties.us.interests.oil = { weight: 1, values: {} }),
    path: 'parties.us.interests',
  },
  { name: 'a value above 1', edit: (d) => (d.parties.us.interests.arms.values.major = 2), path: 'parties.us.interests.arms.values.major' },
  {
    name: 'a party citing an unknown source',
    edit: (d) => (d.parties.us.cite = ['made-up']),
    path: 'parties.us.cite[0]',
    says: /cites "made-up", which is neither a source nor an assumption/,
  },
  {
    name: 'an event citing an unknown source',
    edit: (d) => (d.events[2].cite = ['rumour']),
    path: 'events[2].cite[0]',
    says: /cites "rumour"/,
  },
  { name: 'the coalition citing an unknown source', edit: (d) => (d.coalition.cite = ['x']), path: 'coalition.cite[0]' },
  { name: 'a duplicate event id', edit: (d) => (d.events[1].id = d.events[0].id), path: 'events[1].id', says: /duplicate event id/ },
  {
    name: 'an inject reusing an event id',
    edit: (d) => (d.injects[0].id = d.events[0].id),
    path: 'injects[0].id',
    says: /duplicate event id/,
  },
  { name: 'an event id with capitals', edit: (d) => (d.events[0].id = 'Strike'), path: 'events[0].id', says: /lower-case/ },
  {
    name: 'a turn order that repeats a party',
    edit: (d) => (d.turnOrder = ['ukraine', 'ukraine', 'us', 'coalition']),
    path: 'turnOrder',
    says: /each of the four parties once/,
  },
  { name: 'a turn order of three', edit: (d) => (d.turnOrder = ['ukraine', 'russia', 'us']), path: 'turnOrder' },
  { name: 'a turn order naming a stranger', edit: (d) => (d.turnOrder = ['ukraine', 'russia', 'us', 'china']), path: 'turnOrder[3]' },
  { name: 'a term listed twice', edit: (d) => d.activeTerms.push('ceasefire'), path: 'activeTerms', says: /twice/ },
  { name: 'a missing trust pair', edit: (d) => delete d.meters.trust['russia-us'], path: 'meters.trust.russia-us' },
  { name: 'a meter above 100', edit: (d) => (d.meters.tension = 101), path: 'meters.tension' },
  {
    name: 'peacekeepers fixed above the starting capacity',
    edit: (d) => {
      d.activeTerms = d.activeTerms.filter((t: string) => t !== 'peacekeepers');
      d.defaultPackage.peacekeepers = '60000';
    },
    path: 'defaultPackage.peacekeepers',
    says: /starting capacity/,
  },
  {
    name: 'capacity above the maximum',
    edit: (d) => (d.meters.coalitionCapacity = d.coalition.maxTroops + 1),
    path: 'meters.coalitionCapacity',
  },
  { name: 'rounds as text', edit: (d) => (d.rounds = 'ten'), path: 'rounds', says: /expected number/ },
  { name: 'zero rounds', edit: (d) => (d.rounds = 0), path: 'rounds' },
  { name: 'a fractional round count', edit: (d) => (d.rounds = 7.5), path: 'rounds' },
  { name: 'a missing title', edit: (d) => delete d.title, path: 'title' },
  { name: 'an unknown top-level field', edit: (d) => (d.difficulty = 'hard'), path: '(top level)', says: /difficulty/ },
  { name: 'a walk-away value above 100', edit: (d) => (d.parties.russia.walkAway = 150), path: 'parties.russia.walkAway' },
  {
    name: 'a default package with an unknown option',
    edit: (d) => (d.defaultPackage.bufferDepthKm = '25'),
    path: 'defaultPackage.bufferDepthKm',
  },
  { name: 'a missing party', edit: (d) => delete d.parties.coalition, path: 'parties.coalition' },
  {
    name: 'no weight on any active term',
    edit: (d) => {
      for (const i of Object.values(d.parties.us.interests) as { weight: number }[]) i.weight = 0;
    },
    path: 'parties.us.interests',
    says: /positive weight/,
  },
  {
    name: 'every event at base weight 0',
    edit: (d) => d.events.forEach((e: Data) => (e.weight.base = 0)),
    path: 'events',
    says: /base weight above 0/,
  },
  { name: 'an event effect out of range', edit: (d) => (d.events[0].effects.tension = 1000), path: 'events[0].effects.tension' },
  { name: 'no sources', edit: (d) => (d.sources = []), path: 'sources' },
  {
    name: 'an assumption about a field the level does not have',
    edit: (d) => (d.assumptions[0].about = ['parties.rusia.walkAway']),
    path: 'assumptions[0].about[0]',
    says: /"parties.rusia.walkAway" does not name a field of this level/,
  },
  {
    name: 'an assumption about an unknown rule',
    edit: (d) => (d.assumptions[0].about = ['rule:gravity']),
    path: 'assumptions[0].about[0]',
    says: /is not a rule \(rule:troops-per-km/,
  },
  { name: 'an assumption with nothing to be about', edit: (d) => (d.assumptions[0].about = []), path: 'assumptions[0].about' },
  { name: 'an assumption without its reason', edit: (d) => delete d.assumptions[0].text, path: 'assumptions[0].text' },
  {
    name: 'an assumption reusing a source id',
    edit: (d) => (d.assumptions[0].id = d.sources[0].id),
    path: 'assumptions[0].id',
    says: /already used by a source/,
  },
  { name: 'a duplicate source id', edit: (d) => (d.sources[1].id = d.sources[0].id), path: 'sources[1].id', says: /duplicate source id/ },
  {
    name: 'a source claiming a figure that is text',
    edit: (d) => (d.sources[0].figures = ['parties.us.brief']),
    path: 'sources[0].figures[0]',
    says: /not a number field/,
  },
  {
    name: 'a source claiming a figure the level does not have',
    edit: (d) => (d.sources[0].figures = ['events.no-such-card.effects']),
    path: 'sources[0].figures[0]',
    says: /does not name a field/,
  },
  {
    name: 'a cite for a public demand the party does not make',
    edit: (d) => (d.parties.russia.demandCites.arms = ['russia-demands']),
    path: 'parties.russia.demandCites.arms',
    says: /not one of russia's public demands/,
  },
  {
    name: 'a public demand citing an unknown source',
    edit: (d) => (d.parties.ukraine.demandCites.ceasefire = ['hearsay']),
    path: 'parties.ukraine.demandCites.ceasefire[0]',
    says: /cites "hearsay"/,
  },
  { name: 'the summary citing an unknown source', edit: (d) => (d.cite = ['nowhere']), path: 'cite[0]' },
];

describe('malformed levels give errors naming the file and the path', () => {
  it.each(cases)('$name → $path', ({ edit, path, says }) => {
    const data = levelData('buffer-zone-talks');
    edit(data);
    const result = parseLevel(data, ORIGIN);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const line = result.error.split('\n').find((l) => l.startsWith(`${ORIGIN}: ${path}:`));
    expect(line, result.error).toBeDefined();
    if (says) expect(line).toMatch(says);
  });

  it('a red line on a term the level fixes (tutorial: mandate)', () => {
    const data = levelData('tutorial');
    data.parties.russia.redLines = [{ term: 'mandate', forbidden: ['enforce'], reason: 'No enforcement.' }];
    const result = parseLevel(data, ORIGIN);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(`${ORIGIN}: parties.russia.redLines[0].term: "mandate" is not an active term`);
  });

  it.each([
    ['not JSON', '{ "id": "x", '],
    ['empty', ''],
    ['a trailing comma', '{"id": "x",}'],
  ])('%s: says it is not valid JSON', (_name, text) => {
    const result = parseLevelJson(text, ORIGIN);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(new RegExp(`^${ORIGIN}: not valid JSON`));
  });

  it.each([null, 42, 'level', [], true])('top-level %j is refused', (data) => {
    const result = parseLevel(data, ORIGIN);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(new RegExp(`^${ORIGIN}: \\(top level\\): `));
  });

  it('lists several problems, one per line, each with its path', () => {
    const data = levelData('buffer-zone-talks');
    data.rounds = -1;
    data.parties.us.walkAway = 'high';
    const result = parseLevel(data, ORIGIN);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = result.error.split('\n');
    expect(lines.some((l) => l.startsWith(`${ORIGIN}: rounds:`))).toBe(true);
    expect(lines.some((l) => l.startsWith(`${ORIGIN}: parties.us.walkAway:`))).toBe(true);
  });
});

/** Every path to a leaf value in a JSON document. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [path];
}

function setAt(root: Data, path: (string | number)[], f: (v: unknown) => unknown): void {
  let node: Data = root;
  for (const k of path.slice(0, -1)) node = node[k];
  const last = path[path.length - 1];
  node[last] = f(node[last]);
}

/** The same data with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    );
  return value;
}

describe('parsing never throws', () => {
  it('on any JSON value, or a built-in level with one value replaced by anything', () => {
    const base = levelData('buffer-zone-talks');
    const paths = leaves(base);
    fc.assert(
      fc.property(
        fc.constantFrom(...paths),
        fc.jsonValue({ maxDepth: 3 }),
        fc.jsonValue({ maxDepth: 4 }),
        (path, replacement, anything) => {
          const data = structuredClone(base);
          setAt(data, path, () => replacement);
          const a = parseLevel(data);
          const b = parseLevel(anything);
          expect(typeof a.ok).toBe('boolean');
          expect(b.ok).toBe(false);
          if (!a.ok) expect(a.error).toMatch(/^level: /);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('levelHash', () => {
  it.each(LEVEL_IDS)('%s: ignores formatting, key order and $schema', (id) => {
    const lvl = level(id);
    const data = levelData(id);
    const reformatted = JSON.stringify(reverseKeys({ ...data, $schema: 'https://example.org/elsewhere.json' }), null, 7);
    const parsed = parseLevelJson(reformatted);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(levelHash(parsed.value)).toBe(levelHash(lvl));
  });

  it('changes when any single value changes', () => {
    const lvl = level('buffer-zone-talks');
    const original = levelHash(lvl);
    const paths = leaves(lvl).filter((p) => p[0] !== '$schema');
    fc.assert(
      fc.property(fc.constantFrom(...paths), (path) => {
        const changed = structuredClone(lvl) as unknown as Data;
        setAt(changed, path, (v) => (typeof v === 'number' ? v + 1 : typeof v === 'string' ? `${v}!` : typeof v === 'boolean' ? !v : 'x'));
        expect(levelHash(changed as typeof lvl)).not.toBe(original);
      }),
      { numRuns: 150 },
    );
  });

  it('is a 64-character hex digest, different for each built-in level', () => {
    const hashes = LEVEL_IDS.map((id) => levelHash(level(id)));
    for (const h of hashes) expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(hashes).size).toBe(hashes.length);
  });
});
