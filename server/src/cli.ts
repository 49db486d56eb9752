import { main } from './cli/cli.js';

// The thin entry of `dist/cli.js`: everything else is in cli/ and testable without a process.
void main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
}).then((status) => {
  process.exitCode = status;
});
