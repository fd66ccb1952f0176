import { playGame, type PlayedGame, type Player } from '../ai';
import { parseIntent, type GameView, type LegalMove, type Level, type Outcome, type PartyId, type Refusal, type Seats } from '../core';
import { describeRefusal } from '../narrate';
import { AgentProcess, type Reply } from './agent-process';
import type { Out } from './commands';

/**
 * A seat played by an agent program (`--seat ukraine=agent:node my-agent.js`), one process per game,
 * speaking JSON lines on its stdin and stdout:
 *
 *   to the agent   {"type":"turn","seat","view","legal"}   its move: what the seat sees, what it may do
 *                  {"type":"refused","reason","refusal"}   the last answer was refused: try again
 *                  {"type":"end","view","scores"}          the talks are over
 *   from the agent one intent per turn or refused message, e.g. {"type":"party.pass"} (`by` optional)
 *
 * A late answer (past the time limit) or one that is not an intent passes the turn; an agent that
 * exits or cannot start passes for the rest of the game. Each is one line on stderr.
 */
export interface AgentOptions {
  timeoutMs: number;
  /** Where one-line reports about the agent go (stderr). */
  warn: Out;
}

export function agentPlayer(level: Level, seat: PartyId, command: string, options: AgentOptions): Player & { close(): void } {
  const proc = new AgentProcess(command);
  const who = `agent ${seat} (${command.length > 60 ? `${command.slice(0, 57)}…` : command})`;
  let gone = false;
  let where = '';

  const answer = (reply: Reply): unknown => {
    if (reply.kind === 'exit') {
      if (!gone) options.warn(`${who} ${reply.detail}; its seat passes for the rest of the game`);
      gone = true;
      return null;
    }
    if (reply.kind === 'timeout') {
      options.warn(`${who}: no answer within ${options.timeoutMs / 1000} s ${where}; the seat passes`);
      return null;
    }
    let data: unknown;
    try {
      data = JSON.parse(reply.line);
    } catch {
      options.warn(`${who}: answer ${where} is not JSON (${JSON.stringify(reply.line.slice(0, 60))}); the seat passes`);
      return null;
    }
    const withBy = data !== null && typeof data === 'object' && !Array.isArray(data) && !('by' in data) ? { ...data, by: seat } : data;
    const parsed = parseIntent(withBy);
    if (!parsed.ok) {
      options.warn(`${who}: answer ${where} is not an intent (${describeRefusal(parsed.refusal, level).slice(0, 160)}); the seat passes`);
      return null;
    }
    return parsed.value;
  };

  return {
    turn(view: GameView, legal: LegalMove[]) {
      if (gone) return null;
      where = `to its turn at step ${view.step + 1} (round ${view.round})`;
      return answer(proc.ask({ type: 'turn', seat, view, legal }, options.timeoutMs));
    },
    refused(refusal: Refusal) {
      if (gone) return null;
      return answer(proc.ask({ type: 'refused', reason: describeRefusal(refusal, level), refusal }, options.timeoutMs));
    },
    end(view: GameView, outcome: Outcome) {
      const exited = gone ? null : proc.exited;
      if (exited) options.warn(`${who} ${exited} before the talks ended`);
      else if (!gone) proc.tell({ type: 'end', view, scores: outcome.scores });
      proc.close();
    },
    close() {
      proc.close();
    },
  };
}

/** Seats as the record keeps them: the computer at its difficulty, or the agent's command. */
export function seatsWithAgents(seats: Seats, agents: Partial<Record<PartyId, string>>): Seats {
  const out = { ...seats };
  for (const p of Object.keys(agents) as PartyId[]) out[p] = { kind: 'agent', command: agents[p] };
  return out;
}

/** One game with an agent process per agent seat, each started for this game and stopped after it. */
export function playWithAgents(
  level: Level,
  seed: string,
  seats: Seats,
  agents: Partial<Record<PartyId, string>>,
  options: AgentOptions & { record?: boolean; players?: Partial<Record<PartyId, Player>> },
): PlayedGame {
  const started: (Player & { close(): void })[] = [];
  const players: Partial<Record<PartyId, Player>> = { ...options.players };
  try {
    for (const p of Object.keys(agents) as PartyId[]) {
      const player = agentPlayer(level, p, agents[p]!, options);
      started.push(player);
      players[p] = player;
    }
    return playGame(level, seed, seatsWithAgents(seats, agents), players, { record: options.record });
  } finally {
    for (const player of started) player.close();
  }
}
