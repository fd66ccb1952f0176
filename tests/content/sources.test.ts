import { describe, expect, it } from 'vitest';
import { builtinLevels } from '../../src/content/levels';
import { PARTY_IDS, levelPathCovers, numericLevelPaths, resolveLevelPath, type Level } from '../../src/core';

/**
 * Sources that hold: a reviewer reads each level beside the two reports it quotes and must find no
 * figure or claim without its source card or its "game assumption" label. These checks make as much of
 * that reading mechanical as can be: every cite resolves, every card is used, every public demand is
 * reported, every number in the data is either taken from a card or labelled an assumption, and every
 * figure written in a text can be found in what that text cites.
 */

const levels = builtinLevels().map((l) => [l.level.id, l.level] as const);

/** Every `cite` list of a level with the texts it backs. */
function citations(level: Level): { where: string; ids: string[]; texts: string[] }[] {
  const out: { where: string; ids: string[]; texts: string[] }[] = [
    { where: 'summary', ids: level.cite ?? [], texts: [level.title, level.summary] },
    { where: 'coalition', ids: level.coalition.cite, texts: [] },
    { where: 'casualtiesPerRound', ids: level.casualtiesPerRound.cite, texts: [] },
  ];
  for (const p of PARTY_IDS) {
    const party = level.parties[p];
    const demandIds = Object.values(party.demandCites ?? {}).flat();
    out.push({
      where: `parties.${p}`,
      ids: [...party.cite, ...demandIds],
      texts: [
        party.publicPosition,
        party.brief,
        ...party.redLines.map((r) => r.reason),
        ...Object.values(party.interests).flatMap((i) => (i.note ? [i.note] : [])),
      ],
    });
  }
  for (const key of ['events', 'injects'] as const)
    for (const card of level[key]) out.push({ where: `${key}.${card.id}`, ids: card.cite, texts: [card.title, card.text] });
  return out;
}

/** Figures written in a text: "300,000", "40", "$70bn" → "300000", "40", "70". */
function figuresIn(text: string): string[] {
  return [...text.matchAll(/\d[\d,.]*/g)].map((m) => m[0].replace(/[,.]+$/, '').replace(/,/g, ''));
}

describe.each(levels)('%s: sources and assumptions', (_id, level) => {
  const sourceIds = new Set(level.sources.map((s) => s.id));
  const assumptions = level.assumptions ?? [];
  const assumptionIds = new Set(assumptions.map((a) => a.id));
  const cited = citations(level);

  it('every cite names a source card or an assumption of this level', () => {
    for (const { where, ids } of cited)
      for (const id of ids) expect(sourceIds.has(id) || assumptionIds.has(id), `${where} cites "${id}"`).toBe(true);
  });

  it('every source card is cited by something in the level', () => {
    const used = new Set(cited.flatMap((c) => c.ids));
    const unused = level.sources.filter((s) => !used.has(s.id)).map((s) => s.id);
    expect(unused).toEqual([]);
  });

  it('every source card says who says it, and marks its cuts', () => {
    for (const s of level.sources) {
      expect(s.attribution, s.id).toBeTruthy();
      expect(s.quote, `${s.id}: cuts are marked with …, not ...`).not.toMatch(/\.\.\./);
    }
  });

  it('every public demand cites a report, or is labelled a game assumption where the public position is shown', () => {
    for (const p of PARTY_IDS) {
      const party = level.parties[p];
      for (const term of Object.keys(party.publicDemands)) {
        const ids = party.demandCites?.[term as keyof typeof party.demandCites] ?? [];
        expect(ids.length, `${p}'s public demand on ${term} cites nothing`).toBeGreaterThan(0);
        if (!ids.some((id) => sourceIds.has(id)))
          expect(
            party.publicPosition,
            `${p}'s demand on ${term} is reported nowhere, so its public position must say it is a game assumption`,
          ).toMatch(/game assumption/i);
      }
    }
  });

  it('every number in the level data comes from a source card or is labelled an assumption', () => {
    const covers = [...level.sources.flatMap((s) => s.figures ?? []), ...assumptions.flatMap((a) => a.about)];
    const bare = numericLevelPaths(level).filter((path) => !covers.some((c) => levelPathCovers(c, path)));
    expect(bare).toEqual([]);
  });

  it('every figure written in a text is found in what that text cites', () => {
    const words = new Map<string, string>([
      ...level.sources.map((s) => [s.id, s.quote] as const),
      ...assumptions.map((a) => [a.id, a.text] as const),
    ]);
    for (const { where, ids, texts } of cited) {
      const backing = ids.map((id) => (words.get(id) ?? '').replace(/,/g, '')).join(' ');
      for (const figure of texts.flatMap(figuresIn)) expect(backing, `${where}: "${figure}" is not in what it cites`).toContain(figure);
    }
  });

  it('every private brief labels its game assumptions and cites one', () => {
    for (const p of PARTY_IDS) {
      const party = level.parties[p];
      expect(party.brief, p).toMatch(/game assumptions?/i);
      expect(
        party.cite.some((id) => assumptionIds.has(id)),
        `${p}'s brief cites no assumption`,
      ).toBe(true);
    }
  });

  it('every assumption names what it is about, and each level path names something', () => {
    for (const a of assumptions)
      for (const path of a.about)
        if (!path.startsWith('rule:')) expect(resolveLevelPath(level, path).length, `${a.id}: ${path}`).toBeGreaterThan(0);
  });

  it('the per-round toll of the war is labelled a game assumption, not sourced to the strike', () => {
    const sourced = level.casualtiesPerRound.cite.filter((id) => sourceIds.has(id));
    expect(sourced).toEqual([]);
    expect(assumptions.some((a) => a.about.some((p) => levelPathCovers(p, 'casualtiesPerRound.base')))).toBe(true);
  });
});

describe('the scenarios differ where their situations differ', () => {
  it('"After the Strike on Kyiv" has its own briefs, public positions and event texts', () => {
    const main = builtinLevels().find((l) => l.level.id === 'buffer-zone-talks')!.level;
    const strike = builtinLevels().find((l) => l.level.id === 'after-the-strike')!.level;
    for (const p of PARTY_IDS) {
      expect(strike.parties[p].brief, p).not.toBe(main.parties[p].brief);
      expect(strike.parties[p].publicPosition, p).not.toBe(main.parties[p].publicPosition);
    }
    for (const key of ['events', 'injects'] as const)
      for (const card of strike[key]) {
        const same = main[key].find((c) => c.id === card.id);
        if (same && !same.id.match(/^(rules-of-engagement|non-nato-contributors|washington-recommits)$/))
          expect(card.text, `${key}.${card.id}`).not.toBe(same.text);
      }
  });
});
