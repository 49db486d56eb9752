import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseConfig } from '../server/src/config/config.ts';
import { lintText, parseWithConfig } from '../server/src/lint/lint.ts';
import { RULE_IDS } from '../server/src/rules/index.ts';
import { ROOT } from './helpers/lint.ts';
import { applyTextEdits } from './helpers/features.ts';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'rules');
const clean = fs.readFileSync(path.join(FIXTURES, 'uppfoljning-rekommendation.ren.rev.md'), 'utf8');
const earlier = parseWithConfig(fs.readFileSync(path.join(FIXTURES, 'granskning-integration.rev.md'), 'utf8'));
const related = (p: string) => (p === 'granskning-integration.rev.md' || p === 'kopia.rev.md' ? earlier : null);
const followUp = (text: string, config?: ReturnType<typeof parseConfig>['config']) =>
  lintText(text, { related, fileExists: (p) => related(p) !== null, config }).filter((d) => d.code.startsWith('uppfoljning-')).map((d) => [d.code, d.range.start.line, d.message]);

describe('uppföljning of earlier recommendations (spec §3)', () => {
  it('reports a status that is not on the follow-up scale on its row, and takes a configured scale', () => {
    const text = clean.replace('| Åtgärdad |', '| Påbörjad |');
    const [[code, line, message]] = followUp(text);
    assert.equal(code, 'uppfoljning-rekommendation');
    assert.equal(line, text.split('\n').findIndex((l) => l.includes('| Påbörjad |')));
    assert.match(String(message), /"Påbörjad" finns inte på uppföljningsskalan/);
    const config = parseConfig('{ "uppfoljningsskala": ["Genomförd", "Påbörjad", "Ej påbörjad"] }', null, RULE_IDS).config;
    assert.deepEqual(followUp(text, config), []);
  });

  it('accepts a section per recommendation with a Status line, and a list of earlier reports', () => {
    const text = clean
      .replace('tidigare: granskning-integration.rev.md', 'tidigare:\n  - granskning-integration.rev.md\n  - kopia.rev.md')
      .replace(/\| Rekommendation \| Status[\s\S]*?rev\.md \|\n/, '## Rekommendation 1: Dokumentera genomförd återrapportering i protokollen\n\n**Status:** Delvis åtgärdad\n');
    assert.ok(!text.includes('| Status |'), 'the table is gone');
    assert.deepEqual(followUp(text), []);
  });

  it('asks for tidigare when an uppföljning has none', () => {
    assert.deepEqual(followUp(clean.replace('tidigare: granskning-integration.rev.md\n', '')).map(([c, l]) => [c, l]), [['uppfoljning-tidigare', 0]]);
  });

  it('offers a fix that writes the follow-up table before the findings, one row per recommendation, its source named', () => {
    const text = clean.replace(/# Uppföljning av tidigare rekommendationer\n\n\| Rekommendation[\s\S]*?rev\.md \|\n\n/, '');
    assert.ok(!text.includes('| Status |'));
    const [d] = lintText(text, { related, fileExists: () => true }).filter((x) => x.code === 'uppfoljning-rekommendation');
    const fixed = applyTextEdits(text, d.data!.fixes[0].edits);
    assert.match(fixed, /# Uppföljning av tidigare rekommendationer\n\n\| Rekommendation \| Status \| Källa \|\n\| --- \| --- \| --- \|\n\| Dokumentera genomförd återrapportering i protokollen\. \| \| granskning-integration\.rev\.md \|\n\n# Iakttagelser och bedömningar/);
    // The row is there; its empty status is what the auditor fills in next.
    assert.deepEqual(followUp(fixed).map(([, , m]) => String(m).slice(0, 13)), ['Status saknas']);
  });

  it('appends the missing rows to an existing follow-up table', () => {
    const text = clean.replace('tidigare: granskning-integration.rev.md', 'tidigare: [granskning-integration.rev.md, kopia.rev.md]').replace('| Dokumentera genomförd återrapportering i protokollen. | Åtgärdad | granskning-integration.rev.md |', '| Något annat | Åtgärdad | x.rev.md |');
    const found = lintText(text, { related, fileExists: () => true }).filter((x) => x.code === 'uppfoljning-rekommendation');
    assert.equal(found.length, 2);
    const fixed = applyTextEdits(text, found[0].data!.fixes[0].edits);
    assert.match(fixed, /\| Något annat \| Åtgärdad \| x\.rev\.md \|\n\| Dokumentera genomförd återrapportering i protokollen\. \| \| granskning-integration\.rev\.md \|\n\| Dokumentera genomförd återrapportering i protokollen\. \| \| kopia\.rev\.md \|\n/);
  });
});
