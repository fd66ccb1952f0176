import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import postcss, { type AtRule, type Comment, type Container, type Rule } from 'postcss';

/**
 * The naming scheme that keeps one screen's or widget's styles off another's elements.
 *
 * Each style sheet is cut into sections by marker comments:
 *
 *   /* @owner editor: editor *\/          the term editor owns `editor` and every `editor-…` class
 *   /* @owner base: sr-only, panel, … *\/  page-wide building blocks (buttons, panels, notices)
 *   /* @owner table *\/                    the table again, later in the file (prefixes declared once)
 *   /* @adapt small-windows *\/            page-wide adaptations: any owner's classes, but only under
 *                                          an at-rule (@media, @page) or a document setting (`html.…`)
 *
 * Every class belongs to the one owner whose prefix it carries (`editor`, `editor-problem`); a prefix
 * belongs to one owner, and no prefix extends another owner's (`map` and `map-legend` could not both
 * be owners), so a class name says which section styles it. In an owner's section:
 * - every selector names one of the owner's classes, so a bare `.ok` can never style anything;
 * - the element a rule styles (its last compound) carries the owner's classes and state modifiers
 *   (`.editor-problem.is-ok`); another owner's class there only inside one of the owner's elements
 *   (`.about-grid .panel`: the about page placing a panel), never on its own;
 * - a state modifier (`is-…`) sits on an owner class, or on an element inside the owner's
 *   (`.score-table td.is-good`), never alone.
 * Classes inside `:has()`/`:not()`/`:is()` and on ancestors are context and may be anyone's.
 */

export const STYLE_SHEETS = ['src/ui/styles.css', 'src/ui/discussion.css', 'src/ui/classroom/classroom.css'];

export interface Problem {
  file: string;
  line: number;
  selector: string;
  message: string;
}

interface Section {
  kind: 'owner' | 'adapt';
  name: string;
}

interface Owner {
  name: string;
  prefixes: string[];
  file: string;
  line: number;
}

const MARKER = /^@(owner|adapt)\s+([a-z][a-z0-9-]*)\s*(?::\s*([\s\S]*))?$/;
const MODIFIER = /^is-[a-z0-9-]+$/;

/** Splits at depth 0 on `sep` (commas of a selector list). */
function splitTop(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === sep && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter(Boolean);
}

/** The compound selectors of one complex selector, in order (combinators dropped). */
function compounds(selector: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of selector) {
    if (c === '(' || c === '[') depth++;
    if (c === ')' || c === ']') depth--;
    if (depth === 0 && /[\s>+~]/.test(c)) {
      if (current) out.push(current);
      current = '';
    } else current += c;
  }
  if (current) out.push(current);
  return out;
}

/** Classes of a compound: those on the element itself, and those inside functional pseudo-classes. */
function classesOf(compound: string): { own: string[]; inner: string[] } {
  const own: string[] = [];
  const inner: string[] = [];
  let depth = 0;
  for (let i = 0; i < compound.length; i++) {
    const c = compound[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === '.') {
      const m = /^[a-zA-Z_][\w-]*/.exec(compound.slice(i + 1));
      if (m) (depth === 0 ? own : inner).push(m[0]);
    }
  }
  return { own, inner };
}

/** The at-rules a rule sits in, innermost first. */
function atRulesAround(rule: Rule): AtRule[] {
  const out: AtRule[] = [];
  for (let p = rule.parent as Container | undefined; p; p = p.parent as Container | undefined)
    if (p.type === 'atrule') out.push(p as AtRule);
  return out;
}

const insideAtRule = (rule: Rule) => atRulesAround(rule).some((a) => !/keyframes$/.test(a.name));
const inKeyframes = (rule: Rule) => atRulesAround(rule).some((a) => /keyframes$/.test(a.name));

export function checkStyleSheets(root: string, files = STYLE_SHEETS): { problems: Problem[]; owners: Owner[] } {
  const problems: Problem[] = [];
  const owners = new Map<string, Owner>();
  const rules: { file: string; rule: Rule; section: Section | null }[] = [];

  for (const file of files) {
    const path = resolve(root, file);
    const name = relative(root, path);
    const css = postcss.parse(readFileSync(path, 'utf8'), { from: path });
    let section: Section | null = null;
    css.walk((node) => {
      if (node.type === 'comment') {
        const m = MARKER.exec((node as Comment).text.trim());
        if (!m) return;
        const [, kind, owner, list] = m;
        section = { kind: kind as Section['kind'], name: owner };
        if (kind === 'owner' && list !== undefined) {
          if (owners.has(owner))
            problems.push({
              file: name,
              line: node.source?.start?.line ?? 0,
              selector: '',
              message: `owner "${owner}" declares its prefixes twice`,
            });
          const prefixes = list
            .split(/[\s,]+/)
            .map((p) => p.trim())
            .filter(Boolean);
          owners.set(owner, { name: owner, prefixes, file: name, line: node.source?.start?.line ?? 0 });
        }
      } else if (node.type === 'rule' && !inKeyframes(node as Rule)) rules.push({ file: name, rule: node as Rule, section });
    });
  }

  // One owner per prefix, and no prefix inside another owner's.
  const all = [...owners.values()].flatMap((o) => o.prefixes.map((p) => ({ prefix: p, owner: o })));
  for (const a of all)
    for (const b of all)
      if (a.owner !== b.owner && (a.prefix === b.prefix || a.prefix.startsWith(`${b.prefix}-`)))
        problems.push({
          file: a.owner.file,
          line: a.owner.line,
          selector: '',
          message: `prefix "${a.prefix}" of "${a.owner.name}" is also "${b.owner.name}"'s ("${b.prefix}"): a class name must say which section styles it`,
        });

  const ownerOf = (cls: string): Owner | undefined =>
    [...owners.values()].find((o) => o.prefixes.some((p) => cls === p || cls.startsWith(`${p}-`)));

  for (const { file, rule, section } of rules) {
    const line = rule.source?.start?.line ?? 0;
    const report = (selector: string, message: string) => problems.push({ file, line, selector, message });
    if (!section) {
      report(rule.selector, 'rule before any @owner or @adapt marker');
      continue;
    }
    if (section.kind === 'owner' && !owners.has(section.name)) {
      report(rule.selector, `section of an owner "${section.name}" whose prefixes are never declared`);
      continue;
    }
    for (const selector of splitTop(rule.selector, ',')) {
      const parts = compounds(selector);
      const every = parts.flatMap((p) => {
        const c = classesOf(p);
        return [...c.own, ...c.inner];
      });
      for (const cls of every)
        if (!MODIFIER.test(cls) && !ownerOf(cls)) report(selector, `class "${cls}" belongs to no owner (no declared prefix matches it)`);
      if (section.kind === 'adapt') {
        const documentSetting = /^html[.:]/.test(parts[0] ?? '') || /^:root/.test(parts[0] ?? '');
        if (!insideAtRule(rule) && !documentSetting)
          report(
            selector,
            `adaptation "${section.name}" outside an at-rule or a document setting (html.…): it would restyle other owners always`,
          );
        continue;
      }
      const owner = owners.get(section.name)!;
      const last = parts[parts.length - 1] ?? '';
      const subject = classesOf(last).own;
      // Context: the owner's own class on an ancestor confines the rule to the owner's part of the page.
      const inContext = parts.slice(0, -1).some((p) => {
        const c = classesOf(p);
        return [...c.own, ...c.inner].some((cls) => ownerOf(cls) === owner);
      });
      for (const cls of subject) {
        if (MODIFIER.test(cls)) continue;
        const by = ownerOf(cls);
        if (by && by !== owner && !inContext)
          report(selector, `styles "${cls}", which belongs to "${by.name}", from "${owner.name}"'s section (outside any of its elements)`);
      }
      const named = every.some((cls) => ownerOf(cls) === owner) || /^(html|:root)\b/.test(parts[0] ?? '');
      if (!named && owner.name !== 'base') report(selector, `names none of "${owner.name}"'s classes, so it could style any element`);
      const element = /^[a-z]/.test(last);
      if (subject.length > 0 && subject.every((c) => MODIFIER.test(c)) && !(element && inContext))
        report(selector, 'a state modifier alone styles nothing of its own: put it on an owner class');
    }
  }
  return { problems, owners: [...owners.values()] };
}
