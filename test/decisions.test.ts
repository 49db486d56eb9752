import * as assert from 'node:assert/strict';
import { formatDecision, scanDecisions } from '../server/src/model/decisions.ts';
import { organTable } from '../server/src/model/organs.ts';

const organs = organTable({ ÖFN: 'överförmyndarnämnden' });
const scan = (text: string, style: 'A' | 'B' | 'C' = 'A') => scanDecisions(text, organs, { malformed: true, style });

describe('decision references (spec §6)', () => {
  const valid: [string, string, number, string, 'A' | 'B' | 'C'][] = [
    ['KF § 16/2015-02-23', 'KF', 16, '2015-02-23', 'A'],
    ['KF 2018-12-17 § 153', 'KF', 153, '2018-12-17', 'B'],
    ['KF 2019-06-17, § 92', 'KF', 92, '2019-06-17', 'B'],
    ['kommunfullmäktige 2015-02-23 § 16', 'KF', 16, '2015-02-23', 'C'],
    ['kommunfullmäktige den 25 februari 2019, § 7', 'KF', 7, '2019-02-25', 'C'],
    ['Kommunfullmäktige 2015-02-23 § 16', 'KF', 16, '2015-02-23', 'C'],
    ['KSAU § 4/2020-01-13', 'KSAU', 4, '2020-01-13', 'A'],
    ['ÖFN § 3/2021-05-04', 'ÖFN', 3, '2021-05-04', 'A'],
    ['överförmyndarnämnden 2021-05-04 § 3', 'ÖFN', 3, '2021-05-04', 'C'],
    ['KF §\u00a016/2015-02-23', 'KF', 16, '2015-02-23', 'A'],
  ];
  for (const [text, organ, paragraph, date, form] of valid) {
    it(`reads «${text}» as form ${form}`, () => {
      const { refs, malformed } = scan(`Enligt beslut ${text}.`);
      assert.equal(malformed.length, 0);
      assert.equal(refs.length, 1);
      const r = refs[0];
      assert.equal(r.organ, organ);
      assert.equal(r.paragraph, paragraph);
      assert.equal(`${r.date.year}-${String(r.date.month).padStart(2, '0')}-${String(r.date.day).padStart(2, '0')}`, date);
      assert.equal(r.form, form);
      assert.equal(r.raw, text);
    });
  }

  const malformed: [string, string | null, boolean][] = [
    ['KF §16/2015-02-23', 'KF § 16/2015-02-23', true],
    ['KF § 16 2015-02-23', 'KF § 16/2015-02-23', true],
    ['KF § 16/15-02-23', 'KF § 16/2015-02-23', false],
    ['KF § 16/2015-2-23', 'KF § 16/2015-02-23', true],
    ['Kf § 16/2015-02-23', 'KF § 16/2015-02-23', true],
    ['KF 2018-12-17 §153', 'KF § 153/2018-12-17', true],
    ['kommunfullmäktige 2015-2-23 § 16', 'KF § 16/2015-02-23', true],
    ['KF § 16/201-02-23', null, false],
  ];
  for (const [text, suggestion, safe] of malformed) {
    it(`flags «${text}» as malformed and suggests ${suggestion ?? 'nothing'}`, () => {
      const r = scan(`[^1]: ${text}`);
      assert.equal(r.refs.length, 0, 'not a valid reference');
      assert.equal(r.malformed.length, 1);
      assert.equal(r.malformed[0].raw, text);
      assert.equal(r.malformed[0].suggestion, suggestion);
      assert.equal(r.malformed[0].safe, safe);
    });
  }

  it('does not take law citations or prose with a § for references', () => {
    for (const text of ['6 kap. 6 § kommunallagen', 'enligt 3 kap. 9 § KL', 'Antagen av kommunfullmäktige 2018-12-17.', 'se § 4 i reglementet 2019-01-01']) {
      const r = scan(text);
      assert.deepEqual([r.refs.length, r.malformed.length], [0, 0], text);
    }
  });

  it('finds several references in one text and keeps them in order', () => {
    const r = scan('KF § 16/2015-02-23 och KS 2016-01-11 § 2 samt KF §7/2016-02-08');
    assert.deepEqual(r.refs.map((x) => x.raw), ['KF § 16/2015-02-23', 'KS 2016-01-11 § 2']);
    assert.deepEqual(r.malformed.map((x) => x.raw), ['KF §7/2016-02-08']);
  });

  it('words suggestions in the house style', () => {
    assert.equal(scan('KF §16/2015-02-23', 'B').malformed[0].suggestion, 'KF 2015-02-23 § 16');
    assert.equal(scan('KF §16/2015-02-23', 'C').malformed[0].suggestion, 'kommunfullmäktige 2015-02-23 § 16');
  });

  it('formats a decision in each form', () => {
    const d = { organ: 'KF', organName: 'kommunfullmäktige', paragraph: 16, date: { year: 2015, month: 2, day: 23 } };
    assert.equal(formatDecision(d, 'A'), 'KF § 16/2015-02-23');
    assert.equal(formatDecision(d, 'B'), 'KF 2015-02-23 § 16');
    assert.equal(formatDecision(d, 'C'), 'kommunfullmäktige 2015-02-23 § 16');
    assert.equal(formatDecision({ ...d, organ: 'XYZ', organName: null }, 'C'), null);
  });

  it('keeps a reference with an impossible date, for referens-datum to report', () => {
    const r = scan('KF § 7/2016-02-30');
    assert.equal(r.refs.length, 1);
    assert.equal(r.refs[0].date.valid, false);
  });
});
