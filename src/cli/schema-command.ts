import { z } from 'zod';
import { LevelSchema } from '../core';
import { parse } from './args';
import { writeTextFile } from './files';
import type { Out } from './commands';

/** The JSON Schema for level authors, generated from the same Zod schema the game validates with. */
export function levelSchemaJson(): string {
  const schema = z.toJSONSchema(LevelSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return `${JSON.stringify({ ...schema, title: 'Buffer Zone level', $id: 'level.schema.json' }, null, 2)}\n`;
}

export function levelSchemaCommand(args: string[], out: Out): void {
  const { values } = parse(args, { out: { type: 'string' } });
  const text = levelSchemaJson();
  if (values.out) writeTextFile(values.out, text);
  else out(text.trimEnd());
}
