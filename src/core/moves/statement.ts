import { z } from 'zod';
import { MOVE_EFFECTS } from './effects';
import { common, endTurn, isPartysTurn, log, party, withMeters } from './common';
import { defineMove } from './define';

/** A public statement: conciliatory (trust up, tension down, support at home down) or firm (the reverse). */
export const statement = defineMove({
  type: 'party.statement',
  schema: z.strictObject({
    type: z.literal('party.statement'),
    by: party,
    tone: z.enum(['conciliatory', 'firm']),
    text: z.string().max(280).optional(),
    ...common,
  }),
  sender: 'party',
  in: ['turns'],
  checks: [isPartysTurn],
  apply: (level, ctx, intent) => {
    const e = intent.tone === 'conciliatory' ? MOVE_EFFECTS.conciliatory : MOVE_EFFECTS.firm;
    const next = withMeters(level, ctx, {
      trustWith: { [intent.by]: e.trust },
      domesticSupport: { [intent.by]: e.support },
      tension: e.tension,
    });
    const entry =
      intent.text !== undefined && intent.text !== ''
        ? ({ kind: 'statement', by: intent.by, tone: intent.tone, text: intent.text } as const)
        : ({ kind: 'statement', by: intent.by, tone: intent.tone } as const);
    return endTurn(log(next, entry, intent));
  },
  limits: () => ({ tones: ['conciliatory', 'firm'] }),
});
