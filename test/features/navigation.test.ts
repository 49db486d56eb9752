import * as assert from 'node:assert/strict';
import { definition, prepareRename, references, rename } from '../../server/src/features/navigation.ts';
import { documentSymbols, workspaceSymbols } from '../../server/src/features/symbols.ts';
import { foldingRanges } from '../../server/src/features/folding.ts';
import { codeLenses } from '../../server/src/features/code-lens.ts';
import { indexText, WorkspaceIndex } from '../../server/src/workspace/index.ts';
import { applyTextEdits, at, URI } from '../helpers/features.ts';
import { REPORT } from './fixtures.ts';

describe('navigation', () => {
  it('goes from a footnote reference to its definition', () => {
    const { ctx, offset } = at(REPORT.replace('Delvis.[^2]', 'Delvis.[^2¦]'));
    const loc = definition(ctx, offset)!;
    assert.equal(loc.uri, URI);
    assert.deepEqual(loc.range, { start: { line: 54, character: 0 }, end: { line: 54, character: 24 } });
    const prose = at(REPORT.replace('Text.', 'Te¦xt.'));
    assert.equal(definition(prose.ctx, prose.offset), null);
  });

  it('finds every reference to a footnote, from a reference or from the definition', () => {
    const { ctx, offset } = at(REPORT.replace('[^1]: KF', '[^¦1]: KF'));
    assert.deepEqual(references(ctx, offset, true).map((l) => l.range.start.line), [28, 32, 53]);
    assert.deepEqual(references(ctx, offset, false).map((l) => l.range.start.line), [28, 32]);
  });

  it('finds every document in the workspace that cites the same decision, in any form', () => {
    const index = new WorkspaceIndex();
    index.set(indexText('file:///arbetsyta/b.rev.md', '# B\n\n[^4]: kommunfullmäktige 2015-02-23 § 16\n'));
    index.set(indexText('file:///arbetsyta/c.rev.md', '[^1]: KF § 17/2015-02-23\n'));
    index.set(indexText(URI, 'stale copy of this document: [^1]: KF § 16/2015-02-23\n'));
    const { ctx, offset } = at(REPORT.replace('[^1]: KF § 16', '[^1]: KF § 1¦6'), { index });
    const locs = references(ctx, offset, true);
    assert.deepEqual(locs.map((l) => [l.uri, l.range.start.line, l.range.start.character]), [[URI, 53, 6], ['file:///arbetsyta/b.rev.md', 2, 6]]);
  });

  it('renames a footnote label in every reference and the definition', () => {
    const { ctx, offset, text } = at(REPORT.replace('antogs.[^1]', 'antogs.[^¦1]'));
    assert.deepEqual(prepareRename(ctx, offset), { range: { start: { line: 28, character: 24 }, end: { line: 28, character: 25 } }, placeholder: '1' });
    const edit = rename(ctx, offset, 'program')!;
    const renamed = applyTextEdits(text, edit.changes![URI]);
    assert.equal(renamed, REPORT.replaceAll('[^1]', '[^program]'));
    assert.equal(rename(ctx, offset, 'två ord'), null);
    const prose = at(REPORT.replace('Text.', 'Te¦xt.'));
    assert.equal(prepareRename(prose.ctx, prose.offset), null);
  });
});

describe('outline, folding and code lens', () => {
  it('outlines the sections with each kontrollmål\'s grade', () => {
    const { ctx } = at(`${REPORT}¦`);
    const symbols = documentSymbols(ctx);
    assert.deepEqual(symbols.map((s) => s.name), ['Frontmatter', 'Sammanfattning', 'Inledning', 'Iakttagelser och bedömningar']);
    const findings = symbols[3].children!;
    assert.deepEqual(findings.map((s) => [s.name, s.detail]), [['Kontrollmål 1: Finns styrdokument?', 'Delvis uppfyllt'], ['Kontrollmål 2: Följs de upp?', 'Uppfylld ?']]);
    assert.deepEqual(findings[0].children!.map((s) => s.name), ['Iakttagelser', 'Bedömning: Delvis uppfyllt', 'Rekommendationer']);
    const none = at(`${REPORT.replace('### Bedömning: Uppfylld\n', '')}¦`);
    assert.equal(documentSymbols(none.ctx)[3].children![1].detail, 'saknar bedömning');
  });

  it('lists the headings of the workspace as symbols, kontrollmål with their grade', () => {
    const index = new WorkspaceIndex();
    index.set(indexText('file:///arbetsyta/a.rev.md', REPORT));
    index.set(indexText('file:///arbetsyta/b.rev.md', '---\ntitel: Bygglov\n---\n\n# Iakttagelser och bedömningar\n\n## Kontrollmål 1: Handläggs bygglov i tid?\n\n### Bedömning: Ej uppfyllt\n'));
    const all = workspaceSymbols(index, 'kontrollmål');
    assert.deepEqual(all.map((s) => [s.name, s.containerName]), [
      ['Kontrollmål 1: Finns styrdokument? — Delvis uppfyllt', 'Asyl och integration'],
      ['Kontrollmål 2: Följs de upp? — Uppfylld', 'Asyl och integration'],
      ['Kontrollmål 1: Handläggs bygglov i tid? — Ej uppfyllt', 'Bygglov'],
    ]);
    assert.deepEqual(workspaceSymbols(index, 'bygglov').map((s) => s.location.uri), ['file:///arbetsyta/b.rev.md']);
  });

  it('folds the frontmatter, each section and the footnote definitions', () => {
    const { ctx } = at(`${REPORT}¦`);
    const ranges = foldingRanges(ctx).map((r) => [r.startLine, r.endLine]);
    assert.deepEqual(ranges, [[0, 6], [8, 10], [12, 20], [14, 16], [18, 20], [22, 51], [24, 37], [26, 28], [30, 32], [34, 37], [39, 51], [41, 43], [45, 47], [49, 51], [53, 54]]);
  });

  it('puts a line above each kontrollmål saying where it stands', () => {
    const { ctx } = at(`${REPORT}¦`);
    assert.deepEqual(codeLenses(ctx).map((l) => [l.range.start.line, l.command!.title]), [
      [24, 'Delvis uppfyllt · 2 rekommendationer · 1 KF-referens'],
      [39, '⚠ "Uppfylld" finns inte på skalan · inga rekommendationer · ⚠ KF-referens saknas'],
    ]);
    const en = at(`${REPORT}¦`, { locale: 'en' });
    assert.equal(codeLenses(en.ctx)[0].command!.title, 'Delvis uppfyllt · 2 recommendations · 1 KF reference');
  });
});
