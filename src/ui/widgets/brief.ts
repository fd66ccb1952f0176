import { PARTY_NAMES, TERMS, optionLabel, type Level, type PrivateBrief, type TermId } from '../../core';
import { h } from '../dom';
import { emblem } from '../palette';
import { openDialog } from './dialog';

/**
 * A party's private brief: the narrative, the walk-away value, the weighted interests and the red
 * lines. Shown for the player's own party during the game, and for every party in the debrief.
 */
export function briefDetails(brief: PrivateBrief, level: Level): HTMLElement {
  const terms = level.activeTerms.filter((t) => (brief.interests[t]?.weight ?? 0) > 0);
  const total = terms.reduce((s, t) => s + (brief.interests[t]?.weight ?? 0), 0) || 1;
  const sorted = [...terms].sort((a, b) => (brief.interests[b]?.weight ?? 0) - (brief.interests[a]?.weight ?? 0));
  const moved = Math.abs(brief.currentWalkAway - brief.walkAway) >= 0.1;
  return h(
    'div',
    { class: 'brief' },
    h('p', { class: 'narrative' }, brief.brief),
    h(
      'div',
      { class: 'walkaway' },
      h(
        'p',
        null,
        h('strong', null, `Walk-away value: ${brief.currentWalkAway}`),
        ' out of 100',
        moved ? ` (it started at ${brief.walkAway}; events have moved it)` : '',
      ),
      h(
        'p',
        { class: 'hint' },
        'What this party expects if the talks fail. A deal scores its value minus the walk-away value set at the start.',
      ),
    ),
    h('h3', null, 'What matters, and how much'),
    h(
      'table',
      { class: 'interests' },
      h('caption', { class: 'sr-only' }, 'Interests by weight'),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, 'Term'),
          h('th', { scope: 'col' }, 'Weight'),
          h('th', { scope: 'col' }, 'Preferred, best first'),
        ),
      ),
      h('tbody', null, ...sorted.map((t) => interestRow(brief, t, total))),
    ),
    h('h3', null, 'Red lines'),
    brief.redLines.length
      ? h(
          'ul',
          { class: 'redlines' },
          ...brief.redLines.map((r) =>
            h(
              'li',
              null,
              h('strong', null, `${TERMS[r.term].label}: ${r.forbidden.map((o) => optionLabel(r.term, o)).join(' or ')}`),
              ` — ${r.reason}`,
            ),
          ),
        )
      : h('p', { class: 'hint' }, 'No red lines: everything is negotiable, at a price.'),
    h('h3', null, 'Public position'),
    h('p', null, level.parties[brief.party].publicPosition),
  );
}

function interestRow(brief: PrivateBrief, t: TermId, total: number): HTMLTableRowElement {
  const interest = brief.interests[t]!;
  const share = Math.round((100 * interest.weight) / total);
  const ranked = TERMS[t].options
    .map((o) => ({ label: o.label, v: interest.values[o.id] ?? 0 }))
    .sort((a, b) => b.v - a.v)
    .filter((o) => o.v > 0)
    .slice(0, 3);
  return h(
    'tr',
    null,
    h('th', { scope: 'row' }, TERMS[t].label, interest.note ? h('span', { class: 'hint block' }, interest.note) : null),
    h(
      'td',
      { class: 'interests-weight' },
      h('span', { class: 'interests-bar', 'aria-hidden': 'true' }, h('span', { style: `width:${Math.min(100, share * 2.5)}%` })),
      ` ${share}%`,
    ),
    h('td', null, ranked.map((o) => o.label).join(' › ') || '—'),
  );
}

export function openBriefDialog(brief: PrivateBrief, level: Level): void {
  openDialog({
    title: `Your brief: ${PARTY_NAMES[brief.party]}`,
    wide: true,
    body: [
      h('p', { class: 'private-note' }, emblem(brief.party), ' Private. Only you can see this until the debrief.'),
      briefDetails(brief, level),
    ],
    actions: [{ label: 'Back to the table', primary: true }],
  });
}

/** The brief in three lines, for the briefing panel: walk-away value, top priorities, red lines. */
export function briefGlance(brief: PrivateBrief, level: Level): HTMLElement {
  const top = level.activeTerms
    .filter((t) => (brief.interests[t]?.weight ?? 0) > 0)
    .sort((a, b) => (brief.interests[b]?.weight ?? 0) - (brief.interests[a]?.weight ?? 0))
    .slice(0, 3)
    .map((t) => TERMS[t].label.toLowerCase());
  return h(
    'dl',
    { class: 'glance' },
    h('div', null, h('dt', null, 'Walk-away value'), h('dd', null, `${brief.currentWalkAway} of 100`)),
    h('div', null, h('dt', null, 'Top priorities'), h('dd', null, top.join(', '))),
    h(
      'div',
      null,
      h('dt', null, 'Red lines'),
      h('dd', null, brief.redLines.length ? brief.redLines.map((r) => TERMS[r.term].label.toLowerCase()).join(', ') : 'none'),
    ),
  );
}
