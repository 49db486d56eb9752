import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from './lint.ts';

/** Runs the bundled command line as a user would, from a working directory. */
export function granska(args: string[], cwd = ROOT): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
