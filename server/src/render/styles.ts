/**
 * The report's styles, shared by the exported HTML and the preview. Colours are CSS
 * variables with paper defaults; the preview points them at VS Code's theme colours so the
 * report follows a light or dark theme, while the export stays black on white.
 */
export const REPORT_CSS = `
:root {
  --g-fg: #1b1b1b;
  --g-bg: #ffffff;
  --g-muted: #5b5b5b;
  --g-rule: #c9c9c9;
  --g-accent: #7d2248;
  --g-table-head: #f1ece9;
  --g-box: #f6f3f1;
  --g-link: #0b5cad;
  --g-good-bg: #d8efdc; --g-good-fg: #14532d;
  --g-partial-bg: #fdeccc; --g-partial-fg: #7a4a00;
  --g-bad-bg: #f9d6d5; --g-bad-fg: #8a1c1c;
  --g-unknown-bg: #e4e4e4; --g-unknown-fg: #3b3b3b;
  --g-draft: #b42318;
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--g-bg); color: var(--g-fg); }
.granska-report { font-family: Georgia, "Times New Roman", "DejaVu Serif", serif; font-size: 11.5pt; line-height: 1.5; max-width: 48rem; margin: 0 auto; padding: 2.5rem 2rem 4rem; }
.granska-report h1, .granska-report h2, .granska-report h3, .granska-report h4, .granska-report .doc-title, .granska-report .toc-title, .granska-report .letter-subject { font-family: "Segoe UI", Arial, "DejaVu Sans", sans-serif; line-height: 1.25; }
.granska-report h1 { font-size: 1.6em; color: var(--g-accent); margin: 2.2em 0 0.6em; border-bottom: 1px solid var(--g-rule); padding-bottom: 0.2em; }
.granska-report h2 { font-size: 1.3em; margin: 1.8em 0 0.5em; }
.granska-report h3 { font-size: 1.08em; margin: 1.4em 0 0.4em; }
.granska-report h2.kontrollmal { border-left: 4px solid var(--g-accent); padding-left: 0.5em; }
.granska-report .secno { color: var(--g-muted); margin-right: 0.4em; font-variant-numeric: tabular-nums; }
.granska-report a { color: var(--g-link); }
.granska-report blockquote { margin: 1em 0; padding: 0.2em 1em; border-left: 3px solid var(--g-rule); color: var(--g-muted); font-style: italic; }
.granska-report table { border-collapse: collapse; width: 100%; margin: 1em 0; font-size: 0.92em; }
.granska-report th, .granska-report td { border: 1px solid var(--g-rule); padding: 0.35em 0.55em; vertical-align: top; text-align: left; }
.granska-report th { background: var(--g-table-head); }
.granska-report code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 0.9em; }
.granska-report pre { background: var(--g-box); padding: 0.8em; overflow-x: auto; }
.granska-report img { max-width: 100%; }
.granska-report .image-placeholder { display: inline-block; border: 1px dashed var(--g-rule); color: var(--g-muted); font-style: italic; padding: 0.2em 0.5em; overflow-wrap: anywhere; }
.grade { display: inline-block; padding: 0.05em 0.6em; border-radius: 0.8em; font-family: "Segoe UI", Arial, "DejaVu Sans", sans-serif; font-size: 0.88em; font-weight: 600; white-space: nowrap; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.grade-good { background: var(--g-good-bg); color: var(--g-good-fg); }
.grade-partial { background: var(--g-partial-bg); color: var(--g-partial-fg); }
.grade-bad { background: var(--g-bad-bg); color: var(--g-bad-fg); }
.grade-unknown { background: var(--g-unknown-bg); color: var(--g-unknown-fg); }
.recommendation { background: var(--g-box); border-left: 4px solid var(--g-accent); padding: 0.1em 1em 0.4em; margin: 1em 0; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.recommendation h3, .recommendation h4 { margin-top: 0.8em; }
.title-page { min-height: 60vh; display: flex; flex-direction: column; justify-content: center; border-bottom: 1px solid var(--g-rule); margin-bottom: 2em; padding-bottom: 2em; }
.title-kommun { font-size: 1.2em; letter-spacing: 0.02em; margin: 0; }
.title-type { text-transform: uppercase; letter-spacing: 0.12em; color: var(--g-muted); margin: 2em 0 0.3em; font-size: 0.9em; }
.doc-title { font-size: 2.1em; font-weight: 700; color: var(--g-accent); margin: 0 0 1.5em; }
.title-meta, .letter-meta { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1.2em; margin: 0; }
.title-meta dt, .letter-meta dt { color: var(--g-muted); }
.title-meta dd, .letter-meta dd { margin: 0; }
.draft-mark { align-self: flex-start; border: 3px solid var(--g-draft); color: var(--g-draft); font-family: "Segoe UI", Arial, "DejaVu Sans", sans-serif; font-weight: 800; letter-spacing: 0.3em; padding: 0.15em 0.6em 0.15em 0.9em; transform: rotate(-4deg); font-size: 1.4em; margin: 0 0 1.5em; display: inline-block; }
.toc { margin: 0 0 2em; }
.toc-title { font-size: 1.3em; font-weight: 700; margin: 0 0 0.5em; }
.toc ol { list-style: none; padding: 0; margin: 0; }
.toc li { margin: 0.15em 0; }
.toc .toc-level-2 { padding-left: 1.6em; font-size: 0.95em; }
.toc a { color: inherit; text-decoration: none; }
.toc a:hover { text-decoration: underline; }
.footnotes { margin-top: 3em; border-top: 1px solid var(--g-rule); font-size: 0.88em; }
.footnotes .footnotes-title { font-size: 1em; margin: 1em 0 0.5em; }
.footnotes li:target, .granska-report sup a:target { background: var(--g-partial-bg); }
.letter .letter-head { display: flex; justify-content: space-between; gap: 2em; margin-bottom: 2.5em; }
.letter .sender p { margin: 0; }
.letter .sender p:first-child { font-weight: 700; }
.letter .recipients { margin: 0 0 1em; }
.letter .recipients-label { margin: 0; color: var(--g-muted); font-size: 0.9em; }
.letter .recipients ul { list-style: none; padding: 0; margin: 0; }
.granska-report .letter-subject { font-size: 1.25em; font-weight: 700; margin: 2em 0 1em; color: inherit; border-bottom: 0; padding-bottom: 0; }
.signatures { display: flex; flex-wrap: wrap; gap: 2em 4em; margin-top: 3em; }
.signatory p { margin: 0; }
.signatory-name { border-top: 1px solid var(--g-fg); padding-top: 0.3em; min-width: 12em; }
.signatory-role { color: var(--g-muted); font-size: 0.9em; }
.render-problem { color: var(--g-draft); }
@page { size: A4; margin: 22mm 20mm 24mm; }
@media print {
  body { background: #fff; color: #000; }
  .granska-report { max-width: none; padding: 0; font-size: 11pt; }
  .title-page { min-height: 240mm; border: 0; break-after: page; }
  .toc { break-after: page; }
  .report .report-body > h1 { break-before: page; }
  .report .report-body > h1:first-child { break-before: auto; }
  h1, h2, h3, h4 { break-after: avoid; }
  tr, .grade, .signatory { break-inside: avoid; }
  .granska-report a { color: inherit; text-decoration: none; }
  .report.draft::after { content: "UTKAST"; position: fixed; top: 45%; left: 0; right: 0; text-align: center; font: 800 96pt Arial, "DejaVu Sans", sans-serif; color: rgba(180, 35, 24, 0.12); transform: rotate(-30deg); pointer-events: none; }
}
`;
