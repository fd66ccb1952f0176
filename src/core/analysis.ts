import { dealSpace, frontier2d, frontierGap, nashPoint, paretoFrontier, restrictSignable, valueSpace, type DealSpace } from './deal-space';
import { dealValues } from './outcome';
import { contextFacts } from './facts';
import { termLimits } from './moves/propose';
import { replay } from './replay';
import { findCard } from './events';
import type { Level } from './level';
import { PAIR_KEYS, PARTY_IDS, PARTY_NAMES, type PartyId } from './parties';
import { recordLevel, type GameRecord } from './record';
import { err, ok, type Result } from './result';
import type { GameState, LogEntry, Outcome } from './state';
import { TERMS, optionLabel, type Package, type TermId } from './terms';
import { round1 } from './utility';
import { variantChanges, type VariantChange } from './variant';

/**
 * The numbers behind a game, for the debrief and for grading: every party's hidden brief and score,
 * the deal against the Pareto frontier and the Nash bargaining point, a timeline of the talks, the
 * moments that moved the package most, and questions for discussion drawn from what happened.
 */

export interface TimelinePoint {
  step: number;
  round: number;
  tension: number;
  averageTrust: number;
  /** Each party's value of the package on the table after this step, durability counted as in scores (null when the table is empty). */
  utilities: Record<PartyId, number> | null;
}

export interface KeyMoment {
  step: number;
  round: number;
  by: LogEntry['by'];
  /** The log entry of the move or event at this step. */
  entry: LogEntry;
  /** Sum over parties of how much the table's value moved at this step. */
  swing: number;
  /**
   * Why it matters: the package that became the agreement, a rejection that took off the table a
   * package others had signed (`signed` of them), an event or move that shifted walk-away values
   * (`shift`, summed over parties), the walk-out, or a large move of the table's value.
   */
  why: 'closed-deal' | 'withdrew-package' | 'walk-away-shift' | 'walk-out' | 'swing';
  signed?: number;
  shift?: number;
}

export interface PartyDebrief {
  id: PartyId;
  name: string;
  walkAway: number;
  finalWalkAway: number;
  value: number;
  score: number;
  brief: string;
  redLines: { term: string; options: string[]; reason: string }[];
  interests: { term: string; weight: number; best: string }[];
}

export interface Debrief {
  level: { id: string; title: string };
  seed: string;
  steps: number;
  outcome: Outcome | null;
  parties: PartyDebrief[];
  /** The brief variant a classroom session drew: each changed value beside the level's (empty: the briefs as written). */
  variant: VariantChange[];
  deal: { package: Package; utilities: Record<PartyId, number> } | null;
  /** Over the packages every party could sign when the talks ended, from the walk-aways in force then. */
  nash: { package: Package; utilities: Record<PartyId, number>; product: number } | null;
  /**
   * The zone of possible agreement when the talks ended: how many signable packages every party
   * valued above its walk-away value then.
   */
  zopa: { size: number };
  /** Each party's walk-away value at the start and when the talks ended (events and escalation move them). */
  walkAways: { start: Record<PartyId, number>; end: Record<PartyId, number> };
  frontier: {
    /**
     * Packages every party could sign when the talks ended (no red line crossed, within Coalition
     * capacity and Washington's ceiling, a guarantee if Ukraine demanded one) that no other such package
     * beats for everyone.
     */
    size: number;
    /** How many points every party could have gained at once over the deal (or over no deal). */
    gap: number;
    betterPackage: Package | null;
    /** Ukraine against Russia, among packages the US and the Coalition value at their walk-away or more. */
    chart: { x: PartyId; y: PartyId; points: { x: number; y: number }[] };
  };
  timeline: TimelinePoint[];
  keyMoments: KeyMoment[];
  questions: Question[];
}

/** A question for discussion, drawn from what happened (worded by `src/narrate`). */
export type Question =
  | { code: 'walk-out'; by: PartyId | null; round: number }
  /** No deal: the red line the rejected packages crossed most often (counted from the rejections), if any. */
  | { code: 'blocking-red-line'; round: number; redLine: { party: PartyId; term: TermId; option: string; times: number } | null }
  | { code: 'durability'; durability: number }
  | { code: 'zone-depth'; depth: string; alternative: string; step: number }
  | { code: 'better-package'; gap: number; agreement: boolean }
  | {
      code: 'strike';
      round: number;
      step: number;
      /** The event card's id, or null for Russia's escalation move. */
      eventId: string | null;
      casualties: number;
      /** The walk-away values it moved, each from → to. */
      moved: readonly { party: PartyId; from: number; to: number }[];
      /**
       * The parties for which it changed whether a package cleared their walk-away: the package on the
       * table just before it, or the deal signed in the end. `value` is that package's worth to them.
       */
      crossed: readonly { party: PartyId; value: number; from: number; to: number; package: 'table' | 'deal' }[];
    }
  | { code: 'us-engagement-fell'; from: number; to: number }
  | { code: 'turning-point'; round: number; step: number }
  /** Each party's score against its own walk-away value (scores on different scales are not compared). */
  | { code: 'own-walk-away'; best: PartyId; worst: PartyId };

/** Every state of a recorded game, `states[i]` after i steps (no hashes checked: the caller trusts the record). */
export function replayStates(level: Level, record: GameRecord): Result<GameState[]> {
  const played = recordLevel(level, record);
  if (!played.ok) return played;
  const r = replay(played.value, record, record.steps, { keepStates: true, checkHashes: false });
  if (r.divergence?.code === 'refused') return err(`steps[${r.divergence.step - 1}]: refused (${r.divergence.refusal.code})`);
  return ok(r.states!);
}

/** Each party's value of a package in this state: its utility weighted by durability, as outcomes are scored. */
const utilitiesOf = (level: Level, ctx: GameState['context'], pkg: Package) => {
  const { values } = dealValues(level, ctx, pkg);
  return Object.fromEntries(PARTY_IDS.map((p) => [p, round1(values[p])])) as Record<PartyId, number>;
};

export function timelineOf(level: Level, states: readonly GameState[]): TimelinePoint[] {
  return states.map((s) => {
    let trust = 0;
    for (const k of PAIR_KEYS) trust += s.context.meters.trust[k];
    return {
      step: s.context.step,
      round: s.context.round,
      tension: s.context.meters.tension,
      averageTrust: round1(trust / PAIR_KEYS.length),
      utilities: s.context.table ? utilitiesOf(level, s.context, s.context.table.terms) : null,
    };
  });
}

/**
 * The moments that changed the outcome, spread over the game: the package that became the agreement,
 * the rejections that took a package others had signed off the table, the events and moves that
 * shifted walk-away values, the walk-out, and the moves that changed the table's value most (the
 * opening proposal aside: every game has one). At most one moment a round while there are others to
 * choose from, so the list is not five steps of round 1.
 */
function keyMomentsOf(states: readonly GameState[], timeline: readonly TimelinePoint[], count = 5): KeyMoment[] {
  const candidates: { moment: KeyMoment; weight: number; must: boolean }[] = [];
  const final = states[states.length - 1].context;
  let lastOffer = -1;
  let opened = false;
  for (let i = 1; i < states.length; i++) {
    const ctx = states[i].context;
    const entry = ctx.log[ctx.log.length - 1];
    if (!entry || ctx.log.length === states[i - 1].context.log.length) continue;
    const before = timeline[i - 1].utilities;
    const after = timeline[i].utilities;
    // An empty table is worth each party's walk-away value: that is what it has without a package.
    let swing = 0;
    let shift = 0;
    for (const p of PARTY_IDS) {
      swing += Math.abs((after?.[p] ?? ctx.walkAway[p]) - (before?.[p] ?? ctx.walkAway[p]));
      shift += Math.abs(ctx.walkAway[p] - states[i - 1].context.walkAway[p]);
    }
    const base = { step: i, round: entry.round, by: entry.by, entry, swing: round1(swing) };
    if (entry.kind === 'propose' || entry.kind === 'counter') lastOffer = i;
    if (entry.kind === 'walkOut') candidates.push({ moment: { ...base, why: 'walk-out' }, weight: 1000, must: true });
    else if (entry.kind === 'reject' && entry.withdrawn) {
      const signed = states[i - 1].context.table?.acceptedBy.length ?? 0;
      if (signed >= 2) candidates.push({ moment: { ...base, why: 'withdrew-package', signed }, weight: 10 * signed, must: false });
    } else if (shift >= 2) {
      candidates.push({ moment: { ...base, why: 'walk-away-shift', shift: round1(shift) }, weight: 3 * shift, must: false });
    } else if (swing > 0 && (entry.kind !== 'propose' || opened)) {
      candidates.push({ moment: { ...base, why: 'swing' }, weight: swing, must: false });
    }
    if (entry.kind === 'propose') opened = true;
  }
  if (final.outcome?.kind === 'agreement' && lastOffer > 0) {
    const ctx = states[lastOffer].context;
    const entry = ctx.log[ctx.log.length - 1];
    const existing = candidates.findIndex((c) => c.moment.step === lastOffer);
    if (existing >= 0) candidates.splice(existing, 1);
    candidates.push({
      moment: {
        step: lastOffer,
        round: entry.round,
        by: entry.by,
        entry,
        swing: round1(timelineSwing(states, timeline, lastOffer)),
        why: 'closed-deal',
      },
      weight: 1000,
      must: true,
    });
  }
  candidates.sort((a, b) => Number(b.must) - Number(a.must) || b.weight - a.weight || a.moment.step - b.moment.step);
  const chosen: KeyMoment[] = [];
  const rounds = new Set<number>();
  for (const c of candidates) {
    if (chosen.length >= count) break;
    if (!c.must && rounds.has(c.moment.round)) continue;
    chosen.push(c.moment);
    rounds.add(c.moment.round);
  }
  for (const c of candidates) {
    if (chosen.length >= count) break;
    if (!chosen.includes(c.moment)) chosen.push(c.moment);
  }
  return chosen.sort((a, b) => a.step - b.step);
}

/** How much the table's value moved at step i, summed over the parties. */
function timelineSwing(states: readonly GameState[], timeline: readonly TimelinePoint[], i: number): number {
  const walkAway = states[i].context.walkAway;
  let swing = 0;
  for (const p of PARTY_IDS)
    swing += Math.abs((timeline[i].utilities?.[p] ?? walkAway[p]) - (timeline[i - 1].utilities?.[p] ?? walkAway[p]));
  return swing;
}

function partyDebriefs(level: Level, final: GameState): PartyDebrief[] {
  const o = final.context.outcome;
  return PARTY_IDS.map((p) => {
    const brief = level.parties[p];
    return {
      id: p,
      name: PARTY_NAMES[p],
      walkAway: brief.walkAway,
      finalWalkAway: round1(final.context.walkAway[p]),
      value: o?.values[p] ?? round1(final.context.walkAway[p]),
      score: o?.scores[p] ?? 0,
      brief: brief.brief,
      redLines: brief.redLines.map((r) => ({
        term: TERMS[r.term].label,
        options: r.forbidden.map((f) => optionLabel(r.term, f)),
        reason: r.reason,
      })),
      interests: level.activeTerms
        .filter((t) => (brief.interests[t]?.weight ?? 0) > 0)
        .map((t) => {
          const values = brief.interests[t]!.values;
          const best = Object.entries(values).sort((a, b) => b[1] - a[1])[0]?.[0];
          return { term: TERMS[t].label, weight: brief.interests[t]!.weight, best: best ? optionLabel(t, best) : '' };
        })
        .sort((a, b) => b.weight - a.weight),
    };
  });
}

export function analyzeGame(published: Level, record: GameRecord): Result<Debrief> {
  // Every figure below is worked out on the briefs the game was played with (a classroom variant, if any).
  const played = recordLevel(published, record);
  if (!played.ok) return played;
  const level = played.value;
  const replayed = replayStates(level, record);
  if (!replayed.ok) return replayed;
  const states = replayed.value;
  const final = states[states.length - 1];
  const o = final.context.outcome;
  const space = signableAtEnd(level, final);
  const startWalkAways = Object.fromEntries(PARTY_IDS.map((p) => [p, level.parties[p].walkAway])) as Record<PartyId, number>;
  const walkAways = Object.fromEntries(PARTY_IDS.map((p) => [p, round1(final.context.walkAway[p])])) as Record<PartyId, number>;
  const nash = nashPoint(space, walkAways);
  const dealPkg = o?.package ?? null;
  let gap = 0;
  let better: number | null = null;
  if (dealPkg) ({ gap, better } = frontierGap(space, space.indexOf(dealPkg)));
  else if (nash !== null) {
    // Without a deal, measure against everyone's walk-away value: the best uniform gain a deal offered.
    gap = Math.min(...PARTY_IDS.map((p) => space.utilities[p][nash] - final.context.walkAway[p]));
    better = gap > 0 ? nash : null;
    gap = Math.max(0, gap);
  }
  const timeline = timelineOf(level, states);
  const keyMoments = keyMomentsOf(states, timeline);
  const debrief: Debrief = {
    level: { id: level.id, title: level.title },
    seed: record.seed,
    steps: record.steps.length,
    outcome: o,
    parties: partyDebriefs(level, final),
    variant: variantChanges(level),
    deal: dealPkg ? { package: dealPkg, utilities: utilitiesOf(level, final.context, dealPkg) } : null,
    walkAways: { start: startWalkAways, end: walkAways },
    zopa: { size: zopaSize(space, walkAways) },
    nash:
      nash !== null
        ? {
            package: space.packageAt(nash),
            utilities: utilitiesOf(level, final.context, space.packageAt(nash)),
            product: round1(PARTY_IDS.reduce((acc, p) => acc * (space.utilities[p][nash] - walkAways[p]), 1)),
          }
        : null,
    frontier: {
      size: paretoFrontier(space).length,
      gap: round1(gap),
      betterPackage: better !== null ? space.packageAt(better) : null,
      chart: {
        x: 'ukraine',
        y: 'russia',
        points: frontier2d(space, 'ukraine', 'russia', walkAways).map((pt) => ({ x: round1(pt.x), y: round1(pt.y) })),
      },
    },
    timeline,
    keyMoments,
    questions: [],
  };
  debrief.questions = discussionQuestions(level, states, debrief);
  return ok(debrief);
}

/**
 * Which red line blocked agreement most often: for every rejection in the record, the red lines of the
 * rejecting party that the rejected package crossed (every brief is known in the debrief).
 */
export function mostBlockingRedLine(
  level: Level,
  states: readonly GameState[],
): { party: PartyId; term: TermId; option: string; times: number } | null {
  const counts = new Map<string, { party: PartyId; term: TermId; option: string; times: number }>();
  for (let i = 1; i < states.length; i++) {
    const entry = states[i].context.log[states[i].context.log.length - 1];
    const table = states[i - 1].context.table;
    if (!entry || entry.kind !== 'reject' || !table) continue;
    for (const r of level.parties[entry.by].redLines) {
      const option = table.terms[r.term];
      if (!r.forbidden.includes(option)) continue;
      const key = `${entry.by}|${r.term}|${option}`;
      const c = counts.get(key) ?? { party: entry.by, term: r.term, option, times: 0 };
      c.times++;
      counts.set(key, c);
    }
  }
  let best: { party: PartyId; term: TermId; option: string; times: number } | null = null;
  for (const c of counts.values()) if (!best || c.times > best.times) best = c;
  return best;
}

/** Signable packages that every party values above its walk-away value. */
function zopaSize(space: DealSpace, walkAways: Record<PartyId, number>): number {
  let n = 0;
  for (let i = 0; i < space.size; i++) {
    if (!space.signable[i]) continue;
    if (PARTY_IDS.every((p) => space.utilities[p][i] > walkAways[p])) n++;
  }
  return n;
}

/** The deal space of the level, keeping only the packages every party could sign in the final state. */
function signableAtEnd(level: Level, final: GameState): DealSpace {
  const f = contextFacts(level, final.context);
  const allowed: Partial<Record<(typeof level.activeTerms)[number], string[]>> = {};
  for (const t of level.activeTerms) {
    let common: string[] | null = null;
    for (const p of PARTY_IDS) {
      const mine = termLimits(f, p)[t];
      common = common === null ? [...mine] : common.filter((o) => mine.includes(o));
    }
    allowed[t] = common ?? [];
  }
  const ctx = final.context;
  return valueSpace(restrictSignable(dealSpace(level), allowed), {
    tension: ctx.meters.tension,
    trust: ctx.meters.trust['ukraine-russia'],
    walkAway: ctx.walkAway,
  });
}

/**
 * The zone's depth, when the talks fought over it (counter-offers moved it at least twice): the depth
 * the talks ended with, the other depth argued for most often, and the step before the final depth was
 * put on the table (where a branch can try the other). Null when the depth was never in dispute.
 */
function contestedDepth(
  level: Level,
  states: readonly GameState[],
  depth: string | undefined,
): { depth: string; alternative: string; step: number } | null {
  if (!level.activeTerms.includes('bufferDepthKm') || depth === undefined) return null;
  const argued = new Map<string, number>();
  let moves = 0;
  let settled = 0;
  for (let i = 1; i < states.length; i++) {
    const log = states[i].context.log;
    for (let n = states[i - 1].context.log.length; n < log.length; n++) {
      const e = log[n];
      if (e.kind !== 'counter') continue;
      for (const ch of e.changes) {
        if (ch.term !== 'bufferDepthKm') continue;
        moves++;
        for (const o of [ch.from, ch.to]) if (o !== depth) argued.set(o, (argued.get(o) ?? 0) + 1);
        if (ch.to === depth) settled = i;
      }
    }
  }
  const alternative = [...argued].sort((a, b) => b[1] - a[1] || Number(a[0]) - Number(b[0]))[0]?.[0];
  if (moves < 2 || alternative === undefined) return null;
  return { depth, alternative, step: Math.max(1, (settled || states.length - 1) - 1) };
}

/**
 * The strike worth a question: an escalation, or an event card that costs lives, that moved a party's
 * walk-away value across the worth of a package that mattered (the one on the table just before it,
 * or the deal signed in the end), so that it changed what that party could sign. Of several, the one
 * that crossed most. A strike that changed no such choice gets no question: the class could only
 * guess at its effect.
 */
function tellingStrike(
  level: Level,
  states: readonly GameState[],
  d: Pick<Debrief, 'timeline' | 'deal'>,
): Extract<Question, { code: 'strike' }> | null {
  let best: Extract<Question, { code: 'strike' }> | null = null;
  for (let i = 1; i < states.length; i++) {
    const before = states[i - 1].context;
    const after = states[i].context;
    if (before.outcome) break;
    for (let n = before.log.length; n < after.log.length; n++) {
      const e = after.log[n];
      const casualties =
        e.kind === 'escalate' ? e.casualties : e.kind === 'event' ? (findCard(level, e.eventId)?.effects.casualties ?? 0) : 0;
      if (casualties <= 0) continue;
      const moved = PARTY_IDS.filter((p) => after.walkAway[p] !== before.walkAway[p]).map((p) => ({
        party: p,
        from: round1(before.walkAway[p]),
        to: round1(after.walkAway[p]),
      }));
      const crossed: Extract<Question, { code: 'strike' }>['crossed'][number][] = [];
      for (const m of moved) {
        const table = d.timeline[i - 1].utilities?.[m.party];
        const deal = d.deal?.utilities[m.party];
        for (const [value, pkg] of [
          [table, 'table'],
          [deal, 'deal'],
        ] as const) {
          if (value === undefined || value > m.from === value > m.to) continue;
          crossed.push({ ...m, value: round1(value), package: pkg });
          break;
        }
      }
      if (crossed.length > 0 && crossed.length > (best?.crossed.length ?? 0))
        best = { code: 'strike', round: e.round, step: i, eventId: e.kind === 'event' ? e.eventId : null, casualties, moved, crossed };
    }
  }
  return best;
}

/** Questions for a class, drawn from what happened in this game rather than a fixed list. */
export function discussionQuestions(level: Level, states: readonly GameState[], d: Debrief): Question[] {
  const q: Question[] = [];
  const final = states[states.length - 1].context;
  const o = d.outcome;
  if (o?.kind === 'breakdown') {
    const walkout = [...final.log].reverse().find((e) => e.kind === 'walkOut');
    q.push({ code: 'walk-out', by: walkout && walkout.kind === 'walkOut' ? walkout.by : null, round: o.round });
  } else if (o?.kind === 'deadline') {
    q.push({ code: 'blocking-red-line', round: o.round, redLine: mostBlockingRedLine(level, states) });
  } else if (o?.kind === 'agreement' && o.durability !== null) {
    q.push({ code: 'durability', durability: o.durability });
  }
  const zone = contestedDepth(level, states, d.deal?.package.bufferDepthKm ?? final.table?.terms.bufferDepthKm);
  if (zone) q.push({ code: 'zone-depth', ...zone });
  if (d.frontier.gap > 0.5 && d.frontier.betterPackage)
    q.push({ code: 'better-package', gap: d.frontier.gap, agreement: o?.kind === 'agreement' });
  const strike = tellingStrike(level, states, d);
  if (strike) q.push(strike);
  const startEngagement = level.meters.usEngagement;
  if (startEngagement - final.meters.usEngagement >= 15)
    q.push({ code: 'us-engagement-fell', from: startEngagement, to: final.meters.usEngagement });
  // The turning point to discuss: the move that closed the deal, else the one that changed most.
  const turning =
    d.keyMoments.find((m) => m.why === 'closed-deal') ?? [...d.keyMoments].sort((a, b) => b.swing - a.swing || a.step - b.step)[0];
  if (turning) q.push({ code: 'turning-point', round: turning.round, step: turning.step });
  if (o) {
    const byScore = [...PARTY_IDS].sort((a, b) => o.scores[b] - o.scores[a] || PARTY_IDS.indexOf(a) - PARTY_IDS.indexOf(b));
    if (o.scores[byScore[0]] !== o.scores[byScore[3]]) q.push({ code: 'own-walk-away', best: byScore[0], worst: byScore[3] });
  }
  return q;
}

/** One row per party, for a grade book: the same figures as the debrief. */
export function debriefCsv(d: Debrief): string {
  const rows = [['level', 'seed', 'outcome', 'round', 'party', 'walk_away', 'value', 'score', 'durability']];
  for (const p of d.parties)
    rows.push([
      d.level.id,
      d.seed,
      d.outcome?.kind ?? 'unfinished',
      String(d.outcome?.round ?? ''),
      p.id,
      String(p.walkAway),
      String(p.value),
      String(p.score),
      String(d.outcome?.durability ?? ''),
    ]);
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\n')}\n`;
}

function csvCell(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
