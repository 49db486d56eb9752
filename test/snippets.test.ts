import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { codes, lint, ROOT } from './helpers/lint.ts';

interface Snippet {
  prefix: string[];
  body: string[];
  description: string;
}

const snippets = JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets', 'granska.code-snippets'), 'utf8')) as Record<string, Snippet>;

/** Expands a snippet as VS Code does when the user accepts every default. */
function expand(body: string[], date = { year: '2024', month: '03', day: '15' }): string {
  let text = body.join('\n');
  text = text.replace(/\$CURRENT_YEAR/g, date.year).replace(/\$CURRENT_MONTH/g, date.month).replace(/\$CURRENT_DATE/g, date.day);
  // Nested placeholders expand from the inside out; choices take their first option.
  for (let i = 0; i < 5; i++) text = text.replace(/\$\{\d+:([^${}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1');
  return text.replace(/\$\d+/g, '');
}

describe('snippets', () => {
  it('are registered for the granska language', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.snippets, [{ language: 'granska', path: './snippets/granska.code-snippets' }]);
  });

  it('offer the standard missiv phrases', () => {
    const missiv = expand(snippets.Missiv.body);
    for (const phrase of [
      'Rapporten överlämnas för kännedom och beaktande i enlighet med de av kommunfullmäktige antagna rutinerna för rapportering.',
      'Vi önskar svar från kommunstyrelsen senast',
      'Av svaret bör det framgå vilka åtgärder som ska vidtas och när de beräknas vara genomförda.',
      'För kommunens revisorer',
    ]) assert.ok(missiv.includes(phrase), phrase);
  });

  // A skeleton is complete when the only findings are reminders to fill it in: the template's
  // placeholders, and the KF footnote that is still a stub.
  const reminders = new Set(['platshallare', 'kontrollmal-kf-referens', 'missiv-svarsdatum']);
  for (const name of ['Missiv', 'Granskningsrapport', 'Förstudie']) {
    it(`${name}: the expanded skeleton has every required part`, () => {
      const found = codes(lint(expand(snippets[name].body), { fileExists: () => true }));
      assert.deepEqual(found.filter((c) => !reminders.has(c)), []);
      assert.ok(found.includes('platshallare'), 'the blanks to fill in are pointed out');
    });
  }

  it('Granskningsrapport: filled in, the skeleton lints clean', () => {
    const filled = expand(snippets.Granskningsrapport.body)
      .replace('["[namn]"]', '[Caroline Liljebjörn]')
      .replace('KF § xx/ÅÅÅÅ-MM-DD', 'KF § 16/2015-02-23');
    assert.deepEqual(codes(lint(filled)), []);
  });

  it('Kontrollmål: a block added to a report is a complete kontrollmål', () => {
    const report = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'rules', 'granskning-integration.rev.md'), 'utf8');
    const block = expand(snippets['Kontrollmål'].body).replace('Kontrollmål N', 'Kontrollmål 3').replace('KF § xx/ÅÅÅÅ-MM-DD', 'KF § 7/2016-02-08');
    const text = report.replace('[^1]: KF § 16/2015-02-23', `${block}\n[^1]: KF § 16/2015-02-23`);
    // The only finding: the summary table has not got the new row yet.
    assert.deepEqual(codes(lint(text)), ['sammanstallning']);
  });
});
