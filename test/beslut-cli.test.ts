import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from './helpers/lint.ts';
import { stripMarkers } from './helpers/markers.ts';
import { granska } from './helpers/run.ts';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'rules');

describe('granska beslut and the register on the command line', () => {
  let dir: string;

  before(function () {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) this.skip();
  });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-beslut-'));
    const failing = stripMarkers(fs.readFileSync(path.join(FIXTURES, 'beslut-okant.fel.rev.md'), 'utf8')).text;
    fs.writeFileSync(path.join(dir, 'a.rev.md'), failing);
    fs.writeFileSync(path.join(dir, 'b.rev.md'), fs.readFileSync(path.join(FIXTURES, 'beslut-okant.ren.rev.md'), 'utf8'));
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists every cited decision with the documents and forms that cite it', () => {
    const r = granska(['beslut', '--format', 'json', '.'], dir);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { register: string | null; decisions: { organ: string; paragraph: number; date: string; documents: string[]; forms: string[] }[] };
    assert.equal(out.register, null);
    const ks = out.decisions.filter((d) => d.organ === 'KS').map((d) => [d.paragraph, d.date, d.documents, d.forms]);
    assert.deepEqual(ks, [[202, '2015-11-30', ['a.rev.md'], ['B']], [201, '2015-11-30', ['b.rev.md'], ['B']]].sort((x, y) => (x[0] as number) - (y[0] as number)));
    const kf155 = out.decisions.find((d) => d.organ === 'KF' && d.paragraph === 155)!;
    assert.deepEqual(kf155.documents, ['a.rev.md', 'b.rev.md']);
  });

  it('writes a new register with --skriv, and then appends only what it lacks', () => {
    assert.equal(granska(['beslut', '--skriv', '.'], dir).status, 0);
    const written = fs.readFileSync(path.join(dir, 'beslut.csv'), 'utf8');
    assert.ok(written.startsWith('\ufefforgan;paragraf;datum;rubrik;länk\r\n'), written);
    assert.equal(written.split('\r\n').filter((l) => l !== '').length, 1 + 6);
    // The auditor fills in a rubrik; a new citation is appended below without touching it.
    fs.writeFileSync(path.join(dir, 'beslut.csv'), written.replace('KF;16;2015-02-23;;', 'KF;16;2015-02-23;"Program; asyl";'));
    fs.appendFileSync(path.join(dir, 'b.rev.md'), '\nSe även KS § 9/2016-01-11.\n');
    assert.equal(granska(['beslut', '--skriv'], dir).status, 0);
    const extended = fs.readFileSync(path.join(dir, 'beslut.csv'), 'utf8');
    assert.ok(extended.startsWith(written.replace('KF;16;2015-02-23;;', 'KF;16;2015-02-23;"Program; asyl";')));
    assert.ok(extended.endsWith('\r\nKS;9;2016-01-11;\r\n'), extended);
    const listed = granska(['beslut', '.'], dir);
    assert.match(listed.stdout, /KF § 16 2015-02-23 {2}«Program; asyl»/);
  });

  it('lints against the register and reports the register\'s own problems on its file', () => {
    fs.copyFileSync(path.join(FIXTURES, 'beslut-okant.beslut.csv'), path.join(dir, 'beslut.csv'));
    const ok = granska(['lint', '--format', 'json', 'b.rev.md'], dir);
    assert.equal(ok.status, 0, ok.stdout);
    const bad = granska(['lint', '--format', 'json', 'a.rev.md'], dir);
    const codes = (JSON.parse(bad.stdout) as { diagnostics: { code: string }[] }[]).flatMap((f) => f.diagnostics.map((d) => d.code));
    assert.deepEqual(codes, ['beslut-okant', 'beslut-okant']);
    fs.appendFileSync(path.join(dir, 'beslut.csv'), 'KF;sju;2016-02-08;x\r\n');
    const broken = JSON.parse(granska(['lint', '--format', 'json', 'b.rev.md'], dir).stdout) as { file: string; diagnostics: { code: string; range: { start: { line: number } } }[] }[];
    const onRegister = broken.find((f) => f.file.endsWith('beslut.csv'))!;
    // Line 6: the row with a CRLF inside quotes counts as two lines of the file.
    assert.deepEqual(onRegister.diagnostics.map((d) => [d.code, d.range.start.line]), [['beslutsregister', 6]]);
  });

  it('refuses to write over a register it cannot read', () => {
    fs.writeFileSync(path.join(dir, 'beslut.csv'), 'organ;rubrik\nKF;x\n');
    const r = granska(['beslut', '--skriv', '.'], dir);
    assert.equal(r.status, 2);
    assert.equal(fs.readFileSync(path.join(dir, 'beslut.csv'), 'utf8'), 'organ;rubrik\nKF;x\n');
  });
});
