import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findConfigFile, parseConfig } from '../server/src/config/config.ts';
import { configProblems, loadConfigFor } from '../server/src/config/load.ts';
import { RULE_IDS } from '../server/src/rules/index.ts';

const parse = (text: string) => parseConfig(text, '.granskarc.json', RULE_IDS);

describe('configuration (spec §11)', () => {
  it('reads the example of the spec', () => {
    const c = parse(JSON.stringify({
      regler: { 'fotnot-oanvand': 'off', 'referens-stil': 'warning' },
      skala: 'uppfyllt',
      skalor: { tillfredsställande: ['Tillfredsställande', 'Delvis tillfredsställande', 'Ej tillfredsställande'] },
      kravdaOrgan: ['KF'],
      organ: { ÖFN: 'överförmyndarnämnden' },
      referensstil: 'A',
    }));
    assert.deepEqual(c.problems, []);
    assert.equal(c.config.rules['fotnot-oanvand'], 'off');
    assert.deepEqual(c.config.scales.get('tillfredsställande')?.[0], 'Tillfredsställande');
    assert.equal(c.config.organs.get('ÖFN'), 'överförmyndarnämnden');
  });

  it('reports every problem with its position and keeps the valid parts', () => {
    const text = '{\n  "regler": { "fotnot-oanvnd": "off", "platshallare": "loud", "fotnot-tom": "off" },\n  "skala": "okänd",\n  "organ": { "öfn": "x" },\n  "referensstil": "D",\n  "regel": {}\n}\n';
    const c = parse(text);
    const problems = configProblems(c, 'sv').map((p) => [p.range.start.line, p.message.split('.')[0]]);
    assert.deepEqual(problems, [
      [1, 'Okänd regel "fotnot-oanvnd"'],
      [1, 'Nivån för "platshallare" ska vara "off", "info", "warning" eller "error"'],
      [3, 'Organförkortningen "öfn" ska vara 2–6 versaler (A–Ö)'],
      [4, '"referensstil" ska vara "A", "B" eller "C"'],
      [5, 'Okänd nyckel "regel" i konfigurationen'],
      [2, 'Skalan "okänd" finns inte'],
    ]);
    assert.equal(c.config.rules['fotnot-tom'], 'off');
    assert.equal(c.config.scale, 'uppfyllt');
  });

  it('reports JSON syntax errors, and English on request', () => {
    const c = parse('{ "regler": { "platshallare": "off" ');
    assert.ok(c.problems.length > 0);
    assert.match(configProblems(c, 'en')[0].message, /not valid JSON/);
  });

  it('is found by walking up from the document folder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-'));
    const deep = path.join(dir, 'a', 'b');
    fs.mkdirSync(deep, { recursive: true });
    fs.writeFileSync(path.join(dir, '.granskarc.json'), '{ "referensstil": "B" }');
    assert.equal(findConfigFile(deep, fs.existsSync), path.join(dir, '.granskarc.json'));
    assert.equal(loadConfigFor(deep).config.style, 'B');
    fs.rmSync(dir, { recursive: true });
  });
});
