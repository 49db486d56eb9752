import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from './helpers/lint.ts';
import { granska } from './helpers/run.ts';

const SAMPLE = fs.readFileSync(path.join(ROOT, 'samples', 'med-fel', 'rapport-med-fel.rev.md'), 'utf8');
const BOM = '\ufeff';

/** What `--fix` makes of the flawed sample as saved plainly (LF, no BOM): the reference the other forms are held to. */
function fixedPlain(dir: string): string {
  const file = path.join(dir, 'referens.rev.md');
  fs.writeFileSync(file, SAMPLE);
  granska(['lint', '--fix', file]);
  const fixed = fs.readFileSync(file, 'utf8');
  assert.notEqual(fixed, SAMPLE, 'the sample has safe fixes');
  return fixed;
}

describe('granska lint --fix writes files whole, in their own form (dist/cli.js)', () => {
  let dir: string;

  before(function () {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) this.skip();
  });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-write-'));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fixes a file with a UTF-8 BOM (and CRLF, as Notepad saves it) exactly as one without, keeping BOM, line endings and permissions', () => {
    const expected = fixedPlain(dir).replace(/\n/g, '\r\n');
    const file = path.join(dir, 'rapport.rev.md');
    fs.writeFileSync(file, BOM + SAMPLE.replace(/\n/g, '\r\n'));
    fs.chmodSync(file, 0o640);
    const r = granska(['lint', '--fix', file]);
    assert.equal(r.status, 1, r.stderr);
    const after = fs.readFileSync(file, 'utf8');
    assert.ok(after.startsWith(BOM), 'the BOM is kept');
    assert.equal(after.slice(1), expected);
    assert.match(after, /\[\^1\]: KF § 112\/2019-11-04\r\n/);
    assert.doesNotMatch(after, /[^\r]\n/, 'no bare line feed');
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
  });

  it('leaves the report intact when the write fails midway, says it could not be written, and leaves no temporary file', () => {
    const file = path.join(dir, 'rapport.rev.md');
    fs.writeFileSync(file, SAMPLE);
    assert.ok(Buffer.byteLength(SAMPLE) > 1024, 'the sample is larger than the limit below');
    // A file-size limit of one 1024-byte block makes every write past it fail (Node ignores
    // SIGXFSZ, so the write returns EFBIG), as a full disk or a dropped share would.
    const r = spawnSync('bash', ['-c', 'ulimit -f 1; exec "$0" "$1" lint --fix "$2"', process.execPath, path.join(ROOT, 'dist', 'cli.js'), file], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.signal, null, 'the command line is not killed by the limit');
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /kan inte skriva .*rapport\.rev\.md \(EFBIG\); filen är oförändrad/);
    assert.doesNotMatch(r.stderr, /kan inte läsa/);
    assert.equal(fs.readFileSync(file, 'utf8'), SAMPLE, 'the report is whole');
    assert.deepEqual(fs.readdirSync(dir), ['rapport.rev.md']);
  });
});
