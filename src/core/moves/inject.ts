import { z } from 'zod';
import { applyCard, findCard } from '../events';
import { EventCardSchema } from '../level';
import { common, facilitator, hasFacilitator } from './common';
import { defineMove } from './define';

const CustomInjectSchema = EventCardSchema.pick({ title: true, text: true, effects: true, walkAway: true });

/** News the facilitator adds now: one of the level's prepared injects, or one written on the spot. */
export const inject = defineMove({
  type: 'facilitator.inject',
  schema: z.strictObject({
    type: z.literal('facilitator.inject'),
    by: facilitator,
    eventId: z.string().max(80).optional(),
    custom: CustomInjectSchema.optional(),
    ...common,
  }),
  sender: 'facilitator',
  in: ['turns', 'events', 'paused'],
  checks: [
    hasFacilitator,
    { name: 'hasInjectContent', onParameters: true, refuse: (_f, i) => (!i.eventId && !i.custom ? { code: 'inject-empty' } : null) },
    {
      name: 'isInjectInLevel',
      onParameters: true,
      refuse: (f, i) => (i.eventId && !findCard(f.level, i.eventId) ? { code: 'unknown-event', eventId: i.eventId, inject: true } : null),
    },
  ],
  apply: (level, ctx, intent) => {
    if (intent.eventId) return applyCard(level, ctx, findCard(level, intent.eventId)!, 'inject');
    const c = intent.custom!;
    return applyCard(
      level,
      ctx,
      { id: 'custom', effects: c.effects ?? {}, walkAway: c.walkAway ?? {}, custom: { title: c.title, text: c.text } },
      'inject',
    );
  },
  limits: (f) => ({ eventIds: f.level.injects.map((e) => e.id), custom: true }),
});
