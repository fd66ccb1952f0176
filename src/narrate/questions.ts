import { TERMS, findCard, inSentence, optionLabel, type KeyMoment, type Level, type Question } from '../core';
import { narrateEntry } from './log';
import { name } from './words';

/** A discussion question in words; with the game's key moments, a question about one quotes its move. */
export function describeQuestion(q: Question, game?: { level: Level; keyMoments: readonly KeyMoment[] }): string {
  switch (q.code) {
    case 'walk-out':
      return `Why did ${q.by ? name(q.by) : 'a party'} walk out in round ${q.round}? What offer, or what event, could have kept it at the table?`;
    case 'blocking-red-line':
      return q.redLine
        ? `No deal was signed by round ${q.round}. The red line that blocked agreement most often was ${name(q.redLine.party)}'s on ${inSentence(TERMS[q.redLine.term].label)} ("${inSentence(optionLabel(q.redLine.term, q.redLine.option))}"), behind ${q.redLine.times} rejection${q.redLine.times === 1 ? '' : 's'}. Was it a real limit or a negotiating position?`
        : `No deal was signed by round ${q.round}, and no package was rejected for crossing a red line. What kept the parties from signing?`;
    case 'durability':
      return `The deal's durability estimate was ${q.durability}%. Which change would have made its enforcement more credible, and who would have had to pay for it?`;
    case 'zone-depth':
      return `The package ended with a ${q.depth} km zone. Would a ${q.alternative} km zone have held? Branch the game at step ${q.step} and try it.`;
    case 'better-package':
      return `A package existed that every party valued at least ${q.gap} points more than ${q.agreement ? 'the signed deal' : 'ending without a deal'}. Why did nobody put it on the table?`;
    case 'strike': {
      const card = q.eventId && game ? findCard(game.level, q.eventId) : undefined;
      const what = q.eventId
        ? `the strike in round ${q.round}${card ? ` ("${card.title}")` : ''}`
        : `Russia's escalation in round ${q.round}`;
      const moved = q.moved.map((m, i) => `${i === 0 ? `${name(m.party)}'s walk-away` : `${name(m.party)}'s`} from ${m.from} to ${m.to}`);
      const movedText = moved.length > 1 ? `${moved.slice(0, -1).join(', ')} and ${moved.at(-1)}` : moved[0];
      const crossed = q.crossed.map((c) => {
        const pkg = c.package === 'table' ? 'The package then on the table' : 'The deal signed in the end';
        const [was, became] = c.value > c.from ? ['above', 'below'] : ['below', 'above'];
        return `${pkg} was worth ${c.value} to ${name(c.party)}: ${was} its walk-away before, ${became} it after.`;
      });
      const who = q.crossed.length === 1 ? name(q.crossed[0].party) : 'each of them';
      return `${capitalise(what)} cost ${q.casualties} lives and moved ${movedText}. ${crossed.join(' ')} Did it change what ${who} would sign, and should it have?`;
    }
    case 'us-engagement-fell':
      return `Washington's engagement fell from ${q.from} to ${q.to}. How did that limit what the United States could offer, and who gained from it?`;
    case 'turning-point': {
      const m = game?.keyMoments.find((k) => k.step === q.step);
      const quote = m && game ? ` "${shorten(narrateEntry(game.level, m.entry), 140)}"` : '';
      return `In round ${q.round}, step ${q.step}:${quote} Was this the turning point of the talks?`;
    }
    case 'own-walk-away':
      return `Measured against its own walk-away value, ${name(q.best)} did best and ${name(q.worst)} worst. Was that because of their moves or because of events? (Each party's score is on its own scale, so compare each with its walk-away, not with the others.)`;
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Cuts a long move description at a clause boundary so a question stays readable aloud. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const at = Math.max(cut.lastIndexOf(';'), cut.lastIndexOf(','));
  return `${(at > max / 2 ? cut.slice(0, at) : cut).trimEnd()} …`;
}

/** Why a key moment matters, in a line for the debrief. */
export function describeMoment(m: KeyMoment): string {
  switch (m.why) {
    case 'closed-deal':
      return 'This package became the agreement.';
    case 'withdrew-package':
      return `This rejection took off the table a package ${m.signed} parties had signed.`;
    case 'walk-away-shift':
      return `It moved the parties' walk-away values by ${m.shift} points in all.`;
    case 'walk-out':
      return 'The talks broke down here.';
    case 'swing':
      return `Moved the package's worth by ${m.swing} points across the four parties.`;
  }
}
