import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadConfigFor } from '../server/src/config/load.ts';
import { lintText, parseWithConfig } from '../server/src/lint/lint.ts';
import { ROOT } from './helpers/lint.ts';

/**
 * An uppföljning follows up an earlier report's recommendations as that report's own house
 * profile places them (spec §3 v2): here KPMG-style recommendations gathered in one chapter.
 */
describe('uppföljning of a report with another house profile', () => {
  const folder = path.join(ROOT, 'samples', 'alingsas');
  const earlier = parseWithConfig(fs.readFileSync(path.join(folder, 'granskning-upphandling.rev.md'), 'utf8'), loadConfigFor(folder).config);
  const related = (p: string) => (p === 'granskning-upphandling.rev.md' ? earlier : null);
  const followUp = (rows: string) => `---
typ: uppföljning
kommun: Alingsås kommun
titel: Uppföljning av upphandlingsgranskningen
datum: 2022-05-19
granskade: [kommunstyrelsen]
tidigare: granskning-upphandling.rev.md
---

# Uppföljning

| Rekommendation | Status |
| --- | --- |
${rows}
`;
  const first = '| säkerställa att varje direktupphandling över 100 000 kronor dokumenteras enligt riktlinjen | Åtgärdad |';
  const second = '| begära att mätningarna av avtalstrohet redovisas för kommunstyrelsen två gånger om året | Delvis åtgärdad |';

  it('is clean when every recommendation of the consolidated chapter has a status', () => {
    const d = lintText(followUp(`${first}\n${second}`), { related }).filter((x) => x.code.startsWith('uppfoljning'));
    assert.deepEqual(d.map((x) => x.message), []);
  });

  it('reports the consolidated recommendation it leaves out', () => {
    const d = lintText(followUp(first), { related }).filter((x) => x.code === 'uppfoljning-rekommendation');
    assert.equal(d.length, 1);
    assert.match(d[0].message, /avtalstrohet/);
  });
});
