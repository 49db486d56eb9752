import { spawnSync } from 'node:child_process';

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
