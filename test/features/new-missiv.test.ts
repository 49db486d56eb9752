import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { newMissiv, proposedReplyDate } from '../../server/src/features/new-missiv.ts';
import { lintText, parseWithConfig } from '../../server/src/lint/lint.ts';
import { ROOT } from '../helpers/lint.ts';

const reportText = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'rules', 'granskning-integration.rev.md'), 'utf8');

describe('a new missiv for the open report', () => {
  it('is filled from the report and agrees with it: only the signatory is left to fill in', () => {
    const report = parseWithConfig(reportText);
    const m = newMissiv(report, 'granskning-integration.rev.md', '2019-01-25');
    assert.equal(m.fileName, 'missiv-granskning-integration.rev.md');
    assert.match(m.text, /^till: \[kommunstyrelsen\]$/m);
    assert.match(m.text, /^svar_senast: 2019-03-25$/m);
    assert.match(m.text, /^- Dokumentera genomförd återrapportering i protokollen\.$/m);
    assert.match(m.text, /Vi önskar svar från kommunstyrelsen senast 2019-03-25\./);
    const related = (p: string) => (p === 'granskning-integration.rev.md' ? report : null);
    const findings = lintText(m.text, { related, fileExists: (p) => related(p) !== null });
    assert.deepEqual([...new Set(findings.map((d) => d.code))], ['platshallare']);
  });

  it('keeps YAML valid whatever the report\'s values hold', () => {
    const odd = reportText.replace('titel: Granskning av insatser för asyl och integration', 'titel: "Granskning: #1 av \\"asyl\\""').replace('granskade: [kommunstyrelsen]', 'granskade: ["nämnden för arbete: och välfärd"]');
    const m = newMissiv(parseWithConfig(odd), 'a.rev.md', '2019-01-25');
    const fields = parseWithConfig(m.text).frontmatter!.fields;
    assert.equal(fields.get('titel')!.value, 'Granskning: #1 av "asyl"');
    assert.deepEqual(fields.get('till')!.value, ['nämnden för arbete: och välfärd']);
  });

  it('proposes a reply two months on, clamped to real dates', () => {
    assert.equal(proposedReplyDate('2026-11-22'), '2027-01-22');
    assert.equal(proposedReplyDate('2026-12-31'), '2027-02-28');
  });
});
