import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { REPORT_CSS } from '../../server/src/render/styles.js';

/** What the server's `granska/preview` request answers: the rendered report of one version. */
interface PreviewResult {
  version: number;
  html: string;
}

type FromWebview = { type: 'ready' } | { type: 'reveal'; line: number } | { type: 'open'; line: number };

/**
 * The theme's colours for the report's CSS variables, so the preview follows the editor's
 * light, dark or high-contrast theme. Grade badges keep their meaning: green, amber, red.
 */
const THEME_CSS = `
body { background: var(--vscode-editor-background); }
body.vscode-light, body.vscode-dark, body.vscode-high-contrast, body.vscode-high-contrast-light {
  --g-fg: var(--vscode-editor-foreground);
  --g-bg: var(--vscode-editor-background);
  --g-muted: var(--vscode-descriptionForeground);
  --g-rule: var(--vscode-editorWidget-border, var(--vscode-panel-border, #8888));
  --g-link: var(--vscode-textLink-foreground);
  --g-table-head: var(--vscode-editor-inactiveSelectionBackground);
  --g-box: var(--vscode-textBlockQuote-background, var(--vscode-editor-inactiveSelectionBackground));
}
body.vscode-dark, body.vscode-high-contrast {
  --g-accent: #e58fb6;
  --g-good-bg: #1e4a2b; --g-good-fg: #bdf0cb;
  --g-partial-bg: #5a4210; --g-partial-fg: #ffe2a8;
  --g-bad-bg: #5c1f1f; --g-bad-fg: #ffc9c7;
  --g-unknown-bg: #3c3c3c; --g-unknown-fg: #e0e0e0;
  --g-draft: #ff8a80;
}
.granska-report h1, .granska-report h2, .granska-report h3, .granska-report h4 { cursor: pointer; }
.preview-message { font-family: var(--vscode-font-family); color: var(--vscode-descriptionForeground); padding: 2rem; }
`;

/** Long enough to let a burst of typing pass, short enough to feel live. */
const PREVIEW_DEBOUNCE_MS = 300;

/** One preview panel per report; it follows that document as it changes. */
class Preview {
  private timer: NodeJS.Timeout | undefined;
  private shownVersion = -1;
  private revealingUntil = 0;
  private stale = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly document: vscode.TextDocument,
    readonly panel: vscode.WebviewPanel,
    private readonly client: LanguageClient,
    onDispose: () => void,
  ) {
    panel.onDidDispose(() => {
      if (this.timer) clearTimeout(this.timer);
      for (const d of this.disposables) d.dispose();
      onDispose();
    }, null, this.disposables);
    panel.webview.onDidReceiveMessage((m: FromWebview) => this.onMessage(m), null, this.disposables);
    panel.onDidChangeViewState(() => {
      if (panel.visible && this.stale) {
        this.stale = false;
        void this.render();
      }
    }, null, this.disposables);
  }

  /**
   * Schedules a render after a pause, so typing is not slowed by it. A hidden preview only
   * remembers that it is behind and catches up when it is shown again.
   */
  changed(): void {
    if (!this.panel.visible) {
      this.stale = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.render(), PREVIEW_DEBOUNCE_MS);
  }

  async render(attempt = 0): Promise<void> {
    let result: PreviewResult | null = null;
    try {
      result = await this.client.sendRequest<PreviewResult | null>('granska/preview', { uri: this.document.uri.toString() });
    } catch {
      result = null;
    }
    if (!result) {
      // The server checks and renders only files named *.rev.md; a new, unsaved report
      // has no such name yet, and waiting would not change that.
      if (!/\.rev\.md$/i.test(this.document.uri.path)) {
        void this.panel.webview.postMessage({ type: 'message', text: vscode.l10n.t('Save the report as *.rev.md to preview it.') });
      } else if (attempt < 20) this.timer = setTimeout(() => void this.render(attempt + 1), 250);
      else void this.panel.webview.postMessage({ type: 'message', text: vscode.l10n.t('The preview is waiting for the Granska language server.') });
      return;
    }
    // The server may answer for a version the editor has already replaced; the newer
    // version's render follows, and an older answer never replaces a newer one.
    if (result.version < this.shownVersion) return;
    this.shownVersion = result.version;
    this.panel.title = vscode.l10n.t('Preview: {0}', baseName(this.document.uri));
    void this.panel.webview.postMessage({ type: 'update', html: result.html, version: result.version, line: this.topLine() });
    if (result.version < this.document.version && attempt < 20) this.timer = setTimeout(() => void this.render(attempt + 1), 100);
  }

  /** The editor scrolled: the preview follows, unless the editor is following the preview. */
  scrolled(line: number): void {
    if (Date.now() < this.revealingUntil) return;
    void this.panel.webview.postMessage({ type: 'scroll', line });
  }

  /** The editor showing this preview's document, if one is visible. */
  private editor(): vscode.TextEditor | undefined {
    return vscode.window.visibleTextEditors.find((e) => e.document === this.document);
  }

  private topLine(): number | undefined {
    return this.editor()?.visibleRanges[0]?.start.line;
  }

  private onMessage(m: FromWebview): void {
    if (m.type === 'ready') {
      this.shownVersion = -1;
      void this.render();
    } else if (m.type === 'reveal') {
      const editor = this.editor();
      if (!editor) return;
      this.revealingUntil = Date.now() + 400;
      const line = Math.min(Math.max(0, m.line), this.document.lineCount - 1);
      editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
    } else if (m.type === 'open') {
      const line = Math.min(Math.max(0, m.line), this.document.lineCount - 1);
      const column = this.editor()?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
      const position = new vscode.Position(line, 0);
      void vscode.window.showTextDocument(this.document, { viewColumn: column, selection: new vscode.Range(position, position) }).then((e) => {
        e.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      });
    }
  }
}

/** Opens previews, keeps them in step with their documents and editors. */
export class PreviewManager implements vscode.Disposable {
  private readonly previews = new Map<string, Preview>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly context: vscode.ExtensionContext, private readonly client: LanguageClient) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => this.previews.get(e.document.uri.toString())?.changed()),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        const line = e.visibleRanges[0]?.start.line;
        if (line !== undefined) this.previews.get(e.textEditor.document.uri.toString())?.scrolled(line);
      }),
    );
  }

  show(document: vscode.TextDocument, beside: boolean): void {
    const key = document.uri.toString();
    const existing = this.previews.get(key);
    const column = beside ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    if (existing) {
      existing.panel.reveal(column, beside);
      return;
    }
    const panel = vscode.window.createWebviewPanel('granska.preview', vscode.l10n.t('Preview: {0}', baseName(document.uri)), { viewColumn: column, preserveFocus: beside }, {
      enableScripts: true,
      retainContextWhenHidden: true,
      enableFindWidget: true,
      // Only the extension's own script and the report's own folder (for its images).
      localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'dist'), vscode.Uri.joinPath(document.uri, '..')],
    });
    panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'images', 'icon.png');
    panel.webview.html = this.shell(panel.webview, document);
    const preview = new Preview(document, panel, this.client, () => this.previews.delete(key));
    this.previews.set(key, preview);
  }

  /** The page around the report: a strict policy, the styles, and the one script, by nonce. */
  private shell(webview: vscode.Webview, document: vscode.TextDocument): string {
    const nonce = randomNonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'preview.js'));
    const base = webview.asWebviewUri(vscode.Uri.joinPath(document.uri, '..'));
    const csp = [
      "default-src 'none'",
      `img-src ${webview.cspSource} data:`,
      `style-src 'nonce-${nonce}'`,
      `script-src 'nonce-${nonce}'`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<base href="${base.toString()}/">
<style nonce="${nonce}">${REPORT_CSS}${THEME_CSS}</style>
</head>
<body>
<div id="report"><p class="preview-message">${escapeHtml(vscode.l10n.t('Rendering the report…'))}</p></div>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  dispose(): void {
    for (const p of this.previews.values()) p.panel.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** The last segment of a URI's path, in every file system VS Code has. */
function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** 16 random bytes in base64, from Web Crypto (in Node's extension host and in the browser's). */
function randomNonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
