import { z } from 'zod';
import { findCard } from '../events';
import { common, facilitator, hasFacilitator, log } from './common';
import { defineMove } from './define';

/** The facilitator replaces the next seeded event with a card of the level's choosing. */
export const overrideEvent = defineMove({
  type: 'facilitator.overrideEvent',
  schema: z.strictObject({ type: z.literal('facilitator.overrideEvent'), by: facilitator, eventId: z.string().max(80), ...common }),
  sender: 'facilitator',
  in: ['turns', 'events', 'paused'],
  checks: [
    hasFacilitator,
    {
      name: 'isEventInLevel',
      onParameters: true,
      refuse: (f, i) => (findCard(f.level, i.eventId) ? null : { code: 'unknown-event', eventId: i.eventId, inject: false }),
    },
  ],
  apply: (_level, ctx, intent) =>
    log({ ...ctx, eventOverride: intent.eventId }, { kind: 'override', by: 'facilitator', eventId: intent.eventId }, intent),
  limits: (f) => ({ eventIds: [...f.level.events, ...f.level.injects].map((e) => e.id) }),
});
