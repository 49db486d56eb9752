import * as assert from 'node:assert/strict';
import { parseConfig } from '../server/src/config/config.ts';
import { configProblems } from '../server/src/config/load.ts';
import { RULE_IDS } from '../server/src/rules/index.ts';
import { lint } from './helpers/lint.ts';

/**
 * Spec §13: each real variant (1–8) is accepted with the right profile, built in or a few
 * lines of configuration, and a missing assessment, a grade off the scale and a unit below
 * the best grade without a recommendation are still found in it, at the unit concerned.
 *
 * Each variant writes a report of three units, «Planering», «Uppföljning» and
 * «Rapportering». The clean report grades them all and makes recommendations; the flawed one
 * leaves the first unassessed, grades the second «Bra» (on no scale) and gives the third, graded
 * below the best grade, no recommendation.
 */

interface Unit {
  /** The unit's own word, which every heading of it (or its part) carries. */
  title: string;
  /** The grade as written; null: no assessment at all. */
  grade: string | null;
  /** Whether the unit's own recommendations are written (for profiles with recommendations per unit). */
  recs: boolean;
}

interface Variant {
  /** Which items of §13 it shows. */
  shows: string;
  config: object;
  /** The scale's best and a lower grade, as this variant writes them. */
  grades: [string, string];
  write(units: Unit[], recommendations: boolean): string;
}

const TITLES = ['Planering', 'Uppföljning', 'Rapportering'];

const front = (extra = '') => `---\ntyp: granskningsrapport\nkommun: Ydre kommun\ntitel: Granskning av lokalförsörjningen\ndatum: 2024-05-02\nstatus: utkast\ngranskade: [kommunstyrelsen, socialnämnden]\n${extra}---\n\n`;

/** Units assessed in a final chapter, one part per unit whose heading names it; the grade in a bold lead or a sentence. */
const parts = (units: Unit[], heading: (u: Unit, i: number) => string, grade: (g: string) => string) =>
  units.filter((u) => u.grade !== null).map((u, _, __) => `${heading(u, units.indexOf(u))}\n\n${grade(u.grade!)}\n\nMotiveringen av bedömningen av ${u.title.toLowerCase()}.\n`).join('\n');

const bold = (g: string) => `**Bedömning:** ${g}`;

const VARIANTS: Variant[] = [
  {
    shows: '1 «Iakttagelser och bedömningar», 2 Kontrollmål N, 3 under each unit, 4 grade in the heading, 5 per unit, 6 nested under Inledning, 7 a question, 8 per unit by KF (the default profile)',
    config: {},
    grades: ['Uppfyllt', 'Delvis uppfyllt'],
    write: (units) => `${front()}# Sammanfattning\n\nText.\n\n# Inledning\n\n## Syfte och revisionsfråga\n\nSäkerställer kommunstyrelsen en ändamålsenlig lokalförsörjning?\n\n## Revisionskriterier\n\n- Kommunallagen.\n\n# Iakttagelser och bedömningar\n\n${units.map((u, i) => `## Kontrollmål ${i + 1}: ${u.title}\n\n### Iakttagelser\n\nVad vi såg om ${u.title.toLowerCase()}.[^1]\n\n${u.grade === null ? '' : `### Bedömning: ${u.grade}\n\nMotivering.\n\n`}### Rekommendationer\n\n${u.recs ? '- Gör bättre.' : 'Inga rekommendationer.'}\n`).join('\n')}\n[^1]: KF § 12/2022-02-21\n`,
  },
  {
    shows: '1 «Granskningens resultat», 2 kontrollområden, 3 a final «Avslutning», 4 bold lead, 5 per nämnd, 6 «Sammanfattande bedömning och rekommendationer» first, 7 an att-clause, 8 once per report',
    config: { profil: 'kontrollmal-slutkapitel' },
    grades: ['Uppfyllt', 'Delvis uppfyllt'],
    write: (units, recs) => `${front()}# Sammanfattande bedömning och rekommendationer\n\nText.\n\n# Inledning\n\n## Syfte och revisionsfråga\n\nRevisionsfrågan är att bedöma om kommunstyrelsen har en ändamålsenlig lokalförsörjning.\n\n# Granskningens resultat\n\n${units.map((u, i) => `## Kontrollområde ${i + 1}: ${u.title}\n\nVad vi såg om ${u.title.toLowerCase()}.\n`).join('\n')}\nBeslutet finns i protokollet.[^1]\n\n# Avslutning\n\n${parts(units, (u, i) => `## Kontrollområde ${i + 1} ${u.title}`, bold)}\n${recs ? '## Rekommendationer\n\nVi rekommenderar kommunstyrelsen att:\n\n- ta fram en plan.\n\nVi rekommenderar socialnämnden att:\n\n- följa upp planen.\n' : ''}\n[^1]: KF § 12/2022-02-21\n`,
  },
  {
    shows: '1 topic chapters, 2 revisionsfrågor listed in the introduction, 3 «Slutsatser» with «Svar på respektive revisionsfråga», 4 verbal scale in the first sentence, 5 one consolidated list, 7 plural with sub-questions, 8 none',
    config: { profil: 'revisionsfragor-slutsatser' },
    grades: ['i allt väsentligt', 'i huvudsak'],
    write: (units, recs) => `${front()}# Sammanfattning\n\nText.\n\n# Inledning\n\n## Revisionsfrågor\n\n${units.map((u) => `- Finns en ändamålsenlig ${u.title.toLowerCase()}?\n  - Är den dokumenterad?`).join('\n')}\n\n# Lokalerna\n\nVad vi såg.\n\n# Slutsatser\n\n## Svar på respektive revisionsfråga\n\n${parts(units, (u, i) => `### Revisionsfråga ${i + 1}: ${u.title}`, (g) => (g === 'Bra' ? bold(g) : `Vi bedömer att nämnden ${g} har en ändamålsenlig ordning.`))}\n${recs ? '## Rekommendationer\n\n- Kommunstyrelsen bör ta fram en plan.\n' : ''}`,
  },
  {
    shows: '1 «Resultat», 2 revisionsfrågor listed in a flat chapter, 3 «Slutsatser och rekommendationer», 4 verbal in the first sentence, 5 «rekommenderar vi kommunstyrelsen att:», 6 flat chapters, 7 «Syfte och revisionsfrågor»',
    config: { profil: 'platta-kapitel' },
    grades: ['fullt ut', 'delvis'],
    write: (units, recs) => `${front()}# Sammanfattning\n\nText.\n\n# Bakgrund\n\nText.\n\n# Syfte och revisionsfrågor\n\n${units.map((u) => `1. Säkerställer styrelsen ${u.title.toLowerCase()}?`).join('\n')}\n\n# Avgränsning\n\nText.\n\n# Revisionskriterier\n\n- Kommunallagen.\n\n# Ansvarig nämnd\n\nKommunstyrelsen.\n\n# Metod\n\nIntervjuer.\n\n# Resultat\n\nVad vi såg.\n\n# Slutsatser och rekommendationer\n\n${parts(units, (u, i) => `## Revisionsfråga ${i + 1} – ${u.title}`, (g) => (g === 'Bra' ? bold(g) : `Vi bedömer att styrelsen ${g} säkerställer detta.`))}\n${recs ? '## Rekommendationer\n\nUtifrån granskningen rekommenderar vi kommunstyrelsen att:\n\n1. ta fram en plan.\n' : ''}`,
  },
  {
    shows: '2 delfrågor, 3 «Revisionell bedömning» where each unit is assessed under its own heading, 4 «tillfredsställande», 5 in the summary, 7 an att-clause under «Syfte», 8 once per report',
    config: { profil: 'resultat-revisionell-bedomning' },
    grades: ['Tillfredsställande', 'Delvis tillfredsställande'],
    write: (units, recs) => `${front()}# Sammanfattning\n\nText.\n\n${recs ? '## Förslag och rekommendationer\n\n- Ta fram en plan.\n\n' : ''}# Inledning\n\n## Syfte\n\nSyftet är att granska om styrelsen har en tillräcklig lokalförsörjning.\n\n# Resultat\n\nVad vi såg.[^1]\n\n# Revisionell bedömning\n\n${units.map((u, i) => `## Delfråga ${i + 1}: ${u.title}\n\n${u.grade === null ? '' : `${bold(u.grade)}\n\nMotivering.\n`}`).join('\n')}\n[^1]: KF § 12/2022-02-21\n`,
  },
  {
    shows: '1 «Våra iakttagelser och kommentarer», 2 the question as the heading, 3 «Sammanfattande bedömning och rekommendationer», 4 traffic lights as symbols in a table and words in a bold lead, 6 the summary last',
    config: { profil: 'stad', profiler: { stad: { bas: 'iakttagelser-och-kommentarer', skala: 'trafikljus' } } },
    grades: ['Grön', 'Gul'],
    write: (units, recs) => `${front()}# Inledning\n\n## Syfte och revisionsfrågor\n\n${units.map((u) => `- Fungerar ${u.title.toLowerCase()}?`).join('\n')}\n\n## Revisionskriterier\n\n- Kommunallagen.\n\n# Våra iakttagelser och kommentarer\n\n${units.map((u) => `## Fungerar ${u.title.toLowerCase()}?\n\nVad vi såg.\n`).join('\n')}\n# Sammanfattande bedömning och rekommendationer\n\n${parts(units, (u) => `## Fungerar ${u.title.toLowerCase()}?`, bold)}\n${recs ? '## Rekommendationer\n\n- Kommunstyrelsen bör ta fram en plan.\n' : ''}`,
  },
  {
    shows: '1 a results chapter renamed, 2 one unit per audited nämnd, 4 grade in the summary table, 5 named per unit, 8 per report by a nämnd',
    config: {
      profil: 'nämnder',
      organ: { SN: 'socialnämnden' },
      profiler: {
        nämnder: {
          bas: 'kontrollmal-slutkapitel',
          kapitel: { Granskningsresultat: { rubriker: ['nämndernas arbete'] } },
          enheter: { namn: 'Nämnd', bestämd: 'Nämnden', plural: 'nämnder', hittas: 'rubriker', ord: ['Nämnd'] },
          bedömning: { grad: ['tabell'] },
          rekommendationer: { täckning: 'namngiven' },
          referenser: { organ: ['SN'] },
          sammanställning: { förstaKolumn: ['nämnd'] },
        },
      },
    },
    grades: ['Uppfyllt', 'Delvis uppfyllt'],
    write: (units, recs) => `${front()}# Sammanfattning\n\n| Nämnd | Bedömning |\n| --- | --- |\n${units.map((u, i) => `| Nämnd ${i + 1} | ${u.grade ?? ''} |`).join('\n')}\n\n# Inledning\n\n## Syfte och revisionsfråga\n\nHar nämnderna en ändamålsenlig lokalförsörjning?\n\n# Nämndernas arbete\n\n${units.map((u) => `## ${u.title}snämnden\n\nVad vi såg.\n`).join('\n')}\nSe protokollet.[^1]\n\n# Revisionell bedömning\n\n${units.filter((u) => u.grade !== null).map((u) => `## Nämnd ${units.indexOf(u) + 1} ${u.title}\n\nMotiveringen av bedömningen.\n`).join('\n')}\n## Rekommendationer\n\n- Nämnd 1 bör ta fram en plan.\n${recs ? units.map((_, i) => `- Nämnd ${i + 1} bör följa upp planen.`).join('\n') : ''}\n\n[^1]: SN § 12/2022-02-21\n`,
  },
  {
    shows: '2 «Revisionsfråga N» and 4 adjective agreement with a scale of the configuration («Åtgärdad», written «åtgärdat»), 8 per unit by RF',
    config: {
      profil: 'region',
      skalor: { åtgärd: ['Åtgärdad', 'Delvis åtgärdad', 'Ej åtgärdad'] },
      kravdaOrgan: ['RF'],
      organ: { RF: 'regionfullmäktige' },
      profiler: { region: { bas: 'kontrollmal', enheter: { namn: 'Revisionsfråga', bestämd: 'Revisionsfrågan', plural: 'revisionsfrågor' }, skala: 'åtgärd' } },
    },
    grades: ['åtgärdat', 'delvis åtgärdat'],
    write: (units) => `${front()}# Sammanfattning\n\nText.\n\n# Inledning\n\n## Syfte och revisionsfråga\n\nÄr bristerna åtgärdade?\n\n## Revisionskriterier\n\n- Kommunallagen.\n\n# Iakttagelser och bedömningar\n\n${units.map((u, i) => `## Revisionsfråga ${i + 1}: ${u.title}\n\n### Iakttagelser\n\nVad vi såg om ${u.title.toLowerCase()}.[^1]\n\n${u.grade === null ? '' : `### Bedömning: ${u.grade}\n\nMotivering.\n\n`}### Rekommendationer\n\n${u.recs ? '- Gör bättre.' : 'Inga rekommendationer.'}\n`).join('\n')}\n[^1]: RF § 12/2022-02-21\n`,
  },
];

function configOf(v: Variant) {
  const loaded = parseConfig(JSON.stringify(v.config), '.granskarc.json', RULE_IDS);
  assert.deepEqual(configProblems(loaded, 'sv'), [], 'the configuration is valid');
  return loaded.config;
}

describe('house profiles: every variant of spec §13', () => {
  for (const v of VARIANTS) {
    describe(v.shows, () => {
      it('accepts a clean report', () => {
        const [best, lower] = v.grades;
        const units: Unit[] = [{ title: TITLES[0], grade: best, recs: false }, { title: TITLES[1], grade: lower, recs: true }, { title: TITLES[2], grade: lower, recs: true }];
        const text = v.write(units, true);
        assert.deepEqual(lint(text, { config: configOf(v) }).map((d) => `${d.range.start.line + 1}: ${d.code} ${d.message}`), [], text);
      });

      it('still finds a missing assessment, a grade off the scale and a missing recommendation, at the unit', () => {
        const lower = v.grades[1];
        const units: Unit[] = [{ title: TITLES[0], grade: null, recs: true }, { title: TITLES[1], grade: 'Bra', recs: true }, { title: TITLES[2], grade: lower, recs: false }];
        const text = v.write(units, false);
        const lines = text.split('\n');
        const found = lint(text, { config: configOf(v) }).map((d) => ({ code: d.code, at: d.range.start.line, line: lines[d.range.start.line] }));
        const summary = found.map((f) => `${f.code} @ ${f.line}`);
        assert.deepEqual(found.map((f) => f.code).sort(), ['bedomning-skala', 'kontrollmal-bedomning', 'kontrollmal-rekommendation'], summary.join('\n'));
        // Each is reported on a line that names its unit: its heading, its part or its table row.
        // A line inside a unit (its «### Rekommendationer», say) belongs to the unit whose heading, listed
        // question or table row comes last before it.
        const byTitle = (line: string, i: number) => line.toLowerCase().includes(TITLES[i].toLowerCase());
        const byNumber = (line: string, i: number) => new RegExp(`(?<![\\d§] ?)\\b${i + 1}\\b`).test(line);
        const owner = (at: number): number => {
          for (let l = at; l >= 0; l--) {
            if (!/^(?:#|\||[-*] |\d+\. )/.test(lines[l])) continue;
            const t = TITLES.findIndex((_, k) => byTitle(lines[l], k));
            const i = t >= 0 ? t : TITLES.findIndex((_, k) => byNumber(lines[l], k));
            if (i >= 0) return i;
          }
          return -1;
        };
        const unitOf = (code: string) => owner(found.find((f) => f.code === code)!.at);
        assert.equal(unitOf('kontrollmal-bedomning'), 0, summary.join('\n'));
        assert.equal(unitOf('bedomning-skala'), 1, summary.join('\n'));
        assert.equal(unitOf('kontrollmal-rekommendation'), 2, summary.join('\n'));
      });
    });
  }
});
