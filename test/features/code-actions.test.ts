import * as assert from 'node:assert/strict';
import { codeActions, FIX_ALL_KIND } from '../../server/src/features/code-actions.ts';
import { lintText, parseWithConfig, runRules } from '../../server/src/lint/lint.ts';
import { applyTextEdits, at, editsOf, URI } from '../helpers/features.ts';
import { REPORT } from './fixtures.ts';

/** The quick fixes offered for the diagnostics of one rule, computed for version 7. */
function fixesFor(text: string, rule: string) {
  const { ctx } = at(`${text}¦`);
  const findings = runRules(ctx.doc).filter((f) => f.rule === rule);
  assert.ok(findings.length > 0, `${rule} does not fire`);
  const f = findings[0];
  return { actions: codeActions(ctx, { start: f.span.start, end: f.span.end, version: 7 }).filter((a) => a.kind === 'quickfix'), text };
}

function apply(text: string, rule: string, title: string): string {
  const { actions } = fixesFor(text, rule);
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `no fix "${title}" among ${actions.map((a) => a.title).join(' | ')}`);
  return applyTextEdits(text, editsOf(action.edit, URI, 7));
}

const codes = (text: string) => lintText(text).map((d) => d.code);

describe('code actions (quick fixes)', () => {
  it('inserts a missing Iakttagelser before the other subsections', () => {
    const text = REPORT.replace('### Iakttagelser\n\nDelvis.[^2]\n\n', '');
    assert.equal(
      apply(text, 'kontrollmal-iakttagelser', 'Infoga "### Iakttagelser"'),
      text.replace('## Kontrollmål 2: Följs de upp?\n\n', '## Kontrollmål 2: Följs de upp?\n\n### Iakttagelser\n\nTODO: beskriv vad granskningen har visat.\n\n'),
    );
  });

  it('inserts a missing Bedömning after the Iakttagelser, one fix per grade', () => {
    const text = REPORT.replace('### Bedömning: Uppfylld\n\nKontrollmålet bedöms som uppfyllt.\n\n', '');
    assert.deepEqual(fixesFor(text, 'kontrollmal-bedomning').actions.map((a) => a.title).filter((t) => t.startsWith('Infoga')), ['Infoga "### Bedömning: Uppfyllt"', 'Infoga "### Bedömning: Delvis uppfyllt"', 'Infoga "### Bedömning: Ej uppfyllt"']);
    const fixed = apply(text, 'kontrollmal-bedomning', 'Infoga "### Bedömning: Delvis uppfyllt"');
    assert.equal(fixed, text.replace('Delvis.[^2]\n\n', 'Delvis.[^2]\n\n### Bedömning: Delvis uppfyllt\n\nTODO: motivera bedömningen. Kontrollmålet bedöms som delvis uppfyllt.\n\n'));
    assert.ok(!codes(fixed).includes('kontrollmal-bedomning'));
  });

  it('inserts missing Rekommendationer in the last kontrollmål before the footnote definitions', () => {
    const text = REPORT.replace('### Rekommendationer\n\nInga rekommendationer.\n\n', '');
    const fixed = apply(text, 'kontrollmal-rekommendation', 'Infoga "### Rekommendationer"');
    assert.equal(fixed, text.replace('Kontrollmålet bedöms som uppfyllt.\n\n', 'Kontrollmålet bedöms som uppfyllt.\n\n### Rekommendationer\n\n- TODO: vad nämnden bör göra.\n\n'));
    assert.ok(!codes(fixed).includes('kontrollmal-rekommendation'));
  });

  it('replaces a misspelt grade with the closest grades of the scale', () => {
    const { actions } = fixesFor(REPORT, 'bedomning-skala');
    assert.equal(actions[0].title, 'Ändra till "Uppfyllt"');
    assert.equal(apply(REPORT, 'bedomning-skala', 'Ändra till "Uppfyllt"'), REPORT.replace('### Bedömning: Uppfylld', '### Bedömning: Uppfyllt'));
  });

  it('adds a footnote reference and a "KF § /" stub to a kontrollmål without a KF reference', () => {
    const fixed = apply(REPORT, 'kontrollmal-kf-referens', 'Lägg till fotnoten [^3] med "KF § /"');
    assert.equal(fixed, REPORT.replace('Kontrollmålet bedöms som uppfyllt.\n', 'Kontrollmålet bedöms som uppfyllt.[^3]\n').replace('[^2]: KS § 12/2020-02-10\n', '[^2]: KS § 12/2020-02-10\n[^3]: KF § /\n'));
    // The stub is a malformed reference waiting for its § and date; the kontrollmål now has its footnote.
    assert.ok(codes(fixed).includes('referens-format') || codes(fixed).includes('fotnot-tom') || codes(fixed).includes('kontrollmal-kf-referens'));
  });

  it('defines an undefined footnote at the end of the document', () => {
    const text = REPORT.replace('Delvis.[^2]', 'Delvis.[^2][^protokoll]');
    const fixed = apply(text, 'fotnot-odefinierad', 'Definiera fotnoten [^protokoll]');
    assert.equal(fixed, `${text}[^protokoll]: TODO\n`);
    assert.ok(!codes(fixed).includes('fotnot-odefinierad'));
  });

  it('removes an unused footnote definition, line and all', () => {
    const text = REPORT.replace('[^2]: KS', '[^3]: KS § 1/2020-01-01\n[^2]: KS');
    const fixed = apply(text, 'fotnot-oanvand', 'Ta bort fotnoten [^3]');
    assert.equal(fixed, REPORT);
  });

  it('rewrites a malformed decision reference to its canonical form', () => {
    const text = REPORT.replace('KS § 12/2020-02-10', 'KS §12/2020-2-10');
    assert.equal(apply(text, 'referens-format', 'Skriv "KS § 12/2020-02-10"'), REPORT);
  });

  it('renumbers the kontrollmål', () => {
    const text = REPORT.replace('## Kontrollmål 2:', '## Kontrollmål 5:');
    assert.equal(apply(text, 'kontrollmal-numrering', 'Numrera om kontrollmålen 1, 2, 3 …'), REPORT);
  });

  it('regenerates the summary table from the kontrollmål', () => {
    const good = REPORT.replace('### Bedömning: Uppfylld', '### Bedömning: Uppfyllt').replace('Text.\n', 'Text.\n\n| Kontrollmål | Bedömning |\n| --- | --- |\n| Finns styrdokument? | Delvis uppfyllt |\n| Följs de upp? | Uppfyllt |\n');
    assert.deepEqual(codes(good).filter((c) => c === 'sammanstallning'), []);
    const stale = good.replace('| Följs de upp? | Uppfyllt |', '| Följs de upp? | Ej uppfyllt |');
    const { actions } = fixesFor(stale, 'sammanstallning');
    const fixed = applyTextEdits(stale, editsOf(actions[0].edit, URI, 7));
    assert.ok(!codes(fixed).includes('sammanstallning'), fixed);
    assert.match(fixed, /\| Följs de upp\? \| Uppfyllt \|/);
  });

  it('replaces an unknown frontmatter key with the closest known one', () => {
    const text = REPORT.replace('granskade:', 'revisionsbyra: PwC\ngranskade:');
    const { actions } = fixesFor(text, 'frontmatter-okant');
    const fixed = applyTextEdits(text, editsOf(actions[0].edit, URI, 7));
    assert.equal(fixed, REPORT.replace('granskade:', 'revisionsbyrå: PwC\ngranskade:'));
  });

  it('offers nothing where nothing is wrong, and only the kinds asked for', () => {
    const { ctx } = at(`${REPORT}¦`);
    const at0 = ctx.doc.text.indexOf('Kommunallagen');
    assert.deepEqual(codeActions(ctx, { start: at0, end: at0, version: 1 }).filter((a) => a.kind === 'quickfix'), []);
    assert.ok(codeActions(ctx, { start: 0, end: ctx.doc.text.length, version: 1, only: [FIX_ALL_KIND] }).every((a) => a.kind === FIX_ALL_KIND));
  });
});

describe('code actions (fix all)', () => {
  it('applies every safe fix in one edit for the version asked; re-linting leaves none of their diagnostics', () => {
    const text = REPORT
      .replace('## Kontrollmål 2:', '## Kontrollmål 4:')
      .replace('KS § 12/2020-02-10', 'KS §12/2020-02-10')
      .replace('Text.\n', 'Text.\n\n| Kontrollmål | Bedömning |\n| --- | --- |\n| Finns styrdokument? | Uppfyllt |\n| Följs de upp? | Uppfylld |\n');
    const { ctx } = at(`${text}¦`);
    const safeRules = new Set(runRules(ctx.doc).filter((f) => f.fixes.some((x) => x.safe)).map((f) => f.rule));
    assert.deepEqual([...safeRules].sort(), ['kontrollmal-numrering', 'referens-format', 'sammanstallning']);
    const [action] = codeActions(ctx, { start: 0, end: 0, version: 3, only: ['source.fixAll'] });
    assert.equal(action.kind, 'source.fixAll.granska');
    const edits = editsOf(action.edit, URI, 3);
    assert.equal(edits.length, 1);
    const fixed = applyTextEdits(text, edits);
    const left = runRules(parseWithConfig(fixed)).map((f) => f.rule);
    for (const rule of safeRules) assert.ok(!left.includes(rule), `${rule} is still reported after fix all`);
    assert.match(fixed, /## Kontrollmål 2:/);
    assert.match(fixed, /KS § 12\/2020-02-10/);
  });
});
