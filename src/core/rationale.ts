import { z } from 'zod';
import { TermSchema } from './schema';

/**
 * The reason a party gives for a move, as data. A computer party sends one with every intent; a
 * person may write a free-text `note` instead. `src/narrate` words it ("Russia counters: it gives
 * ground on peacekeepers in exchange for neutrality").
 */
const TermRef = z.strictObject({ term: TermSchema, option: z.string().max(40) });
const terms = z.array(TermRef).max(12);

export const RationaleSchema = z.discriminatedUnion('code', [
  /** A proposal or counter-offer: what it asks for (moved its way) and what it gives (moved the others' way). */
  z.strictObject({ code: z.literal('offer'), asks: terms, gives: terms }),
  /**
   * Signing. When the party had rejected a package over some of these same terms, it says which
   * (`dropped`) and what changed since: the terms now better for it than in the package it rejected
   * (`gains`), or, when nothing is better, that time is running out.
   */
  z.strictObject({
    code: z.literal('accept'),
    priorities: z.array(TermSchema).max(12),
    dropped: terms.optional(),
    gains: terms.optional(),
  }),
  /** A red line the package crosses, or the terms it values least. */
  z.strictObject({ code: z.literal('reject'), redLine: TermRef.optional(), worst: terms }),
  z.strictObject({ code: z.literal('hold') }),
  z.strictObject({ code: z.literal('await-answers') }),
  z.strictObject({ code: z.literal('ready-to-sign') }),
  z.strictObject({ code: z.literal('air-support'), support: z.string().max(40) }),
  z.strictObject({ code: z.literal('pledge'), troops: z.number().int().min(0).max(1_000_000) }),
  z.strictObject({ code: z.literal('define-guarantees') }),
  z.strictObject({ code: z.literal('escalate') }),
  z.strictObject({ code: z.literal('stall') }),
  z.strictObject({ code: z.literal('walk-out') }),
]);

export type Rationale = z.infer<typeof RationaleSchema>;
export type TermRef = z.infer<typeof TermRef>;
