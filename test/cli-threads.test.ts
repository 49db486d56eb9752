import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from './helpers/lint.ts';

/** Runs the bundled command line with GRANSKA_THREADS set (or unset) in its environment. */
function granska(args: string[], cwd: string, threads?: string): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env };
  delete env.GRANSKA_THREADS;
  if (threads !== undefined) env.GRANSKA_THREADS = threads;
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args], { cwd, env, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('granska lint on several threads (dist/cli.js, dist/lint-worker.js)', () => {
  let dir: string;

  before(function () {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'lint-worker.js'))) this.skip();
    // The samples (missiv against their reports, an uppföljning against earlier reports, a
    // register, house profiles), plus a folder whose configuration and register are broken,
    // with two reports in it, so that every worker meets the same broken files.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-threads-'));
    fs.cpSync(path.join(ROOT, 'samples'), path.join(dir, 'samples'), { recursive: true });
    const broken = path.join(dir, 'samples', 'trasig');
    fs.mkdirSync(broken);
    fs.writeFileSync(path.join(broken, '.granskarc.json'), '{ "regler": { "ingen-sådan": "off" } }');
    fs.writeFileSync(path.join(broken, 'beslut.csv'), 'organ;paragraf\nKF;inte ett tal\n');
    for (const name of ['granskning-hemtjanst.rev.md', 'missiv-hemtjanst.rev.md']) {
      fs.copyFileSync(path.join(ROOT, 'samples', 'hultsfred-2021', name), path.join(broken, name));
    }
    // Misspelt words, so that the workers' spelling (verdicts from the main thread's dictionary) is in the output.
    const misspelt = path.join(dir, 'samples', 'stavfel');
    fs.mkdirSync(misspelt);
    const text = fs.readFileSync(path.join(ROOT, 'samples', 'hultsfred-2021', 'granskning-hemtjanst.rev.md'), 'utf8');
    fs.writeFileSync(path.join(misspelt, 'a.rev.md'), text.replace('inte är tillräcklig', 'inte är tilräcklig'));
    fs.writeFileSync(path.join(misspelt, 'b.rev.md'), text.replace('styr hemtjänsten', 'styr hemtjänstten'));
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const format of ['text', 'json', 'sarif']) {
    it(`prints byte for byte what one thread prints, --format ${format}`, () => {
      const args = ['lint', '--format', format, 'samples', 'finns-inte.rev.md'];
      const one = granska([...args, '--trådar', '1'], dir);
      const two = granska([...args, '--trådar', '2'], dir);
      const three = granska(args, dir, '3');
      assert.equal(one.status, 2, one.stderr);
      assert.match(one.stderr, /finns inte: finns-inte\.rev\.md/);
      assert.match(one.stdout, /tilräcklig/);
      assert.match(one.stdout, /hemtjänstten/);
      for (const many of [two, three]) {
        assert.equal(many.status, one.status);
        assert.equal(many.stdout, one.stdout);
        assert.equal(many.stderr, one.stderr);
      }
      // The broken configuration and register are reported once each, though both workers used them.
      if (format === 'json') {
        const files = (JSON.parse(one.stdout) as { file: string }[]).map((r) => r.file);
        assert.equal(files.filter((f) => f.endsWith(path.join('trasig', '.granskarc.json'))).length, 1);
        assert.equal(files.filter((f) => f.endsWith(path.join('trasig', 'beslut.csv'))).length, 1);
      }
    });
  }

  it('speaks English on several threads as on one', () => {
    const one = granska(['lint', '--locale', 'en', 'samples'], dir, '1');
    const two = granska(['lint', '--locale', 'en', 'samples'], dir, '2');
    assert.equal(one.status, 1);
    assert.deepEqual(two, one);
  });

  it('refuses a thread count that is not a whole number from 1, and --trådar outside lint', () => {
    let r = granska(['lint', '--trådar', '0', 'samples'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--trådar tar ett heltal från 1, inte "0"/);
    r = granska(['lint', 'samples'], dir, 'många');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /GRANSKA_THREADS tar ett heltal från 1, inte "många"/);
    r = granska(['export', '--trådar', '2', 'samples/hultsfred/granskning-asyl-integration.rev.md'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--trådar gäller bara lint/);
  });
});
