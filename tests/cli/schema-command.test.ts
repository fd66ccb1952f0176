import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import { levelSchemaJson } from '../../src/cli/schema-command';

/** The JSON Schema level authors use in their editors is generated from the schema the game validates with. */

const ROOT = join(import.meta.dirname, '..', '..');

describe('level schema for authors', () => {
  it('the committed levels/schema/level.schema.json equals the freshly generated one (run `npm run schema`)', () => {
    expect(readFileSync(join(ROOT, 'levels/schema/level.schema.json'), 'utf8')).toBe(levelSchemaJson());
  });

  it('describes the level format: an object with the level fields required', () => {
    const schema = JSON.parse(levelSchemaJson());
    expect(schema.title).toBe('Buffer Zone level');
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'title', 'rounds', 'turnOrder', 'parties', 'events', 'sources']));
  });

  it('level-schema prints the same text', () => {
    const out: string[] = [];
    expect(
      run(
        ['level-schema'],
        (t) => out.push(t),
        () => {},
      ),
    ).toBe(0);
    expect(`${out.join('\n')}\n`).toBe(levelSchemaJson());
  });
});
