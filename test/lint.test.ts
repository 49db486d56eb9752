import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { stripMarkers } from './helpers/markers.ts';
import { config, lint, ROOT, summary } from './helpers/lint.ts';

const base = (id: string) => stripMarkers(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'rules', `${id}.fel.rev.md`), 'utf8')).text;
const clean = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'rules', 'granskning-integration.rev.md'), 'utf8');

describe('lint', () => {
  it('words the missing-assessment message as the issue asks', () => {
    const d = lint(base('kontrollmal-bedomning')).find((x) => x.code === 'kontrollmal-bedomning')!;
    assert.match(d.message, /^Kontrollmål 2 saknar bedömning\. Lägg till en rubrik "### Bedömning: <grad>" med motivering/);
  });

  it('speaks English when asked', () => {
    const d = lint(base('kontrollmal-bedomning'), { locale: 'en' }).find((x) => x.code === 'kontrollmal-bedomning')!;
    assert.match(d.message, /^Kontrollmål 2 has no assessment\. Add a heading "### Bedömning: <grade>"/);
  });

  it('reports every warning as an error when status is slutlig', () => {
    const draft = base('fotnot-oanvand');
    assert.deepEqual(summary(lint(draft)), ['65:fotnot-oanvand:warning']);
    const final = draft.replace('granskade: [kommunstyrelsen]', 'granskade: [kommunstyrelsen]\nstatus: slutlig');
    assert.deepEqual(summary(lint(final)), ['66:fotnot-oanvand:error']);
  });

  it('applies severities from the configuration, including off and info', () => {
    const text = base('fotnot-oanvand');
    assert.deepEqual(summary(lint(text, { config: config({ regler: { 'fotnot-oanvand': 'off' } }) })), []);
    assert.deepEqual(summary(lint(text, { config: config({ regler: { 'fotnot-oanvand': 'info' } }) })), ['65:fotnot-oanvand:info']);
    assert.deepEqual(summary(lint(text, { config: config({ regler: { 'fotnot-oanvand': 'error' } }) })), ['65:fotnot-oanvand:error']);
  });

  it('keeps referens-stil off by default and follows the configured style', () => {
    const text = clean.replace('[^1]: KF § 16/2015-02-23', '[^1]: KF 2015-02-23 § 16');
    assert.deepEqual(summary(lint(text)), []);
    const d = lint(text, { config: config({ regler: { 'referens-stil': 'warning' } }) });
    assert.deepEqual(summary(d), ['63:referens-stil:warning']);
    assert.deepEqual(d[0].data?.fixes[0].edits[0].newText, 'KF § 16/2015-02-23');
    // With house style B, the rewritten reference fits and the other one (form A) does not.
    assert.deepEqual(summary(lint(text, { config: config({ regler: { 'referens-stil': 'warning' }, referensstil: 'B' }) })), ['64:referens-stil:warning']);
  });

  it('honours inline disable, enable and disable-next-line comments', () => {
    const text = clean.replace('Vi bedömer att kommunstyrelsen', 'TODO före.\n\n<!-- granska-disable platshallare -->\n\nTODO avstängd.\n\n<!-- granska-enable platshallare -->\n\nTODO igen.\n\n<!-- granska-disable-next-line -->\nTODO nästa rad.\n\nVi bedömer att kommunstyrelsen');
    const lines = lint(text).filter((d) => d.code === 'platshallare').map((d) => text.split('\n')[d.range.start.line]);
    assert.deepEqual(lines, ['TODO före.', 'TODO igen.']);
  });

  it('uses a custom scale from the configuration, highest grade first', () => {
    const scale = { skalor: { tillfredsställande: ['Tillfredsställande', 'Delvis tillfredsställande', 'Ej tillfredsställande'] } };
    const text = clean
      .replace('granskade: [kommunstyrelsen]', 'granskade: [kommunstyrelsen]\nskala: tillfredsställande')
      .replace(/Delvis uppfyllt/g, 'Delvis tillfredsställande').replace(/delvis uppfyllt/g, 'delvis tillfredsställande')
      .replace(/\| Uppfyllt \|/, '| Tillfredsställande |').replace('### Bedömning: Uppfyllt', '### Bedömning: Tillfredsställande');
    assert.deepEqual(summary(lint(text, { config: config(scale) })), []);
    assert.deepEqual(summary(lint(text)), ['6:frontmatter-falt:error', '38:bedomning-skala:error', '54:bedomning-skala:error']);
  });

  it('accepts «Inga rekommendationer.» only at the highest grade, and reports an empty section', () => {
    const empty = clean.replace('- Dokumentera genomförd återrapportering i protokollen.', '');
    assert.deepEqual(summary(lint(empty)), ['59:kontrollmal-rekommendation:error']);
    const prose = clean.replace('- Dokumentera genomförd återrapportering i protokollen.', 'Vi rekommenderar att protokollen kompletteras.');
    assert.deepEqual(summary(lint(prose)), ['59:kontrollmal-rekommendation:error']);
  });

  it('requires the configured organs for the kontrollmål reference', () => {
    const ks = clean.replace('[^2]: KF § 155/2015-12-14', '[^2]: KS § 155/2015-12-14');
    assert.deepEqual(summary(lint(ks)), ['45:kontrollmal-kf-referens:error']);
    assert.deepEqual(summary(lint(ks, { config: config({ kravdaOrgan: ['KF', 'KS'] }) })), []);
  });

  it('offers the closest grades for a misspelt one', () => {
    const d = lint(clean.replace('### Bedömning: Delvis uppfyllt', '### Bedömning: delvis upfylt')).find((x) => x.code === 'bedomning-skala')!;
    assert.equal(d.data?.fixes[0].edits[0].newText, 'Delvis uppfyllt');
    assert.match(d.message, /Menade du "Delvis uppfyllt"\?/);
  });

  it('offers the closest known key for an unknown frontmatter key', () => {
    const d = lint(clean.replace('titel:', 'Titel:')).filter((x) => x.code === 'frontmatter-okant');
    assert.equal(d[0].data?.fixes[0].edits[0].newText, 'titel');
  });

  it('checks the report a missiv names only when files can be checked', () => {
    const missiv = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'rules', 'missiv-rapport.fel.rev.md'), 'utf8').replace(/⟦[^⟧]*⟧/g, '');
    assert.deepEqual(summary(lint(missiv)), []);
    assert.deepEqual(summary(lint(missiv, { fileExists: () => false })), ['8:missiv-rapport:error']);
  });

  it('marks diagnostics with source granska and the rule id as code', () => {
    for (const d of lint(base('platshallare'))) {
      assert.equal(d.source, 'granska');
      assert.equal(d.code, 'platshallare');
      assert.equal(d.severity, DiagnosticSeverity.Warning);
    }
  });
});
