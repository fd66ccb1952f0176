/**
 * The terms of a settlement and the options for each. This is the shared vocabulary of every level:
 * levels weigh these options and may fix some terms, but they cannot invent new ones, so that records,
 * AI parties and the UI all speak the same language.
 */

export const TERM_IDS = [
  'ceasefire',
  'bufferDepthKm',
  'bufferSide',
  'peacekeepers',
  'mandate',
  'usSupport',
  'guarantee',
  'territory',
  'alignment',
  'arms',
] as const;

export type TermId = (typeof TERM_IDS)[number];

export interface TermOption {
  readonly id: string;
  readonly label: string;
}

export interface TermDefinition {
  readonly id: TermId;
  readonly label: string;
  /** Ordered from the least to the most: "more" ceasefire, deeper zone, more troops, stronger support. */
  readonly options: readonly TermOption[];
}

const opt = (id: string, label: string): TermOption => ({ id, label });

export const TERMS: Readonly<Record<TermId, TermDefinition>> = {
  ceasefire: {
    id: 'ceasefire',
    label: 'Ceasefire',
    options: [opt('none', 'No ceasefire'), opt('partial', 'Partial (air and sea)'), opt('full', 'Full ceasefire')],
  },
  bufferDepthKm: {
    id: 'bufferDepthKm',
    label: 'Buffer zone depth',
    options: [opt('0', 'No zone'), opt('10', '10 km'), opt('20', '20 km'), opt('30', '30 km'), opt('40', '40 km')],
  },
  bufferSide: {
    id: 'bufferSide',
    label: 'Buffer zone side',
    options: [opt('ukrainian', 'Ukrainian side of the line'), opt('both', 'Both sides of the line')],
  },
  peacekeepers: {
    id: 'peacekeepers',
    label: 'European peacekeepers',
    options: [
      opt('0', 'None'),
      opt('4000', '4,000 troops'),
      opt('15000', '15,000 troops'),
      opt('30000', '30,000 troops'),
      opt('60000', '60,000 troops'),
    ],
  },
  mandate: {
    id: 'mandate',
    label: 'Peacekeeping mandate',
    options: [
      opt('observe', 'Observe and report'),
      opt('train-and-defend', 'Patrol, train and defend'),
      opt('enforce', 'Enforce the peace'),
    ],
  },
  usSupport: {
    id: 'usSupport',
    label: 'US support',
    options: [
      opt('none', 'None'),
      opt('air-defence', 'Air-defence systems'),
      opt('intel-logistics', 'Intelligence and logistics'),
      opt('no-fly-zone', 'No-fly zone'),
      opt('strike-backstop', 'Long-range strike backstop'),
    ],
  },
  guarantee: {
    id: 'guarantee',
    label: 'Security guarantee',
    options: [opt('none', 'None'), opt('assurances', 'Political assurances'), opt('article5-like', '"Article 5-like" guarantee')],
  },
  territory: {
    id: 'territory',
    label: 'Territory',
    options: [
      opt('pre-2022-lines', 'Withdrawal to the lines before 2022'),
      opt('contact-line', 'Freeze along the line of contact'),
      opt('deferred', 'Left to later talks'),
      opt('donbas-ceded', 'All of Donbas under Russian control'),
    ],
  },
  alignment: {
    id: 'alignment',
    label: 'Alignment',
    options: [opt('nato-path', 'Path to NATO membership'), opt('deferred', 'Question deferred'), opt('neutrality', 'Neutrality')],
  },
  arms: {
    id: 'arms',
    label: 'Arms package',
    options: [opt('none', 'None'), opt('sustain', 'Sustain current supplies'), opt('major', 'Major long-term weapons deal')],
  },
};

export type Package = Readonly<Record<TermId, string>>;

/** term → option id → index, built once: option lookups sit on the hot path of every AI decision. */
const OPTION_INDEX: Readonly<Record<TermId, Readonly<Record<string, number>>>> = Object.fromEntries(
  TERM_IDS.map((t) => [t, Object.fromEntries(TERMS[t].options.map((o, i) => [o.id, i]))]),
) as Record<TermId, Record<string, number>>;

export function optionIndex(term: TermId, optionId: string): number {
  return OPTION_INDEX[term][optionId] ?? -1;
}

export function isOption(term: TermId, optionId: unknown): boolean {
  return typeof optionId === 'string' && optionIndex(term, optionId) >= 0;
}

export function optionLabel(term: TermId, optionId: string): string {
  return TERMS[term].options.find((o) => o.id === optionId)?.label ?? optionId;
}

export function describePackage(pkg: Package, terms: readonly TermId[] = TERM_IDS): string {
  return terms.map((t) => `${TERMS[t].label}: ${optionLabel(t, pkg[t])}`).join('; ');
}

export function samePackage(a: Package, b: Package): boolean {
  for (const t of TERM_IDS) if (a[t] !== b[t]) return false;
  return true;
}

/** 60000 → "60,000". Written by hand because Intl output can differ between runtimes, and log text is hashed. */
export function formatThousands(n: number): string {
  const s = String(Math.round(Math.abs(n)));
  return (n < 0 ? '-' : '') + s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Lower-cases a label's first letter for use inside a sentence, keeping names: "US support", "NATO", "Ukrainian". */
export function inSentence(label: string): string {
  if (/^(US|NATO|Ukrainian|European|Russian)\b/.test(label) || label.startsWith('"')) return label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}
