import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateReport } from '../bench/generate.ts';
import { scanDecisions, type ScannedDecision, type ScannedMalformed } from '../server/src/model/decisions.ts';
import { organTable } from '../server/src/model/organs.ts';
import { indexBytes, indexText, type IndexEntry } from '../server/src/workspace/index.ts';
import { decisionCorpus } from './helpers/decision-corpus.ts';
import { ROOT } from './helpers/lint.ts';

/**
 * The decision scan and the workspace index are made cheap by skipping work (patterns a text
 * cannot match, lines that cannot matter); these tests hold them to what they found before
 * (`test/fixtures/index/*.json`, written by the scanner before those shortcuts), and the
 * index of a generated archive to the references the generator wrote.
 */

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'index');
const SEEDS = path.resolve(ROOT, '..', 'shared', 'seeds');

const iso = (d: { year: number; month: number; day: number }) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

function describeScan(r: { refs: ScannedDecision[]; malformed: ScannedMalformed[] }): string[] {
  return [
    ...r.refs.map((x) => `${x.form} ${x.start}-${x.end} ${x.organ} § ${x.paragraph} ${iso(x.date)}`),
    ...r.malformed.map((x) => `! ${x.start}-${x.end} ${x.suggestion ?? '-'}${x.safe ? ' (safe)' : ''}`),
  ];
}

function describeEntry(e: IndexEntry): string[] {
  return e.decisions.map((d) => `${d.line}:${d.character}+${d.length} ${d.canonical} ${d.organName ?? '-'} | ${d.title}`);
}

describe('decision scan and index against what they found before', () => {
  it('finds the same references and malformed ones in 1 000 generated texts of every form', () => {
    const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'scan-corpus.json'), 'utf8')) as Record<string, string[]>;
    const organs = organTable({ ÖFN: 'överförmyndarnämnden' });
    const texts = decisionCorpus(1000);
    let found = 0;
    texts.forEach((text, i) => {
      const got = describeScan(scanDecisions(text, organs, { malformed: true, style: 'A' }));
      found += got.length;
      assert.deepEqual(got, expected[i] ?? [], `text ${i}: ${JSON.stringify(text)}`);
    });
    // The corpus holds every form and malformed references, or the comparison says little.
    const all = Object.values(expected).flat();
    for (const form of ['A ', 'B ', 'C ', 'D ', '! ']) assert.ok(all.filter((x) => x.startsWith(form)).length >= 30, form);
    assert.equal(found, all.length);
  });

  it('indexes the same decisions in the samples, the rule fixtures, the seeds and the corpus as footnotes', () => {
    const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'decisions.json'), 'utf8')) as Record<string, string[]>;
    assert.ok(Object.keys(expected).length > 20);
    for (const [key, decisions] of Object.entries(expected)) {
      let text: string;
      if (key === 'corpus') text = decisionCorpus(400, 2).map((t, i) => `[^${i + 1}]: ${t}`).join('\n');
      else if (key.startsWith('seeds/')) {
        const file = path.join(SEEDS, key.slice('seeds/'.length));
        if (!fs.existsSync(file)) continue;
        text = fs.readFileSync(file, 'utf8');
      } else text = fs.readFileSync(path.join(ROOT, key), 'utf8');
      assert.deepEqual(describeEntry(indexText('file:///a.rev.md', text)), decisions, key);
      assert.deepEqual(describeEntry(indexBytes('file:///a.rev.md', Buffer.from(text, 'utf8'))), decisions, key);
    }
  });

  it('indexes every decision the generator wrote into the 5 000 reports of the archive benchmark', () => {
    const organs = organTable();
    let total = 0;
    for (let i = 0; i < 5000; i++) {
      // The benchmark's archive (`bench/bench.ts`, row index-5000): its footnotes are `[^n]: KF § p/date — Beslut om …`.
      const text = generateReport(12_000, i + 1);
      const expected: string[] = [];
      text.split('\n').forEach((line, n) => {
        const m = /^(\[\^\d+\]: )(KF § (\d+)\/(\d{4}-\d\d-\d\d)) — (.*)$/.exec(line);
        if (m) expected.push(`${n}:${m[1].length}+${m[2].length} ${m[2]} kommunfullmäktige | ${m[5]}`);
      });
      assert.deepEqual(describeEntry(indexBytes(`file:///r${i}.rev.md`, Buffer.from(text, 'utf8'), organs, 'A')), expected, `report ${i}`);
      total += expected.length;
    }
    assert.ok(total > 80_000, String(total));
  });
});
