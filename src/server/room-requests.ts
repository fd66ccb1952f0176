import { performance } from 'node:perf_hooks';
import type { Client, MessageContext } from '@colyseus/core';
import { parseIntent } from '../core';
import { describeRefusal } from '../narrate';
import { authorize } from './authorize';
import {
  IntentRequestSchema,
  ReleaseSeatRequestSchema,
  StepsRequestSchema,
  TimerRequestSchema,
  type Ack,
  type StepMessage,
  type ViewMessage,
} from '../protocol';
import { refuse } from './refuse';
import { since } from './timings';
import type { Member, TableRoom } from './room';

/**
 * The requests a client may make of its table. Each is size- and rate-checked, then run in the room's
 * queue; every outcome is a reply (an ack or a refusal with a readable reason), so a malformed or
 * hostile message never costs the sender its connection, let alone anyone else theirs.
 */

type Reply = Ack | { ok: true; view: ViewMessage } | { ok: true; steps: StepMessage[] } | { ok: true };
type Handler = (member: Member, payload: unknown) => Reply | Promise<Reply>;

export class RoomRequests {
  constructor(private readonly room: TableRoom) {}

  register(): void {
    this.on('intent', (m, p) => this.intent(m, p));
    this.on('sync', (m) => ({ ok: true, view: this.room.fullView(m) }));
    this.on('steps', (m, p) => {
      const request = StepsRequestSchema.safeParse(p);
      if (!request.success) return refuse('bad-request', 'A steps request is { from } (a step number from 1).');
      // The steps include the teacher's choice of events: a team gets them with the record, after the talks.
      if (m.seat !== 'facilitator' && this.room.table.state.phase !== 'over')
        return refuse('teacher-only', 'The steps of the game are given out when the talks are over.');
      return { ok: true, steps: this.room.table.stepsFrom(request.data.from) };
    });
    this.on('timer', (m, p) => this.extendTimer(m, p));
    this.on('releaseSeat', (m, p) => this.releaseSeat(m, p));
    // A bare send() of anything else gets an error message back instead of Colyseus's disconnect.
    this.room.onMessage('*', (client: Client, type: unknown) => {
      client.send('error', { type: String(type).slice(0, 40), code: 'bad-request', error: 'Unknown message: use request("intent", …).' });
    });
  }

  private on(type: string, handler: Handler): void {
    this.room.onMessage(type, (client: Client, payload: unknown, ctx?: MessageContext) => {
      const arrived = performance.now();
      const reply = this.guarded(client, payload, handler, type === 'intent' ? arrived : null);
      if (type === 'intent') void reply.then(() => this.room.timings.add('total', since(arrived)));
      // A request gets its reply as the answer; the same message sent without a reply channel gets it as 'ack'.
      if (ctx?.id === undefined) void reply.then((r) => client.send('ack', r));
      return reply;
    });
  }

  /** `arrived` (for moves) is when the message came in: the wait for the table's queue is timed from it. */
  private guarded(client: Client, payload: unknown, handler: Handler, arrived: number | null): Promise<Reply> {
    const member = this.room.members.get(client.sessionId);
    if (!member) return Promise.resolve(refuse('unavailable', 'You are not seated at this table.'));
    if (!member.bucket.take()) return Promise.resolve(refuse('rate-limited', 'Too many requests: wait a moment and try again.'));
    const size = approximateSize(payload);
    if (size === null) return Promise.resolve(refuse('bad-request', 'The message could not be read.'));
    if (size > this.room.options.limits.maxRequestBytes)
      return Promise.resolve(refuse('too-large', `The message is too large (${size} bytes).`));
    return this.room.enqueue(async () => {
      // The member may have been removed while the request waited in the queue.
      if (arrived !== null) this.room.timings.add('queue', since(arrived));
      if (!this.room.members.has(client.sessionId)) return refuse('unavailable', 'You are no longer seated at this table.');
      try {
        return await handler(member, payload);
      } catch (e) {
        // A fault here is the server's, not the client's: answer, log, and keep the room going.
        this.room.log(`a request failed: ${(e as Error).message}`);
        return refuse('unavailable', 'The server could not handle this request; the table is unchanged.');
      }
    });
  }

  private async intent(member: Member, payload: unknown): Promise<Ack> {
    const request = IntentRequestSchema.safeParse(payload);
    if (!request.success) return refuse('bad-request', 'An intent request is { id, intent }, with an id of 1–64 letters, digits or _.:-');
    const parsed = parseIntent(request.data.intent);
    if (!parsed.ok) return refuse('bad-request', describeRefusal(parsed.refusal));
    const denied = authorize(member.seat, parsed.value);
    if (denied) return denied;
    const source = member.seat === 'facilitator' ? 'teacher' : 'team';
    const ack = await this.room.table.apply(request.data.id, parsed.value, source, this.room.timings);
    if (ack.ok && !ack.duplicate) {
      const start = performance.now();
      this.room.changed();
      this.room.timings.add('views', since(start));
    }
    // The state hash is a check on the seed and the briefs: a team gets it only once they are revealed.
    if (ack.ok && member.seat !== 'facilitator' && this.room.table.state.phase !== 'over') {
      const { hash: _hidden, ...rest } = ack;
      return rest;
    }
    return ack;
  }

  private extendTimer(member: Member, payload: unknown): Reply {
    if (member.seat !== 'facilitator') return refuse('teacher-only', 'Only the teacher can change the timer.');
    const request = TimerRequestSchema.safeParse(payload);
    if (!request.success) return refuse('bad-request', 'A timer request is { addSeconds } (a whole number).');
    if (!this.room.timer.extend(request.data.addSeconds)) return refuse('illegal', 'No turn timer is running now.');
    this.room.changed();
    return { ok: true };
  }

  private releaseSeat(member: Member, payload: unknown): Reply {
    if (member.seat !== 'facilitator') return refuse('teacher-only', 'Only the teacher can free a seat.');
    const request = ReleaseSeatRequestSchema.safeParse(payload);
    if (!request.success) return refuse('bad-request', 'A releaseSeat request is { party }.');
    this.room.releaseSeat(request.data.party);
    return { ok: true };
  }
}

/** JSON length of a payload, or null if it cannot be serialised (e.g. a 64-bit integer decoded as a BigInt). */
function approximateSize(payload: unknown): number | null {
  try {
    return JSON.stringify(payload ?? null).length;
  } catch {
    return null;
  }
}
