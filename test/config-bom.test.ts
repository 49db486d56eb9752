import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { configProblems, loadConfigFor } from '../server/src/config/load.ts';

describe('configuration saved with a BOM (issue 16, item 15)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-config-bom-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('applies the file and reports no JSON error', () => {
    fs.writeFileSync(path.join(dir, '.granskarc.json'), '\ufeff{ "regler": { "fotnot-oanvand": "off" }, "referensstil": "B" }\n');
    const loaded = loadConfigFor(dir);
    assert.deepEqual(configProblems(loaded, 'sv'), []);
    assert.equal(loaded.config.rules['fotnot-oanvand'], 'off');
    assert.equal(loaded.config.style, 'B');
  });

  it('places a real problem where the editor shows it, after the BOM', () => {
    fs.writeFileSync(path.join(dir, '.granskarc.json'), '\ufeff{ "regler": { "ingen-sådan": "off" } }\n');
    const problems = configProblems(loadConfigFor(dir), 'sv');
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /Okänd regel "ingen-sådan"/);
    assert.deepEqual(problems[0].range.start, { line: 0, character: 14 });
  });
});
