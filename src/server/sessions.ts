import { randomBytes, randomInt } from 'node:crypto';
import { z } from 'zod';
import { DIFFICULTIES, drawVariant, err, ok, type Difficulty, type Result } from '../core';
import { findBuiltinLevel } from '../content/levels';
import type { Journal, SessionRow, TableRow } from './journal';
import { hashToken, newId, newJoinCode, newToken } from './secrets';

/**
 * Creating a classroom session: one level and one seed, played at 1–8 parallel tables so the class can
 * compare what different groups made of the same events. The teacher gets one token for all of them.
 */

export const CreateSessionSchema = z.strictObject({
  levelId: z.string().min(1).max(80),
  seed: z.string().trim().min(1).max(64).optional(),
  tables: z.number().int().min(1).max(8).default(1),
  /** Seconds per turn for a team; 0 = no timer. */
  turnSeconds: z.number().int().min(0).max(3600).default(180),
  difficulty: z.enum(DIFFICULTIES as [Difficulty, ...Difficulty[]]).default('normal'),
  graceSeconds: z.number().int().min(0).max(3600).optional(),
  /**
   * "drawn" (the default): every brief is drawn within the ranges the level declares, from a secret the
   * server keeps, so the game's files tell no team the others' briefs; "as-written": the briefs as in the level.
   */
  briefs: z.enum(['drawn', 'as-written']).default('drawn'),
});
export type CreateSession = z.input<typeof CreateSessionSchema>;

export interface CreatedSession {
  session: SessionRow;
  teacherToken: string;
  codes: string[];
}

/** Words for generated seeds: easy to read out when a class wants to replay "the same game". */
const SEED_WORDS = ['amber', 'birch', 'cedar', 'delta', 'ember', 'fjord', 'grove', 'harbor', 'iris', 'juniper', 'kestrel', 'linden'];

/**
 * Three words and six digits (about 1.5 billion seeds): readable aloud after the debrief, yet too many
 * for a student to try them all against the events the table has seen and so foresee the next one.
 */
function newSeed(): string {
  const pick = () => SEED_WORDS[randomInt(SEED_WORDS.length)];
  return `${pick()}-${pick()}-${pick()}-${randomInt(100_000, 1_000_000)}`;
}

export function createSession(journal: Journal, input: unknown, defaultGraceSeconds: number): Result<CreatedSession> {
  const parsed = CreateSessionSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return err(`${issue.path.join('.') || 'body'}: ${issue.message}`);
  }
  const o = parsed.data;
  const level = findBuiltinLevel(o.levelId);
  if (!level) return err(`levelId: there is no level "${o.levelId}"`);
  const teacherToken = newToken();
  const session: SessionRow = {
    id: newId(),
    levelId: o.levelId,
    seed: o.seed ?? newSeed(),
    created: new Date().toISOString(),
    // Drawn from a secret that is used once and never stored: only the drawn briefs are kept, server-side.
    variant: level.briefVariants && o.briefs === 'drawn' ? drawVariant(level, randomBytes(32).toString('hex')) : null,
    settings: {
      tables: o.tables,
      turnSeconds: o.turnSeconds,
      difficulty: o.difficulty,
      graceSeconds: o.graceSeconds ?? defaultGraceSeconds,
    },
  };
  const codes: string[] = [];
  while (codes.length < o.tables) {
    const code = newJoinCode();
    // A code must be new to this server, not just to this session: old tables can still be reopened.
    if (!codes.includes(code) && !journal.hasTable(code)) codes.push(code);
  }
  const rows: TableRow[] = codes.map((code, index) => ({
    code,
    sessionId: session.id,
    index,
    seats: {},
    teacherHash: hashToken(teacherToken),
  }));
  journal.createSession(session, rows);
  return ok({ session, teacherToken, codes });
}
