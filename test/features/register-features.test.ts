import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../server/src/config/config.ts';
import { completions } from '../../server/src/features/completion.ts';
import { featureContext } from '../../server/src/features/context.ts';
import { hover } from '../../server/src/features/hover.ts';
import { parseWithConfig } from '../../server/src/lint/lint.ts';
import { parseRegister } from '../../server/src/workspace/register.ts';
import { stripCursor } from '../helpers/markers.ts';
import { REPORT } from './fixtures.ts';

const REGISTER = parseRegister(
  'organ;paragraf;datum;rubrik;länk\nKF;16;2015-02-23;Program för *asyl* <b>och</b> integration;https://example.se/kf(16).pdf\nKS;12;2020-02-10;Svar på remiss;\nKF;3;2021-01-25;Budget 2021;\nKS;40;2019-03-04;Äldre beslut;\n',
  null,
  DEFAULT_CONFIG.organs,
);

function at(source: string) {
  const { text, offset } = stripCursor(source);
  return { ctx: featureContext(parseWithConfig(text), { register: REGISTER, today: '2026-11-22' }), offset };
}

const value = (h: ReturnType<typeof hover>) => (h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');

describe('the beslutsregister in the editor (spec §14)', () => {
  it('hover on a decision shows the register\'s rubrik, escaped, and its web link', () => {
    const { ctx, offset } = at(REPORT.replace('[^1]: KF § 16', '[^1]: KF §¦ 16'));
    const text = value(hover(ctx, offset));
    assert.match(text, /Beslutsregistret: \*\*Program för \\\*asyl\\\* \\<b\\>och\\<\/b\\> integration\*\*/);
    assert.match(text, /\[Öppna beslutet\]\(https:\/\/example\.se\/kf%2816%29\.pdf\)/);
  });

  it('hover says when the register does not list a decision', () => {
    const { ctx, offset } = at(REPORT.replace('[^2]: KS § 12/2020-02-10', '[^2]: KS §¦ 13/2020-02-10'));
    assert.match(value(hover(ctx, offset)), /Finns inte i beslutsregistret\./);
  });

  it('completion in a footnote definition offers the register\'s decisions newest first', () => {
    const { ctx, offset } = at(REPORT.replace('[^2]: KS § 12/2020-02-10', '[^2]: ¦'));
    const labels = completions(ctx, offset).filter((c) => c.sortText?.startsWith('0')).map((c) => [c.label, c.detail]);
    assert.deepEqual(labels, [
      ['KF § 3/2021-01-25', 'Budget 2021'],
      ['KS § 12/2020-02-10', 'Svar på remiss'],
      ['KS § 40/2019-03-04', 'Äldre beslut'],
      ['KF § 16/2015-02-23', 'Program för *asyl* <b>och</b> integration'],
    ]);
  });

  it('completion filters by the organ already typed, abbreviation or name', () => {
    for (const typed of ['KS', 'kommunstyrelsen ']) {
      const { ctx, offset } = at(REPORT.replace('[^2]: KS § 12/2020-02-10', `[^2]: ${typed}¦`));
      assert.deepEqual(completions(ctx, offset).filter((c) => c.sortText?.startsWith('0')).map((c) => c.label), ['KS § 12/2020-02-10', 'KS § 40/2019-03-04'], typed);
    }
  });
});
