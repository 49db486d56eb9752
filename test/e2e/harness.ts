import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '..', '..');
const CODE_SERVER = path.join(ROOT, '.e2e', 'node_modules', 'code-server', 'out', 'node', 'entry.js');

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

export interface Editor {
  page: Page;
  workspace: string;
  /** The folder the .vsix was installed into (one subfolder per extension). */
  extensions: string;
  close(): Promise<void>;
}

/**
 * Starts a real VS Code (code-server) with the packaged extension installed, on a copy of
 * a samples folder, and opens it in headless Chromium. Waits on conditions, never on sleeps.
 */
export async function startEditor(sampleFolder: string, settings: Record<string, unknown> = {}): Promise<Editor> {
  const vsix = fs.readdirSync(ROOT).find((f) => /^granska-.*\.vsix$/.test(f));
  if (!vsix) throw new Error('run `npm run package` first');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-e2e-'));
  const userData = path.join(tmp, 'user');
  const extensions = path.join(tmp, 'extensions');
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(ROOT, sampleFolder), workspace, { recursive: true });
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify({ 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off', 'extensions.autoUpdate': false, ...settings }),
  );
  const install = spawnSync(process.execPath, [CODE_SERVER, '--install-extension', path.join(ROOT, vsix), '--extensions-dir', extensions, '--user-data-dir', userData], { encoding: 'utf8' });
  if (install.status !== 0) throw new Error(`installing the .vsix failed: ${install.stderr}${install.stdout}`);
  const port = await freePort();
  const server: ChildProcess = spawn(process.execPath, [CODE_SERVER, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--user-data-dir', userData, '--extensions-dir', extensions, workspace], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('code-server did not start')), 60_000);
    const onData = (b: Buffer) => {
      if (/HTTP server listening/.test(b.toString())) {
        clearTimeout(timer);
        resolve();
      }
    };
    server.stdout!.on('data', onData);
    server.stderr!.on('data', onData);
    server.on('exit', (code) => reject(new Error(`code-server exited with ${code}`)));
  });
  const browser: Browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  return {
    page,
    workspace,
    extensions,
    async close() {
      await browser.close();
      server.kill();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** Opens a file with Quick Open, as a user would, and waits for its editor tab. */
export async function openFile(page: Page, name: string): Promise<void> {
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => undefined);
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(name);
  // Wait for the filtered row itself: the list first shows recently opened files.
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
  await row.waitFor();
  await row.click();
  await page.locator(`.tab[aria-label*="${name}"]`).first().waitFor({ timeout: 30_000 });
}

/** Moves the cursor with Go to Line (`37` or `67:10`) in the first editor, as a user would. */
export async function goToLine(page: Page, where: string): Promise<void> {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+G');
  // Type only once the go-to-line box is open, or the digits land in the document.
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type(where);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** The page inside the last webview opened (the preview): an iframe holding the active frame. */
export function previewFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

/** Runs a command from the Command Palette by its title, as a user would. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor();
  await row.click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}
