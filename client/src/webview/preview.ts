/// <reference lib="dom" />
/**
 * The script inside the preview webview. It receives the rendered report from the
 * extension, keeps the scroll position in step with the editor, and asks the extension to
 * reveal the source when a heading is clicked. The report's HTML is sanitized before it
 * gets here, and the page's Content-Security-Policy allows no script but this one.
 */

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): { line?: number } | undefined;
  setState(state: { line?: number }): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

type Incoming =
  | { type: 'update'; html: string; version: number; line?: number }
  | { type: 'scroll'; line: number }
  | { type: 'message'; text: string };

const vscode = acquireVsCodeApi();
const root = document.getElementById('report')!;
// A scroll the script makes itself must not be sent back to the editor as the reader's.
let ignoreScrollUntil = 0;
let lastLine = vscode.getState()?.line ?? 0;

/** Block elements that carry the source line they came from, in document order. */
function lineElements(): { line: number; el: HTMLElement }[] {
  const out: { line: number; el: HTMLElement }[] = [];
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-line]'))) {
    const line = Number(el.dataset.line);
    if (Number.isFinite(line)) out.push({ line, el });
  }
  return out;
}

/** Scrolls so that the element for a source line is at the top, between two elements by proportion. */
function scrollToLine(line: number): void {
  const items = lineElements();
  if (items.length === 0) return;
  let before = items[0];
  let after: { line: number; el: HTMLElement } | undefined;
  for (const item of items) {
    if (item.line <= line) before = item;
    else {
      after = item;
      break;
    }
  }
  const top = before.el.getBoundingClientRect().top + window.scrollY;
  let y = top;
  if (after && after.line > before.line) {
    const next = after.el.getBoundingClientRect().top + window.scrollY;
    y = top + ((line - before.line) / (after.line - before.line)) * (next - top);
  }
  ignoreScrollUntil = Date.now() + 300;
  window.scrollTo(0, Math.max(0, y - 8));
}

/** The source line at the top of the view, interpolated between the elements around it. */
function lineAtTop(): number {
  const items = lineElements();
  let best: { line: number; top: number } | null = null;
  let next: { line: number; top: number } | null = null;
  for (const { line, el } of items) {
    const top = el.getBoundingClientRect().top;
    if (top <= 10) best = { line, top };
    else {
      next = { line, top };
      break;
    }
  }
  if (!best) return items[0]?.line ?? 0;
  if (next && next.line > best.line && next.top > best.top) {
    return Math.floor(best.line + ((10 - best.top) / (next.top - best.top)) * (next.line - best.line));
  }
  return best.line;
}

window.addEventListener('message', (event: MessageEvent<Incoming>) => {
  const m = event.data;
  if (m.type === 'update') {
    root.innerHTML = m.html;
    document.body.dataset.version = String(m.version);
    scrollToLine(m.line ?? lastLine);
  } else if (m.type === 'scroll') {
    lastLine = m.line;
    vscode.setState({ line: m.line });
    scrollToLine(m.line);
  } else if (m.type === 'message') {
    root.textContent = m.text;
  }
});

let scrollTimer: number | undefined;
window.addEventListener('scroll', () => {
  if (Date.now() < ignoreScrollUntil) return;
  if (scrollTimer !== undefined) window.clearTimeout(scrollTimer);
  scrollTimer = window.setTimeout(() => {
    lastLine = lineAtTop();
    vscode.setState({ line: lastLine });
    vscode.postMessage({ type: 'reveal', line: lastLine });
  }, 50);
});

document.addEventListener('click', (event) => {
  const target = event.target as HTMLElement | null;
  const link = target?.closest('a');
  const href = link?.getAttribute('href') ?? '';
  if (link && href.startsWith('#')) {
    // In-report links (contents, footnotes) scroll the preview, not the webview's frame.
    event.preventDefault();
    const el = document.getElementById(decodeURIComponent(href.slice(1)));
    if (el) el.scrollIntoView({ block: 'start' });
    return;
  }
  if (link) return;
  const heading = target?.closest('h1, h2, h3, h4, h5, h6');
  const block = heading?.closest<HTMLElement>('[data-line]') ?? (heading as HTMLElement | null);
  const line = block ? Number(block.dataset.line) : NaN;
  if (Number.isFinite(line)) vscode.postMessage({ type: 'open', line });
});

vscode.postMessage({ type: 'ready' });
