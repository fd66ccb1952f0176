import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawChart } from '../helpers/chart';

/**
 * The README draws the statechart (a Mermaid state diagram between `<!-- chart -->` markers). This test
 * draws it again from the machine itself and compares, so the drawing cannot drift from the rules.
 */

describe('the statechart drawn in the README', () => {
  it('is the machine, transition for transition', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const block = readme.match(/<!-- chart -->\s*```mermaid\n([\s\S]*?)\n```\s*<!-- \/chart -->/);
    expect(block, 'README.md has a ```mermaid block between <!-- chart --> and <!-- /chart -->').not.toBeNull();
    expect(block![1]).toBe(drawChart());
  });
});
