import { marked } from 'marked';
import guide from '../../../docs/lesson-guide.md?raw';

/**
 * The lesson guide (docs/lesson-guide.md) as a page of its own, laid out to print on A4. The markdown is
 * the project's own file, bundled with the game, so the page works offline like the rest of it.
 */
export function lessonGuideHtml(): string {
  const body = inSections(withHeadingIds(marked.parse(guide, { async: false, gfm: true })));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Buffer Zone: lesson guide</title>
<style>${STYLE}</style>
</head>
<body>
<nav class="no-print" aria-label="Lesson guide"><button type="button" onclick="window.print()">Print the lesson guide</button></nav>
<main>
${body}
</main>
</body>
</html>`;
}

/** `<h2>3. Pre-reading …</h2>` → `<h2 id="pre-reading">…`, so print rules and links can find a section. */
function withHeadingIds(html: string): string {
  return html.replace(/<h([23])>([^<]*)<\/h\1>/g, (_m, level: string, text: string) => {
    const id = text
      .toLowerCase()
      .replace(/^\d+\.\s*/, '')
      .replace(/&[a-z]+;|&#\d+;/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    return `<h${level} id="${id}">${text}</h${level}>`;
  });
}

/** Each `<h2>` and what follows it, up to the next, becomes a `<section>` labelled by that heading. */
function inSections(html: string): string {
  const parts = html.split(/(?=<h2 id=")/);
  return parts
    .map((part) => {
      const id = /^<h2 id="([^"]+)"/.exec(part)?.[1];
      return id ? `<section id="s-${id}" aria-labelledby="${id}">\n${part}</section>\n` : part;
    })
    .join('');
}

const STYLE = `
:root { color-scheme: light; }
body { margin: 0; background: #fff; color: #111; font: 11pt/1.45 Georgia, "Times New Roman", serif; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
nav { max-width: 46rem; margin: 1rem auto 0; padding: 0 1.25rem; }
nav button { font: 600 1rem/1 system-ui, sans-serif; padding: 0.6rem 1rem; border: 2px solid #1b3a6b; border-radius: 6px; background: #1b3a6b; color: #fff; cursor: pointer; }
nav button:focus-visible { outline: 3px solid #e0a100; outline-offset: 2px; }
h1, h2, h3 { font-family: system-ui, "Segoe UI", sans-serif; line-height: 1.2; color: #0d2247; break-after: avoid; }
h1 { font-size: 1.8rem; margin: 0 0 0.8rem; }
h2 { font-size: 1.3rem; margin: 1.8rem 0 0.6rem; padding-top: 0.4rem; border-top: 2px solid #0d2247; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 0.4rem; }
p, li { orphans: 3; widows: 3; }
blockquote { margin: 0.6rem 0; padding: 0.2rem 0 0.2rem 0.9rem; border-left: 3px solid #6b7fa3; break-inside: avoid; }
blockquote p { margin: 0.2rem 0; }
table { width: 100%; border-collapse: collapse; margin: 0.6rem 0 1rem; font-size: 0.92em; break-inside: auto; }
th, td { border: 1px solid #99a3b5; padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; }
th { background: #e8edf5; }
tr { break-inside: avoid; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.9em; }
a { color: #1b3a6b; }
@page { size: A4; margin: 16mm 15mm 18mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  .no-print { display: none; }
  #s-pre-reading-one-page-for-students, #s-before-the-lesson, #s-debrief-script, #s-assessment { break-before: page; }
  /* The pre-reading is one printed page: two columns of quotations in a smaller size. */
  #s-pre-reading-one-page-for-students { font-size: 9pt; line-height: 1.3; columns: 2; column-gap: 7mm; }
  #s-pre-reading-one-page-for-students h2, #s-pre-reading-one-page-for-students > p:first-of-type { column-span: all; }
  #s-pre-reading-one-page-for-students h3 { margin: 0.5rem 0 0.2rem; font-size: 10pt; }
  #s-pre-reading-one-page-for-students blockquote { margin: 0.3rem 0; }
  a { color: inherit; text-decoration: none; }
}
`;
