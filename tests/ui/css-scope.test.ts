import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStyleSheets, STYLE_SHEETS } from './css-owners';

/**
 * Styles scoped per screen and widget (the scheme is described in css-owners.ts): one widget's class
 * can never restyle another's. This once went wrong: the explorer's colour swatch rule `.ok` also
 * matched the term editor's status line `.editor-problem.ok` and squashed it into a column one word wide.
 */
const root = resolve(import.meta.dirname, '../..');

describe('the style sheets', () => {
  it('give every class to exactly one screen or widget, and style it only from there', () => {
    const { problems } = checkStyleSheets(root);
    expect(problems.map((p) => `${p.file}:${p.line} ${p.selector} — ${p.message}`)).toEqual([]);
  });

  it('catch a rule from one widget that would restyle another’s class', () => {
    const fixture = resolve(import.meta.dirname, 'fixtures');
    const { problems } = checkStyleSheets(fixture, ['clash.css']);
    const messages = problems.map((p) => `${p.line}: ${p.message}`).join('\n');
    expect(messages).toMatch(/^8: class "ok" belongs to no owner/m);
    expect(messages).toMatch(/^11: styles "editor-problem", which belongs to "editor", from "explorer"/m);
    expect(messages).toMatch(/^14: .*modifier alone/m);
    expect(messages).toMatch(/prefix "explore-ok" of "swatch" is also "explorer"/);
    expect(messages).toMatch(/^19: adaptation "small" outside an at-rule/m);
    expect(STYLE_SHEETS.length).toBe(3);
  });
});
