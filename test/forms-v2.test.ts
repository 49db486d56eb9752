import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileExistsFrom } from '../server/src/config/load.ts';
import { hover } from '../server/src/features/hover.ts';
import { lintText, severityName, type GranskaDiagnostic } from '../server/src/lint/lint.ts';
import { formatDecision } from '../server/src/model/decisions.ts';
import { parseAuditDocument } from '../server/src/model/parse.ts';
import { sentences } from '../server/src/model/sentences.ts';
import { RULES } from '../server/src/rules/index.ts';
import { DIARIENUMMER } from '../server/src/rules/diarienummer.ts';
import { indexText, WorkspaceIndex } from '../server/src/workspace/index.ts';
import { at } from './helpers/features.ts';
import { config, lint, ROOT, summary } from './helpers/lint.ts';
import { stripMarkers } from './helpers/markers.ts';

/**
 * The real forms of spec §6 and §9 (v2): decision references in prose (form D) and to several
 * paragraphs, reply dates only where a sentence asks for an answer, the registry numbers
 * seen in real letters, and `tidigare` as a list.
 */
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'v2', 'former');

describe('v2 forms: fixtures with marked diagnostics', () => {
  for (const name of fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.rev.md')).sort()) {
    it(`${name}: exactly the marked codes, lines and severities`, () => {
      const { text, expected } = stripMarkers(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
      if (name.includes('.fel.')) assert.ok(expected.length > 0, 'a failing fixture marks what it expects');
      const actual = lintText(text, { fileExists: fileExistsFrom(FIXTURES) });
      assert.deepEqual(
        actual.map((d) => `${d.range.start.line}:${d.code}`).sort(),
        expected.map((e) => `${e.line}:${e.code}`).sort(),
        actual.map((d) => `${d.range.start.line}: ${d.code} ${d.message}`).join('\n'),
      );
      for (const d of actual) assert.equal(severityName(d.severity), RULES.find((r) => r.id === d.code)?.severity);
    });
  }
});

const REPORT = fs.readFileSync(path.join(FIXTURES, 'referenser-form-d.ren.rev.md'), 'utf8');

describe('v2 forms: decision references in the model', () => {
  it('keeps each form D reference with its organ, paragraphs, date and raw text', () => {
    const doc = parseAuditDocument(REPORT);
    const got = doc.decisions.map((d) => `${d.form} ${d.organ} § ${d.paragraph} ${d.date.year}-${d.date.month}-${d.date.day} [^${d.footnote}] ${d.raw}`);
    assert.deepEqual(got, [
      'D KF § 16 2015-2-23 [^1] kommunfullmäktiges beslut 2015-02-23, § 16',
      'D KF § 155 2015-12-14 [^2] Kommunfullmäktige, 2015-12-14, § 155',
      'D KF § 7 2016-2-8 [^3] KF:s beslut 2016-02-08 §§ 7–8',
      'D KF § 8 2016-2-8 [^3] KF:s beslut 2016-02-08 §§ 7–8',
      'D nämnden för arbete och välfärd § 15 2016-1-24 [^4] Protokoll nämnden för arbete och välfärd 2016-01-24 § 15',
      'D KS § 92 2017-6-19 [^5] Kommunstyrelsen 2017-06-19 (§ 92)',
      'B RF § 92 2018-6-18 [^6] RF 2018-06-18, § 92, 93',
      'B RF § 93 2018-6-18 [^6] RF 2018-06-18, § 92, 93',
      'A RS § 4 2018-9-3 [^6] RS § 4/2018-09-03',
      'D KF § 150 2018-12-17 [^7] Protokoll kommunfullmäktige den 17 december 2018 §§ 150–152',
      'D KF § 151 2018-12-17 [^7] Protokoll kommunfullmäktige den 17 december 2018 §§ 150–152',
      'D KF § 152 2018-12-17 [^7] Protokoll kommunfullmäktige den 17 december 2018 §§ 150–152',
    ]);
    assert.deepEqual(doc.malformedRefs, []);
    const many = doc.decisions.filter((d) => d.paragraph === 150 || d.paragraph === 151);
    assert.deepEqual(many[0].span, many[1].span, 'the paragraphs of one reference share its span');
  });

  it('names RF and RS as built-in organs', () => {
    const doc = parseAuditDocument(REPORT);
    assert.equal(doc.decisions.find((d) => d.organ === 'RF')?.organName, 'regionfullmäktige');
    assert.equal(doc.decisions.find((d) => d.organ === 'RS')?.organName, 'regionstyrelsen');
  });

  it('maps a configured organ\'s full name, in the genitive too, to its abbreviation', () => {
    const cfg = config({ organ: { NAV: 'nämnden för arbete och välfärd' } });
    const doc = parseAuditDocument(
      '[^1]: Protokoll nämnden för arbete och välfärd 2019-01-24 § 15\n[^2]: Nämnden för arbete och välfärds beslut 2019-02-21, § 4\n[^3]: Protokoll från sammanträdet med socialnämnden 2019-03-14 § 9\n',
      { organs: cfg.organs },
    );
    assert.deepEqual(doc.decisions.map((d) => `${d.organ} § ${d.paragraph}`), ['NAV § 15', 'NAV § 4', 'SN § 9']);
  });

  it('counts a required organ\'s form D reference for the kontrollmål, and no body word makes no organ', () => {
    const text = REPORT.replace('[^1]: kommunfullmäktiges beslut 2015-02-23, § 16', '[^1]: Protokoll fört vid sammanträdet 2015-02-23 § 16');
    assert.deepEqual(summary(lint(text)), ['31:kontrollmal-kf-referens:error']);
  });
});

describe('v2 forms: referens-stil and the fixes', () => {
  const styled = (style: string, refs: string) => {
    const text = REPORT.replace(/\[\^3\]: .*\n/, `[^3]: ${refs}\n`);
    // Line 65 holds [^3]; the report's other references are in forms of their own.
    return lint(text, { config: config({ regler: { 'referens-stil': 'warning' }, referensstil: style }) }).filter((d) => d.code === 'referens-stil' && d.range.start.line === 65);
  };

  it('leaves prose (form D) as written, whatever the house style', () => {
    assert.ok(parseAuditDocument(REPORT).decisions.some((d) => d.form === 'D' && d.raw === 'KF:s beslut 2016-02-08 §§ 7–8'), 'read as form D');
    for (const style of ['A', 'B', 'C']) assert.deepEqual(styled(style, 'KF:s beslut 2016-02-08 §§ 7–8'), [], style);
  });

  it('reports a reference to several paragraphs once, and rewrites it whole', () => {
    const found = styled('A', 'KF 2016-02-08 §§ 7–8');
    assert.equal(found.length, 1);
    assert.equal(fixText(found[0]), 'KF §§ 7–8/2016-02-08');
    assert.equal(fixText(styled('C', 'KF § 7, 8/2016-02-08')[0]), 'kommunfullmäktige 2016-02-08 §§ 7–8');
  });

  it('mends malformed prose in the writer\'s own words, and a group of paragraphs in the house style', () => {
    const found = (refs: string) => lint(REPORT.replace(/\[\^3\]: .*\n/, `[^3]: ${refs}\n`)).filter((d) => d.code === 'referens-format').map(fixText);
    assert.deepEqual(found('KF:s beslut 2016-2-8 §7'), ['KF:s beslut 2016-02-08 § 7']);
    assert.deepEqual(found('kommunfullmäktiges beslut  2016-02-08,§ 7'), ['kommunfullmäktiges beslut 2016-02-08, § 7']);
    assert.deepEqual(found('KF 2016-02-08 §7, 8'), ['KF §§ 7–8/2016-02-08']);
    assert.deepEqual(found('KF 2016-02-08 § 8–7'), [null]);
  });
});

describe('v2 forms: writing a decision', () => {
  it('writes several paragraphs as one reference, and form D in prose', () => {
    const d = { organ: 'KF', organName: 'kommunfullmäktige', paragraph: 92, date: { year: 2019, month: 6, day: 17 } };
    assert.equal(formatDecision(d, 'A', [92, 93]), 'KF §§ 92–93/2019-06-17');
    assert.equal(formatDecision(d, 'B', [92, 93, 94, 96]), 'KF 2019-06-17 §§ 92–94, 96');
    assert.equal(formatDecision(d, 'D'), 'kommunfullmäktiges beslut 2019-06-17, § 92');
    assert.equal(formatDecision({ ...d, organName: 'kommunstyrelsens arbetsutskott' }, 'D'), 'kommunstyrelsens arbetsutskotts beslut 2019-06-17, § 92');
    // An organ known only by the name a minute gives has no abbreviation for forms A and B.
    const named = { ...d, organ: 'kultur- och fritidsnämnden', organName: 'kultur- och fritidsnämnden' };
    assert.deepEqual([formatDecision(named, 'A'), formatDecision(named, 'B')], [null, null]);
  });
});

/** The text of a diagnostic's first fix, or null when it offers none. */
function fixText(d: GranskaDiagnostic | undefined): string | null {
  return d?.data?.fixes[0]?.edits[0]?.newText ?? null;
}

describe('v2 forms: the workspace index and hover know form D', () => {
  it('indexes each paragraph of a prose reference under its canonical form, with its title', () => {
    const entry = indexText('file:///a.rev.md', '[^1]: kommunfullmäktiges beslut 2012-11-20, §§ 101–102 — Riktlinjer för integration\n');
    assert.deepEqual(entry.decisions.map((d) => [d.canonical, d.title, d.character, d.length]), [
      ['KF § 101/2012-11-20', 'Riktlinjer för integration', 6, 48],
      ['KF § 102/2012-11-20', 'Riktlinjer för integration', 6, 48],
    ]);
  });

  it('hovers a prose reference with all its paragraphs and the documents that cite one of them', () => {
    const index = new WorkspaceIndex();
    index.set(indexText('file:///arbetsyta/annan.rev.md', '[^7]: KF § 8/2016-02-08\n'));
    const { ctx, offset } = at(REPORT.replace('[^3]: KF:s', '[^3]: K¦F:s'), { index });
    const h = hover(ctx, offset);
    const value = h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
    assert.match(value, /\*\*KF:s beslut 2016-02-08 §§ 7–8\*\*/);
    assert.match(value, /Organ: kommunfullmäktige \(KF\)/);
    assert.match(value, /§§ 7–8/);
    assert.match(value, /Citeras även i 1 annat dokument/);
  });
});

describe('v2 forms: registry numbers (spec §9)', () => {
  it('accepts the forms of real letters and still rejects near misses', () => {
    const accepted = ['2022/347', 'KS 2022/0347', 'REV 2019/12', 'RVK 2021/88', 'KS-2014/742.912', '3.1.2-56/2016', 'Dnr 3.1.2-56/2016', 'Dnr KS 2022/0347', 'dnr 2022/347'];
    const rejected = ['2022-347', 'dnr 347/22', 'KS-2014/742.', '3.1.2-56/16', '3.1.2/2016', 'KS--2014/742', 'RVK-2021/88/3', 'Dnr'];
    assert.deepEqual(accepted.filter((v) => !DIARIENUMMER.test(v)), [], 'accepted');
    assert.deepEqual(rejected.filter((v) => DIARIENUMMER.test(v)), [], 'rejected');
  });
});

describe('v2 forms: tidigare as a path or a list of paths', () => {
  const report = fs.readFileSync(path.join(FIXTURES, 'tidigare-lista.ren.rev.md'), 'utf8');
  const withTidigare = (yaml: string) => summary(lint(report.replace(/tidigare:\n(?: {2}- .*\n)+/, `${yaml}\n`))).filter((s) => s.includes('frontmatter-falt'));
  it('accepts one path or a list of paths, and rejects an empty list, an empty path or a non-path', () => {
    assert.deepEqual(withTidigare('tidigare: ../2019/granskning.rev.md'), []);
    assert.deepEqual(withTidigare('tidigare: [a.rev.md, b.rev.md]'), []);
    for (const bad of ['tidigare: []', "tidigare: ''", 'tidigare: [a.rev.md, ""]', 'tidigare: {a: 1}']) {
      assert.deepEqual(withTidigare(bad), ['7:frontmatter-falt:error'], bad);
    }
  });
});

describe('v2 forms: sentences', () => {
  it('does not end a sentence at a Swedish abbreviation', () => {
    const text = 'Vi granskar bl.a. Kommunstyrelsen, t.ex. Dess protokoll, dvs. Beslut och s.k. Delegeringsbeslut. Sedan följer nästa mening.';
    assert.deepEqual(sentences(text).map((s) => s.text.trim()), [
      'Vi granskar bl.a. Kommunstyrelsen, t.ex. Dess protokoll, dvs. Beslut och s.k. Delegeringsbeslut.',
      'Sedan följer nästa mening.',
    ]);
  });
});
