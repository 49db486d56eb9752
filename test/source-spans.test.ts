import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixAll } from '../server/src/lint/fix.ts';
import { parseWithConfig, runRules, type Finding } from '../server/src/lint/lint.ts';
import { parseAuditDocument } from '../server/src/model/parse.ts';
import { sourceSpanInRun } from '../server/src/model/types.ts';
import { config, ROOT } from './helpers/lint.ts';

const findings = (text: string): Finding[] => runRules(parseWithConfig(text));
const of = (text: string, rule: string) => findings(text).filter((f) => f.rule === rule);
const source = (text: string, f: Finding) => text.slice(f.span.start, f.span.end);
const report = (ref: string) => `# A\n\nText.[^1]\n\n[^1]: ${ref}\n`;

describe('source spans: a match in text written with escapes or character references gets its true range', () => {
  for (const ref of ['KF&nbsp;§16/2015-02-23', 'KF §16/2015&#45;02-23', 'KF §16/2015&#x2D;02-23', 'KF §16/2015\\-02-23', 'Kf&#32;§&#160;16/2015-2-23']) {
    it(`referens-format covers and replaces exactly "${ref}"`, () => {
      const text = report(ref);
      const [f] = of(text, 'referens-format');
      assert.ok(f, 'the malformed reference is found');
      assert.equal(source(text, f), ref);
      assert.equal(f.fixes?.length, 1);
      assert.deepEqual(f.fixes![0].edits, [{ span: f.span, newText: 'KF § 16/2015-02-23' }]);
      // --fix applies its rounds until nothing changes; a fix that inserted instead of
      // replacing would insert the suggestion again in every round.
      assert.equal(fixAll(text, findings).text, report('KF § 16/2015-02-23'));
    });
  }

  it('referens-stil covers and replaces exactly a valid reference written with a character reference', () => {
    // Form B is "KF 2015-02-23 § 16"; the house style is form A.
    const env = { config: config({ regler: { 'referens-stil': 'warning' } }) };
    const text = report('KF&nbsp;2015-02-23 § 16');
    const [f] = runRules(parseWithConfig(text, env.config), env).filter((x) => x.rule === 'referens-stil');
    assert.ok(f);
    assert.equal(source(text, f), 'KF&nbsp;2015-02-23 § 16');
    assert.deepEqual(f.fixes.map((x) => x.edits), [[{ span: f.span, newText: 'KF § 16/2015-02-23' }]]);
  });

  it('platshallare covers an escaped or entity-written placeholder', () => {
    const text = '# A\n\nSkrivet av \\[namn\\] den&#32;xx&#x20;maj och T&#79;DO.\n';
    assert.deepEqual(of(text, 'platshallare').map((f) => source(text, f)), ['\\[namn\\]', 'xx', 'T&#79;DO']);
  });

  it('missiv-svarsdatum covers the date of a "senast" written with &nbsp;', () => {
    const text = '---\ntyp: missiv\nkommun: X\ndatum: 2022-11-01\nsvar_senast: 2022-11-25\n---\n\nVi önskar svar senast&nbsp;2022&#45;11-30.\n';
    assert.deepEqual(of(text, 'missiv-svarsdatum').map((f) => source(text, f)), ['2022&#45;11-30']);
  });

  it('a footnote reference left as text is found where it is written, and one written escaped is literal text', () => {
    const text = '# A\n\nSe &amp; [^9] och \\[^8] och &#91;^7].\n';
    const refs = parseAuditDocument(text).footnoteRefs;
    assert.deepEqual(refs.map((r) => [r.label, text.slice(r.span.start, r.span.end)]), [['9', '[^9]']]);
  });

  it('bedomning-motsagelse covers a sentence that runs onto an indented line of a list item', () => {
    const clean = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'rules', 'granskning-integration.rev.md'), 'utf8');
    const text = clean.replace('Kontrollmålet bedöms som delvis uppfyllt.', '- Kontrollmålet bedöms\n  som ej uppfyllt.');
    assert.deepEqual(of(text, 'bedomning-motsagelse').map((f) => source(text, f)), ['Kontrollmålet bedöms\n  som ej uppfyllt']);
  });

  it('a match that runs over a quote marker has a true range but may not be replaced', () => {
    const text = '> Kommunfullmäktige beslutade\n> xx maj.\n';
    const doc = parseAuditDocument(text);
    const run = doc.textRuns.find((r) => r.value.includes('beslutade\nxx'))!;
    assert.ok(run);
    const index = run.value.indexOf('beslutade');
    const across = sourceSpanInRun(doc.text, run, index, 'beslutade\nxx'.length);
    assert.equal(doc.text.slice(across.span.start, across.span.end), 'beslutade\n> xx');
    assert.equal(across.exact, false);
    const inside = sourceSpanInRun(doc.text, run, run.value.indexOf('xx'), 2);
    assert.equal(doc.text.slice(inside.span.start, inside.span.end), 'xx');
    assert.equal(inside.exact, true);
  });
});
