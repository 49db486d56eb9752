import * as assert from 'node:assert/strict';
import { hover } from '../../server/src/features/hover.ts';
import { indexText, WorkspaceIndex } from '../../server/src/workspace/index.ts';
import { at } from '../helpers/features.ts';
import { REPORT } from './fixtures.ts';

const value = (h: ReturnType<typeof hover>) => (h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');

describe('hover', () => {
  it('shows a footnote reference\'s definition and the decision it names', () => {
    const { ctx, offset } = at(REPORT.replace('antogs.[^1]', 'antogs.[^¦1]'));
    const h = hover(ctx, offset);
    assert.match(value(h), /\*\*\[\^1\]\*\* KF § 16\/2015-02-23 — Program för förbättrad asyl och integration/);
    assert.match(value(h), /Organ: kommunfullmäktige \(KF\)/);
    assert.match(value(h), /§ 16/);
    assert.match(value(h), /Sammanträde: 23 februari 2015/);
    assert.deepEqual(h!.range!.start, { line: 28, character: 22 });
  });

  it('says when a footnote has no definition', () => {
    const { ctx, offset } = at(REPORT.replace('Delvis.[^2]', 'Delvis.[^x¦9]'));
    assert.match(value(hover(ctx, offset)), /Fotnoten \*\*\[\^x9\]\*\* har ingen definition/);
  });

  it('shows a decision reference\'s parts and the other documents that cite it', () => {
    const index = new WorkspaceIndex();
    index.set(indexText('file:///arbetsyta/annan.rev.md', '[^7]: KF § 16/2015-02-23\n'));
    const { ctx, offset } = at(REPORT.replace('[^1]: KF § 16', '[^1]: KF §¦ 16'), { index });
    const text = value(hover(ctx, offset));
    assert.match(text, /\*\*KF § 16\/2015-02-23\*\*/);
    assert.match(text, /Citeras även i 1 annat dokument i arbetsytan/);
  });

  it('sums up a kontrollmål on its heading: grade, recommendations, references', () => {
    const { ctx, offset } = at(REPORT.replace('## Kontrollmål 1:', '## Kontroll¦mål 1:'));
    const text = value(hover(ctx, offset));
    assert.match(text, /\*\*Kontrollmål 1: Finns styrdokument\?\*\*/);
    assert.match(text, /Bedömning: \*\*Delvis uppfyllt\*\*/);
    assert.match(text, /- Att programmet följs upp\.\n- Att ansvaret tydliggörs\./);
    assert.match(text, /Referenser:\n- KF § 16\/2015-02-23 \(kommunfullmäktige\)/);
    const second = at(REPORT.replace('## Kontrollmål 2:', '## ¦Kontrollmål 2:'));
    assert.match(value(hover(second.ctx, second.offset)), /Bedömning: \*\*Uppfylld\*\* \(inte på skalan\)/);
  });

  it('shows the scale a grade belongs to, in English too', () => {
    const { ctx, offset } = at(REPORT.replace('### Bedömning: Delvis uppfyllt', '### Bedömning: Delvis ¦uppfyllt'));
    assert.equal(value(hover(ctx, offset)), 'Grad på skalan *uppfyllt* (högst först):\n\nUppfyllt · **Delvis uppfyllt** · Ej uppfyllt');
    const en = at(REPORT.replace('### Bedömning: Uppfylld', '### Bedömning: Upp¦fylld'), { locale: 'en' });
    assert.equal(value(hover(en.ctx, en.offset)), '"Uppfylld" is not on the scale *uppfyllt*:\n\nUppfyllt · Delvis uppfyllt · Ej uppfyllt');
  });

  it('explains a frontmatter key, and has nothing to say in prose', () => {
    const { ctx, offset } = at(REPORT.replace('granskade:', 'gransk¦ade:'));
    assert.match(value(hover(ctx, offset)), /^\*\*granskade\*\* — Lista med granskade organ/);
    const prose = at(REPORT.replace('Kommunallagen.', 'Kommun¦allagen.'));
    assert.equal(hover(prose.ctx, prose.offset), null);
  });
});
