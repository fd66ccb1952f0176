import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinLevels } from '../../src/content/levels';
import { lessonGuideHtml } from '../../src/ui/guide/lesson-guide-page';

/**
 * The lesson guide (docs/lesson-guide.md) quotes the source cards in its pre-reading and names the
 * game's screens and injects. These checks keep it true when the levels change, and keep the printable
 * page it becomes well formed: one title, real section headings, A4 print rules.
 */

const GUIDE = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'lesson-guide.md'), 'utf8');
const levels = builtinLevels().map((l) => l.level);

/** The quotations of a markdown section: runs of `> ` lines, without the `> — attribution` line. */
function quotations(markdown: string): string[] {
  const out: string[] = [];
  let current: string[] = [];
  for (const line of [...markdown.split('\n'), '']) {
    if (line.startsWith('> ') && !line.startsWith('> —')) current.push(line.slice(2).trim());
    else if (line !== '>' && current.length) {
      out.push(current.join(' '));
      current = [];
    }
  }
  return out;
}

describe('the lesson guide', () => {
  const preReading = GUIDE.slice(GUIDE.indexOf('## 3. Pre-reading'), GUIDE.indexOf('## 4.'));

  it('quotes the source cards word for word in its pre-reading', () => {
    const quotes = quotations(preReading);
    expect(quotes.length).toBeGreaterThan(8);
    const cards = levels.flatMap((l) => l.sources.map((s) => s.quote));
    for (const q of quotes)
      expect(
        cards.some((c) => c.includes(q)),
        q.slice(0, 60),
      ).toBe(true);
  });

  it('attributes every quotation', () => {
    const blocks = preReading.split(/\n\n(?=> )/).filter((b) => b.startsWith('> ') && !b.startsWith('> —'));
    for (const b of blocks) expect(b, b.slice(0, 60)).toMatch(/\n> — \S/);
  });

  it('names injects the scenarios have', () => {
    const injects = new Set(levels.flatMap((l) => l.injects.map((e) => e.title)));
    for (const title of ['Who responds if fighting resumes?', 'Troops from outside NATO?']) {
      expect(GUIDE).toContain(title);
      expect(injects.has(title), title).toBe(true);
    }
  });

  it('becomes a printable page with one title, section headings and A4 print rules', () => {
    const html = lessonGuideHtml();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<html lang="en">');
    expect(html.match(/<h1[ >]/g)?.length).toBe(1);
    expect(html.match(/<h2 id="/g)?.length).toBeGreaterThanOrEqual(10);
    expect(html).toContain('id="pre-reading-one-page-for-students"');
    expect(html).toContain('size: A4');
    expect(html).toContain('<table>');
  });
});
