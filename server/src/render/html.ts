import { toHtml } from 'hast-util-to-html';
import type { RenderedReport } from './report.js';
import { REPORT_CSS } from './styles.js';

/** The report's markup alone, for the preview, which has its own page around it. */
export function reportFragment(report: RenderedReport): string {
  return toHtml(report.tree);
}

/**
 * One self-contained HTML file: the styles are inlined, nothing is loaded from elsewhere
 * (the policy allows pictures only as `data:` URLs, the renderer's embedded ones, so not
 * even a remote picture a report names is fetched), and no script is included, so it opens the same anywhere and prints to PDF from a browser.
 * The report is the page's `<main>` landmark, where assistive technology jumps to.
 */
export function reportHtmlDocument(report: RenderedReport): string {
  return `<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="generator" content="Granska">
<title>${escapeHtml(report.title)}</title>
<style>
${REPORT_CSS}
</style>
</head>
<body class="export">
<main>
${reportFragment(report)}
</main>
</body>
</html>
`;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
