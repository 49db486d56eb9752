import * as assert from 'node:assert/strict';
import { parseConfig } from '../../server/src/config/config.ts';
import { completions } from '../../server/src/features/completion.ts';
import { RULES } from '../../server/src/rules/index.ts';
import { indexText, WorkspaceIndex } from '../../server/src/workspace/index.ts';
import { accept, at, TODAY } from '../helpers/features.ts';

const labels = (items: { label: string }[]) => items.map((i) => i.label);

// Not the shared fixture: completion needs a kontrollmål at the scale's top grade with
// «Inga rekommendationer.» and one that stops before its Bedömning, and no Inledning.
const REPORT = `---
typ: granskningsrapport
kommun: Hultsfreds kommun
titel: Asyl och integration
datum: 2024-03-01
granskade: [kommunstyrelsen]
---

# Sammanfattning

Text.

# Iakttagelser och bedömningar

## Kontrollmål 1: Finns styrdokument?

### Iakttagelser

Ja.[^1]

### Bedömning: Uppfyllt

Kontrollmålet bedöms som uppfyllt.

### Rekommendationer

Inga rekommendationer.

## Kontrollmål 2: Följs de upp?

### Iakttagelser

Delvis.[^2]

[^1]: KF § 16/2015-02-23 — Program för förbättrad asyl och integration
[^2]: KS § 12/2020-02-10
`;

function workspace(): WorkspaceIndex {
  const index = new WorkspaceIndex();
  index.set(indexText('file:///arbetsyta/a.rev.md', '---\ntyp: granskningsrapport\ngranskade: [tekniska nämnden, kommunstyrelsen]\n---\n\n[^1]: KF § 16/2015-02-23 — Program för förbättrad asyl och integration\n[^2]: KF § 7/2016-02-08 — Åtgärdskatalog 1\n'));
  index.set(indexText('file:///arbetsyta/b.rev.md', '---\ntyp: missiv\ntill: [Nämnden för arbete och välfärd]\n---\n\n[^1]: KF § 16/2015-02-23 — Program för asyl\n[^9]: KF § 16/2015-02-23 — Program för förbättrad asyl och integration\n'));
  return index;
}

describe('completion', () => {
  describe('in the frontmatter', () => {
    it('offers the keys that fit the document type and are not yet written, required first, with a description', () => {
      const { ctx, offset } = at('---\ntyp: missiv\nkommun: X kommun\n¦\n---\n');
      const items = completions(ctx, offset);
      assert.deepEqual(labels(items).slice(0, 4), ['datum', 'till', 'svar_senast', 'undertecknare']);
      assert.ok(!labels(items).includes('kommun') && !labels(items).includes('typ'));
      assert.ok(!labels(items).includes('granskade'), 'a missiv has no granskade');
      const till = items.find((i) => i.label === 'till')!;
      assert.match(JSON.stringify(till.documentation), /mottagare/);
      assert.equal(till.detail, 'obligatorisk');
    });

    it('inserts a date key with today\'s date and signatories as a block', () => {
      const { ctx, offset, text } = at('---\ntyp: missiv\nsv¦\n---\n');
      const svar = completions(ctx, offset).find((i) => i.label === 'svar_senast')!;
      assert.equal(accept(text, svar), `---\ntyp: missiv\nsvar_senast: ${TODAY}\n---\n`);
      const signers = completions(ctx, offset).find((i) => i.label === 'undertecknare')!;
      assert.equal(accept(text, signers), '---\ntyp: missiv\nundertecknare:\n  - namn: namn\n    roll: Ordförande\n---\n');
    });

    it('offers the values of typ, status and skala, and configured scales', () => {
      const t = at('---\ntyp: ¦\n---\n');
      assert.deepEqual(labels(completions(t.ctx, t.offset)), ['granskningsrapport', 'förstudie', 'uppföljning', 'missiv']);
      const s = at('---\nstatus: ut¦kast\n---\n');
      const items = completions(s.ctx, s.offset);
      assert.deepEqual(labels(items), ['utkast', 'granskad', 'slutlig']);
      assert.equal(accept(s.text, items[2]), '---\nstatus: slutlig\n---\n');
      const config = parseConfig('{ "skalor": { "fyrgradig": ["Helt", "Till stor del", "Delvis", "Inte alls"] } }', null, new Set(RULES.map((r) => r.id))).config;
      const k = at('---\nskala: ¦\n---\n', { config });
      assert.deepEqual(labels(completions(k.ctx, k.offset)), ['uppfyllt', 'ja-nej', 'fyrgradig']);
    });

    it('offers today for datum and the 290 kommuner for kommun', () => {
      const d = at('---\ndatum: ¦\n---\n');
      assert.deepEqual(labels(completions(d.ctx, d.offset)), [TODAY]);
      const k = at('---\nkommun: Hult¦\n---\n');
      const items = completions(k.ctx, k.offset);
      assert.equal(items.length, 290);
      const hultsfred = items.find((i) => i.label === 'Hultsfreds kommun')!;
      assert.equal(hultsfred.detail, 'Kalmar län');
      assert.equal(accept(k.text, hultsfred), '---\nkommun: Hultsfreds kommun\n---\n');
      assert.ok(labels(items).includes('Ale kommun') && labels(items).includes('Region Gotland') && labels(items).includes('Falu kommun'));
    });

    it('offers bodies from the workspace and common nämnder, leaving out those already listed', () => {
      const { ctx, offset, text } = at('---\ntyp: granskningsrapport\ngranskade: [kommunstyrelsen, tek¦]\n---\n', { index: workspace() });
      const items = completions(ctx, offset);
      assert.ok(!labels(items).includes('kommunstyrelsen'));
      assert.equal(labels(items)[0], 'tekniska nämnden', 'workspace names come first');
      assert.ok(labels(items).includes('Nämnden för arbete och välfärd'));
      assert.ok(labels(items).includes('socialnämnden'));
      assert.equal(accept(text, items[0]), '---\ntyp: granskningsrapport\ngranskade: [kommunstyrelsen, tekniska nämnden]\n---\n');
      const block = at('---\ntyp: missiv\ntill:\n  - social¦\n---\n');
      const socialnamnden = completions(block.ctx, block.offset).find((i) => i.label === 'socialnämnden')!;
      assert.equal(accept(block.text, socialnamnden), '---\ntyp: missiv\ntill:\n  - socialnämnden\n---\n');
    });

    it('offers signatory roles', () => {
      const { ctx, offset } = at('---\ntyp: missiv\nundertecknare:\n  - namn: A B\n    roll: ¦\n---\n');
      assert.deepEqual(labels(completions(ctx, offset)).slice(0, 2), ['Ordförande', 'Vice ordförande']);
    });
  });

  describe('in the body', () => {
    it('offers the grades of the scale after "### Bedömning: ", best first, replacing what is written', () => {
      const { ctx, offset, text } = at(REPORT.replace('### Bedömning: Uppfyllt', '### Bedömning: Del¦vis'));
      const items = completions(ctx, offset);
      assert.deepEqual(labels(items), ['Uppfyllt', 'Delvis uppfyllt', 'Ej uppfyllt']);
      assert.equal(items[0].detail, 'högsta graden (uppfyllt)');
      assert.equal(accept(text, items[1]), REPORT.replace('### Bedömning: Uppfyllt', '### Bedömning: Delvis uppfyllt'));
      const jn = at(REPORT.replace('datum: 2024-03-01', 'datum: 2024-03-01\nskala: ja-nej').replace('### Bedömning: Uppfyllt', '### Bedömning: ¦'));
      assert.deepEqual(labels(completions(jn.ctx, jn.offset)), ['Ja', 'Delvis', 'Nej']);
    });

    it('offers "Kontrollmål N: " with the next number for a new "## " under Iakttagelser och bedömningar', () => {
      const { ctx, offset, text } = at(REPORT.replace('[^1]: KF', '## ¦\n\n[^1]: KF'));
      const items = completions(ctx, offset);
      assert.deepEqual(labels(items), ['Kontrollmål 3: ']);
      assert.ok(accept(text, items[0]).includes('## Kontrollmål 3: text\n'));
      const between = at(REPORT.replace('## Kontrollmål 2', '## ¦\n\n## Kontrollmål 2'));
      assert.deepEqual(labels(completions(between.ctx, between.offset)), ['Kontrollmål 2: ']);
      const outside = at(REPORT.replace('# Sammanfattning\n', '# Sammanfattning\n\n## ¦\n'));
      assert.deepEqual(completions(outside.ctx, outside.offset), []);
    });

    it('offers the subsections a kontrollmål still lacks after "### "', () => {
      const { ctx, offset, text } = at(REPORT.replace('Delvis.[^2]\n', 'Delvis.[^2]\n\n### ¦\n'));
      const items = completions(ctx, offset);
      assert.deepEqual(labels(items), ['Bedömning: ', 'Rekommendationer']);
      assert.ok(accept(text, items[1]).includes('### Rekommendationer\n\n- \n'));
      const full = at(REPORT.replace('Inga rekommendationer.\n', 'Inga rekommendationer.\n\n### ¦\n'));
      assert.deepEqual(completions(full.ctx, full.offset), []);
    });

    it('offers the footnote labels after "[^", showing each definition, and replaces up to the closing bracket', () => {
      const { ctx, offset, text } = at(REPORT.replace('Ja.[^1]', 'Ja.[^¦]'));
      const items = completions(ctx, offset);
      assert.deepEqual(labels(items), ['1', '2', '3']);
      assert.match(JSON.stringify(items[0].documentation), /KF § 16\/2015-02-23/);
      assert.equal(items[2].detail, 'ny fotnot');
      assert.equal(accept(text, items[1]), REPORT.replace('Ja.[^1]', 'Ja.[^2]'));
    });

    it('offers undefined labels and the next number when a definition is started', () => {
      const { ctx, offset, text } = at(REPORT.replace('Delvis.[^2]', 'Delvis.[^2][^saknas]').replace('[^2]: KS § 12/2020-02-10\n', '[^2]: KS § 12/2020-02-10\n[^¦\n'));
      const items = completions(ctx, offset);
      assert.deepEqual(labels(items), ['saknas', '3']);
      assert.ok(accept(text, items[0]).endsWith('[^saknas]: \n'));
    });

    it('offers the decision references cited in the workspace inside a footnote definition, most cited first', () => {
      const { ctx, offset, text } = at(REPORT.replace('[^2]: KS § 12/2020-02-10', '[^2]: ¦'), { index: workspace() });
      const items = completions(ctx, offset);
      assert.deepEqual(labels(items), ['KF § 16/2015-02-23 — Program för förbättrad asyl och integration', 'KF § 7/2016-02-08 — Åtgärdskatalog 1']);
      assert.match(items[0].detail!, /kommunfullmäktige 2015-02-23 § 16 · citerad 3 gånger/);
      assert.ok(accept(text, items[1]).includes('[^2]: KF § 7/2016-02-08 — Åtgärdskatalog 1\n'));
    });

    it('offers the standard missiv phrases filled in from the frontmatter', () => {
      const missiv = `---
typ: missiv
kommun: Vänersborgs kommun
datum: 2019-05-21
till: [kommunstyrelsen, socialnämnden]
svar_senast: 2019-07-30
undertecknare:
  - namn: Thomas Boström
    roll: Ordförande
  - namn: Torsten Gunnarsson
    roll: Vice ordförande
---

PwC har granskat integrationsarbetet.

Vi¦
`;
      const { ctx, offset, text } = at(missiv);
      const items = completions(ctx, offset);
      const reply = items.find((i) => i.label.startsWith('Vi önskar svar'))!;
      assert.equal(reply.label, 'Vi önskar svar från kommunstyrelsen och socialnämnden senast …');
      assert.ok(accept(text, reply).endsWith('\n\nVi önskar svar från kommunstyrelsen och socialnämnden senast 2019-07-30. Av svaret bör det framgå vilka åtgärder som ska vidtas och när de beräknas vara genomförda.\n'));
      const closing = items.find((i) => i.label === 'För kommunens revisorer')!;
      assert.ok(accept(text, closing).endsWith('\n\nFör kommunens revisorer\n\nThomas Boström, ordförande\n\nTorsten Gunnarsson, vice ordförande\n'));
      assert.ok(items.some((i) => i.label.startsWith('Rapporten överlämnas för kännedom och beaktande')));
      // Not in the middle of a paragraph, and not in a report.
      const mid = at(missiv.replace('Vi¦', 'Vi har¦'));
      assert.deepEqual(completions(mid.ctx, mid.offset), []);
      const report = at(REPORT.replace('Text.', '¦'));
      assert.deepEqual(completions(report.ctx, report.offset), []);
    });

    it('offers nothing in ordinary prose', () => {
      const { ctx, offset } = at(REPORT.replace('Ja.[^1]', 'Ja, det finns¦.[^1]'));
      assert.deepEqual(completions(ctx, offset), []);
    });
  });
});
