import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../server/src/config/config.ts';
import { lintText, parseWithConfig } from '../server/src/lint/lint.ts';
import { findDecision, parseRegister, registerDecisions } from '../server/src/workspace/register.ts';
import { parseIsoDate } from '../server/src/model/dates.ts';

const parseDate = (s: string) => parseIsoDate(s)!;

const organs = DEFAULT_CONFIG.organs;

describe('beslutsregister: reading the CSV (spec §14)', () => {
  it('reads semicolons, quotes, a BOM and CRLF as Swedish Excel writes them', () => {
    const text = '\ufefforgan;paragraf;datum;rubrik;länk\r\nKF;16;2015-02-23;"Mål; ""och"" riktlinjer";https://example.se/a.pdf\r\nkommunfullmäktige;§ 155;2015-12-14;"Två\r\nrader"\r\n\r\nKS;3;2016-01-11;Budget\r\n';
    const r = parseRegister(text, null, organs);
    assert.deepEqual(r.problems, []);
    assert.equal(r.usable, true);
    assert.equal(r.delimiter, ';');
    assert.deepEqual(
      r.entries.map((e) => [e.organ, e.paragraph, e.date, e.rubrik, e.link, e.line]),
      [
        ['KF', 16, '2015-02-23', 'Mål; "och" riktlinjer', 'https://example.se/a.pdf', 1],
        ['KF', 155, '2015-12-14', 'Två\r\nrader', null, 2],
        ['KS', 3, '2016-01-11', 'Budget', null, 5],
      ],
    );
  });

  it('reads commas when the header is comma-separated', () => {
    const r = parseRegister('organ,paragraf,datum,rubrik\nKF,16,2015-02-23,"Program, mål"\n', null, organs);
    assert.equal(r.delimiter, ',');
    assert.deepEqual(r.entries.map((e) => e.rubrik), ['Program, mål']);
  });

  it('reports bad rows on their own line and keeps the good ones', () => {
    const text = 'organ;paragraf;datum;rubrik;länk\nKF;sexton;2015-02-23;x\nKF;16;2015-02-30;x\nKF;17;2015-02-23;x;javascript:alert(1)\nKF;18;2015-02-23;ok\nKF;18;2015-02-23;igen\n';
    const r = parseRegister(text, null, organs);
    const lines = (span: { start: number }) => text.slice(0, span.start).split('\n').length - 1;
    assert.deepEqual(r.problems.map((p) => lines(p.span)), [1, 2, 3, 5]);
    assert.match(r.problems[0].message.sv, /Paragrafen "sexton"/);
    assert.match(r.problems[1].message.sv, /2015-02-30/);
    assert.match(r.problems[2].message.sv, /webbadress/);
    assert.match(r.problems[3].message.sv, /redan på rad 5/);
    assert.deepEqual(r.entries.map((e) => [e.paragraph, e.link]), [[17, null], [18, null]]);
  });

  it('is unusable, with one problem, when a column is missing or a quote is never closed', () => {
    const noColumn = parseRegister('organ;paragraf;rubrik\nKF;16;x\n', null, organs);
    assert.equal(noColumn.usable, false);
    assert.match(noColumn.problems[0].message.sv, /saknar kolumnen "datum"/);
    const open = parseRegister('organ;paragraf;datum;rubrik\nKF;16;2015-02-23;"ej stängd\n', null, organs);
    assert.equal(open.usable, false);
    assert.equal(open.problems.length, 1);
    assert.equal(parseRegister('', null, organs).usable, false);
  });

  it('finds a decision whatever form the reference is written in, and lists the newest first', () => {
    const r = parseRegister('organ;paragraf;datum;rubrik\nKF;16;2015-02-23;a\nKS;4;2019-03-01;b\nKF;2;2019-01-20;c\n', null, organs);
    assert.equal(findDecision(r, { organ: 'KF', paragraph: 16, date: parseDate('2015-02-23') })?.rubrik, 'a');
    assert.equal(findDecision(r, { organ: 'KF', paragraph: 16, date: parseDate('2015-02-24') }), undefined);
    assert.deepEqual(registerDecisions(r).map((e) => e.rubrik), ['b', 'c', 'a']);
    assert.deepEqual(registerDecisions(r, 'KF').map((e) => e.rubrik), ['c', 'a']);
  });
});

describe('beslut-okant with a register', () => {
  const register = parseRegister('organ;paragraf;datum;rubrik\nKF;16;2015-02-23;Program för integration\nKF;16;2016-02-22;Annat\n', null, organs);
  const report = (footnote: string) => `---\ntyp: förstudie\nkommun: Hultsfreds kommun\ntitel: T\ndatum: 2019-01-22\n---\n\n# Bakgrund\n\nText.[^1]\n\n[^1]: ${footnote}\n`;

  it('accepts a listed decision in any form and offers the register\'s date for the right § in the same year', () => {
    const ok = lintText(report('kommunfullmäktige 2015-02-23 § 16'), { register }).filter((d) => d.code === 'beslut-okant');
    assert.deepEqual(ok, []);
    const [wrong] = lintText(report('KF 2015-02-25 § 16'), { register }).filter((d) => d.code === 'beslut-okant');
    assert.match(wrong.message, /den 2015-02-23 \("Program för integration"\), inte den 2015-02-25/);
    assert.deepEqual(wrong.data?.fixes.map((f) => f.edits[0].newText), ['KF 2015-02-23 § 16']);
  });

  it('stays silent without a register or with an unusable one', () => {
    const unusable = parseRegister('organ;rubrik\nKF;x\n', null, organs);
    for (const env of [{}, { register: null }, { register: unusable }]) {
      assert.deepEqual(lintText(report('KF § 99/2015-02-23'), env).filter((d) => d.code === 'beslut-okant'), []);
    }
    assert.equal(lintText(report('KF § 99/2015-02-23'), { register }).filter((d) => d.code === 'beslut-okant').length, 1);
  });
});

describe('missiv-avvikelse in memory', () => {
  const report = `---\ntyp: granskningsrapport\nkommun: Hultsfreds kommun\ntitel: Granskning av hemtjänsten\ndatum: 2021-01-01\ngranskade: [socialnämnden]\n---\n`;
  const missiv = (titel: string, till: string) => `---\ntyp: missiv\nkommun: Hultsfreds kommun\ntitel: ${titel}\ndatum: 2021-02-01\ntill: [${till}]\nsvar_senast: 2021-03-01\nrapport: r.rev.md\nundertecknare:\n  - namn: A\n    roll: Ordförande\n---\n\nVi önskar svar senast 2021-03-01.\n`;
  const related = () => parseWithConfig(report);
  const codes = (text: string) => lintText(text, { related, fileExists: () => true }).filter((d) => d.code === 'missiv-avvikelse').map((d) => d.message);

  it('accepts a title that adds to the report\'s and recipients that name an audited body', () => {
    assert.deepEqual(codes(missiv('Missiv – Granskning av hemtjänsten', 'Samtliga ledamöter i socialnämnden')), []);
  });

  it('reports another title and a recipient the report did not audit', () => {
    const found = codes(missiv('Granskning av hemsjukvården', 'socialnämnden, kommunstyrelsen'));
    assert.equal(found.length, 2);
    assert.match(found[0], /titel "Granskning av hemsjukvården" skiljer sig från rapportens "Granskning av hemtjänsten"/);
    assert.match(found[1], /begär svar från "kommunstyrelsen", men rapporten granskade socialnämnden/);
  });
});
