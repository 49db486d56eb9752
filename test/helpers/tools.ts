import { spawnSync } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';

/**
 * Whether a program the test needs (LibreOffice, Chromium, pdftotext) is installed. On a
 * developer's machine without it the test is skipped with a note; in CI, where .ci/run
 * installs it, a missing program fails the test rather than passing it silently.
 */
export function needTool(ctx: Mocha.Context, command: string, installHint: string): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim();
  if (found) return found;
  if (process.env.CI) throw new Error(`${command} is missing: ${installHint}`);
  ctx.skip();
  return null;
}

/**
 * Debian's headless Chromium for the tests that render in a real browser, started the way
 * this machine allows (as root, no sandbox, no background traffic to a closed network), or
 * the test skipped or failed as `needTool` says.
 */
export async function launchChromium(ctx: Mocha.Context): Promise<Browser> {
  const executablePath = needTool(ctx, 'chromium', 'apt-get install chromium');
  return chromium.launch({
    executablePath: executablePath!,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
