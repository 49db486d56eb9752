import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG, parseConfig } from '../server/src/config/config.ts';
import { parseRegister } from '../server/src/workspace/register.ts';
import { fileExistsFrom } from '../server/src/config/load.ts';
import { lintText, parseWithConfig, severityName } from '../server/src/lint/lint.ts';
import { RULE_IDS, RULES } from '../server/src/rules/index.ts';
import { stripMarkers } from './helpers/markers.ts';
import { ROOT } from './helpers/lint.ts';
import { loadTestSpeller } from './helpers/spelling.ts';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'rules');

function read(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

function configFor(id: string) {
  const file = path.join(FIXTURES, `${id}.granskarc.json`);
  return fs.existsSync(file) ? parseConfig(fs.readFileSync(file, 'utf8'), file, RULE_IDS).config : undefined;
}

/** A rule's own beslutsregister, `<id>.beslut.csv`, stands in for the workspace's. */
function registerFor(id: string) {
  const file = path.join(FIXTURES, `${id}.beslut.csv`);
  return fs.existsSync(file) ? parseRegister(fs.readFileSync(file, 'utf8'), file, (configFor(id) ?? DEFAULT_CONFIG).organs) : null;
}

/**
 * Other documents are read only for the rules that compare documents (v2): the version 1
 * fixtures name a report of another kommun, and must keep their exact diagnostics.
 */
const CROSS_DOCUMENT = new Set(['missiv-avvikelse', 'uppfoljning-tidigare', 'uppfoljning-rekommendation']);

function relatedFor(id: string) {
  if (!CROSS_DOCUMENT.has(id)) return undefined;
  return (relative: string) => {
    const file = path.join(FIXTURES, relative);
    return fs.existsSync(file) ? parseWithConfig(stripMarkers(fs.readFileSync(file, 'utf8')).text, configFor(id)) : null;
  };
}

function lintFixture(id: string, text: string) {
  return lintText(text, { config: configFor(id), fileExists: fileExistsFrom(FIXTURES), register: registerFor(id), related: relatedFor(id) });
}

/** Excerpt lines must all stand in the fixture, so that rule docs show tested behaviour. */
function assertExcerpt(excerpt: string, text: string, what: string) {
  const parts = excerpt.includes('…') ? excerpt.split('\n').filter((l) => l.trim() !== '…') : [excerpt];
  for (const part of parts) assert.ok(text.includes(part), `${what} does not contain the docs excerpt:\n${part}`);
}

describe('rules: every row of spec §10 against its fixtures', () => {
  // `stavning` reports only once the dictionary is loaded; every fixture must hold with it.
  before(() => loadTestSpeller());

  for (const rule of RULES) {
    describe(rule.id, () => {
      it('reports exactly the marked code, line and severity in the failing fixture', () => {
        const { text, expected } = stripMarkers(read(`${rule.id}.fel.rev.md`));
        assert.ok(expected.some((e) => e.code === rule.id), 'the failing fixture marks the rule itself');
        const actual = lintFixture(rule.id, text);
        const got = actual.map((d) => `${d.range.start.line}:${d.code}`).sort();
        const want = expected.map((e) => `${e.line}:${e.code}`).sort();
        assert.deepEqual(got, want, actual.map((d) => `${d.range.start.line}: ${d.code} ${d.message}`).join('\n'));
        for (const e of expected) {
          const d = actual.find((x) => x.code === e.code && x.range.start.line === e.line)!;
          const fixed = RULES.find((r) => r.id === e.code)?.severity;
          assert.equal(severityName(d.severity), e.severity ?? fixed, `severity of ${e.code} on line ${e.line}`);
          assert.equal(d.source, 'granska');
        }
      });

      it('reports nothing in the clean fixture', () => {
        const text = read(`${rule.id}.ren.rev.md`);
        const actual = lintFixture(rule.id, text);
        assert.deepEqual(actual.map((d) => `${d.range.start.line}: ${d.code} ${d.message}`), []);
      });

      it('documents an example that is the tested fixture', () => {
        assertExcerpt(rule.docs.bad, stripMarkers(read(`${rule.id}.fel.rev.md`)).text, 'the failing fixture');
        assertExcerpt(rule.docs.good, read(`${rule.id}.ren.rev.md`), 'the clean fixture');
      });
    });
  }
});
