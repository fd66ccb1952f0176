import {
  TERMS,
  allowedOptionIds,
  optionIndex,
  viewFacts,
  type GameView,
  type LegalMove,
  type Level,
  type LogEntry,
  type PartyId,
  type TermId,
} from '../core';
import { walkTables } from './history';
import type { Bid } from './valuation';

/**
 * What a computer party believes about the others, from public information only: their public demands
 * as a prior (closer options score higher), then what they do during the game, learned as frequencies
 * of moves in the manner of the HardHeaded agent's model (see `learnFromLog`). A red line a party names
 * when it rejects is never offered to it again.
 */
export interface OpponentModel {
  readonly others: readonly PartyId[];
  /** party → active term index → option index → estimated weighted satisfaction; summing over terms gives 0–1. */
  readonly estimate: ReadonlyMap<PartyId, readonly Float64Array[]>;
  /** active term index → option indices some other party has shown it will not sign. */
  readonly forbidden: readonly Set<number>[];
  /** party → how many packages it has put forward so far. */
  readonly offers: ReadonlyMap<PartyId, number>;
  /** party → the first package it put forward, to see how far it has moved since. */
  readonly firstOffer: ReadonlyMap<PartyId, Bid>;
  /** party → the latest package it put forward: it would sign at least as much as that, as far as anyone can tell. */
  readonly lastOffer: ReadonlyMap<PartyId, Bid>;
}

/** Scale of the prior from public demands (only ratios matter). */
const PRIOR_OFFERS = 1;
/** Weight of a term nobody has heard the party speak of, against 1 for a term it publicly demands. */
const UNSTATED_WEIGHT = 0.35;
/** Extra weight a term earns each time the party moves it in a counter-offer. */
const MOVED_WEIGHT = 0.15;

interface Counts {
  prior: Float64Array[];
  weight: Float64Array;
  offers: number;
  first: Int8Array | null;
  latest: Int8Array | null;
  disliked: Float64Array[];
}

const cache = new WeakMap<object, Map<string, OpponentModel>>();

/** The model after everything public so far; it is rebuilt from the record of the talks, once per log and seat. */
export function modelFor(level: Level, view: GameView, me: PartyId, learns: boolean): OpponentModel {
  let byKey = cache.get(view.log);
  if (!byKey) cache.set(view.log, (byKey = new Map()));
  const key = `${me}|${learns}`;
  let model = byKey.get(key);
  if (!model) byKey.set(key, (model = buildModel(level, view, me, learns)));
  return model;
}

/** What a party has learned so far in one game, kept between its decisions and extended entry by entry. */
interface Learning {
  level: Level;
  counts: Map<PartyId, Counts>;
  forbidden: Set<number>[];
  table: Bid | null;
  /** How many log entries are learned from, and the last of them (to see that the log still begins so). */
  seen: number;
  last: LogEntry | undefined;
}

const learnings = new Map<string, Learning>();

/**
 * The learning after every entry of this view's log. The record of a game only grows, so the next
 * decision goes on from where the last one stopped; a log that does not begin with the entries
 * learned from (another game on the same seed, a branch, a replay) starts afresh.
 */
function learningFor(level: Level, view: GameView, me: PartyId): Learning {
  const key = `${level.id}|${view.seed}|${me}`;
  const log = view.log;
  let l = learnings.get(key);
  if (!l || l.level !== level || l.seen > log.length || (l.seen > 0 && log[l.seen - 1] !== l.last)) {
    l = {
      level,
      counts: priorCounts(level, view, me),
      forbidden: level.activeTerms.map(() => new Set<number>()),
      table: null,
      seen: 0,
      last: undefined,
    };
    if (learnings.size > 512) learnings.clear();
    learnings.set(key, l);
  }
  if (l.seen < log.length) {
    l.table = learnFromLog(level, log, l.counts, l.forbidden, l.seen, l.table);
    l.seen = log.length;
    l.last = log[log.length - 1];
  }
  return l;
}

/** Each other party's prior from its public demands: closer options score higher; unstated terms weigh less. */
function priorCounts(level: Level, view: GameView, me: PartyId): Map<PartyId, Counts> {
  const terms = level.activeTerms;
  const sizes = terms.map((t) => TERMS[t].options.length);
  const counts = new Map<PartyId, Counts>();
  for (const p of view.parties) {
    if (p.id === me) continue;
    const c: Counts = {
      prior: sizes.map((n) => new Float64Array(n)),
      weight: new Float64Array(terms.length),
      offers: 0,
      first: null,
      latest: null,
      disliked: sizes.map((n) => new Float64Array(n)),
    };
    terms.forEach((t, k) => {
      const want = p.publicDemands[t];
      const span = sizes[k] - 1;
      if (want === undefined) {
        c.weight[k] = UNSTATED_WEIGHT;
        c.prior[k].fill(0.5 * PRIOR_OFFERS);
      } else {
        c.weight[k] = 1;
        const w = optionIndex(t, want);
        for (let i = 0; i < sizes[k]; i++) c.prior[k][i] = (1 - Math.abs(i - w) / span) * PRIOR_OFFERS;
      }
    });
    counts.set(p.id, c);
  }
  return counts;
}

function buildModel(level: Level, view: GameView, me: PartyId, learns: boolean): OpponentModel {
  const terms = level.activeTerms;
  const learning = learns ? learningFor(level, view, me) : null;
  const counts = learning?.counts ?? priorCounts(level, view, me);
  // A copy: the learning goes on growing after this decision, the model of this moment does not.
  const forbidden = learning ? learning.forbidden.map((f) => new Set(f)) : terms.map(() => new Set<number>());

  const estimate = new Map<PartyId, Float64Array[]>();
  const firstOffer = new Map<PartyId, Bid>();
  const lastOffer = new Map<PartyId, Bid>();
  const offers = new Map<PartyId, number>();
  for (const [p, c] of counts) {
    let total = 0;
    for (let k = 0; k < terms.length; k++) total += c.weight[k];
    const est = terms.map((_, k) => {
      const f = c.prior[k];
      let max = 1e-9;
      for (let i = 0; i < f.length; i++) max = Math.max(max, f[i]);
      let worst = 1e-9;
      for (let i = 0; i < f.length; i++) worst = Math.max(worst, c.disliked[k][i]);
      const out = new Float64Array(f.length);
      for (let i = 0; i < f.length; i++) {
        const liked = f[i] / max - (0.5 * c.disliked[k][i]) / worst;
        out[i] = (c.weight[k] / total) * Math.max(0, liked);
      }
      return out;
    });
    estimate.set(p, est);
    offers.set(p, c.offers);
    if (c.first) firstOffer.set(p, c.first);
    if (c.latest) lastOffer.set(p, c.latest);
  }
  return { others: [...counts.keys()], estimate, forbidden, offers, firstOffer, lastOffer };
}

/**
 * Replays the public record. Frequencies of offered options would mislead here: a counter-offer keeps
 * most of the table it answers, and the options a party moves to are compromises, not its wishes. So
 * the model learns what a party moves away from (it likes that less), which terms it bothers to move
 * (they matter to it), what it can live with (it accepted it), what it rejects and why, and the red
 * lines it names (never offered to it again).
 */
function learnFromLog(
  level: Level,
  log: readonly LogEntry[],
  counts: Map<PartyId, Counts>,
  forbidden: Set<number>[],
  from: number,
  table: Bid | null,
): Bid | null {
  const terms = level.activeTerms;
  return walkTables(
    level,
    log,
    (e, before, after) => {
      const c = counts.get(e.by as PartyId);
      if ((e.kind === 'propose' || e.kind === 'counter') && after) {
        if (c) {
          c.first ??= after;
          c.latest = after;
          c.offers++;
        }
        if (e.kind === 'counter' && c)
          for (const ch of e.changes) {
            const k = terms.indexOf(ch.term);
            if (k < 0) continue;
            c.disliked[k][optionIndex(ch.term, ch.from)] += 0.5;
            c.weight[k] += MOVED_WEIGHT;
          }
      } else if (e.kind === 'accept' && before && c) {
        for (let k = 0; k < terms.length; k++) c.disliked[k][before[k]] = Math.max(0, c.disliked[k][before[k]] - 0.5);
      } else if (e.kind === 'reject' && before) {
        const r = e.rationale;
        if (r?.code === 'reject' && r.redLine) {
          const k = terms.indexOf(r.redLine.term);
          if (k >= 0) forbidden[k].add(optionIndex(r.redLine.term, r.redLine.option));
        } else if (c && r?.code === 'reject') {
          for (const w of r.worst) {
            const k = terms.indexOf(w.term);
            if (k >= 0) c.disliked[k][optionIndex(w.term, w.option)] += 1;
          }
        } else if (c) {
          // A rejection without a reason: every term of the package is a little less liked.
          for (let k = 0; k < terms.length; k++) c.disliked[k][before[k]] += 0.25;
        }
      }
    },
    from,
    table,
  );
}

function estimatedOf(est: readonly Float64Array[], bid: Bid): number {
  let u = 0;
  for (let k = 0; k < est.length; k++) u += est[k][bid[k]];
  return u;
}

/** The most another party could get as the model sees it: its best option on every term. */
export function bestEstimate(model: OpponentModel, other: PartyId): number {
  let u = 0;
  for (const term of model.estimate.get(other) ?? []) u += Math.max(...term);
  return u;
}

/** One other party's estimated utility (0–1) of a package. */
export function estimatedUtility(model: OpponentModel, other: PartyId, bid: Bid): number {
  const est = model.estimate.get(other);
  return est ? estimatedOf(est, bid) : 0.5;
}

/** The per-term options the seat may put forward now (from its legal moves), or null when it cannot. */
export function ownOptions(legal: readonly LegalMove[]): Record<TermId, string[]> | null {
  for (const m of legal) if (m.type === 'party.propose' || m.type === 'party.counter') return m.terms as Record<TermId, string[]>;
  return null;
}

/**
 * The option indices a party will put forward for a term: what the rules allow it, and (when it models
 * the others' limits) what the others could publicly sign, judged by the rules' own predicates.
 */
export function allowedOptions(level: Level, view: GameView, own: Record<TermId, string[]>, term: TermId, modelsLimits: boolean): number[] {
  const mine = own[term].map((id) => optionIndex(term, id));
  if (!modelsLimits) return mine;
  const f = viewFacts(level, view);
  let within = mine;
  for (const p of view.parties) {
    if (p.id === view.viewer) continue;
    const theirs = new Set(allowedOptionIds(f, p.id, term, TERMS[term].options));
    within = within.filter((i) => theirs.has(TERMS[term].options[i].id));
  }
  // When the others' public limits leave nothing (say Washington's engagement has fallen to "none"
  // and the Coalition needs US support), the party still argues for what it needs.
  return within.length > 0 ? within : mine;
}
