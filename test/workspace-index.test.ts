import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import { collectFiles } from '../server/src/cli/lint-files.ts';
import { indexBytes, indexFiles, indexText, WorkspaceIndex } from '../server/src/workspace/index.ts';
import { nodeFiles } from '../server/src/io/node.ts';
import { organTable } from '../server/src/model/organs.ts';
import { ROOT } from './helpers/lint.ts';

/** What the YAML parser reads as `titel` and the bodies: the reference for the index's cheap frontmatter reading. */
function yamlFields(yamlText: string): { titel: string | null; bodies: string[] } {
  let data: unknown;
  try {
    data = parseDocument(yamlText, { version: '1.2', schema: 'core', logLevel: 'error' }).toJS();
  } catch {
    data = null;
  }
  const d = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const bodies: string[] = [];
  for (const key of ['granskade', 'till', 'kännedom']) {
    const v = d[key];
    if (Array.isArray(v)) for (const item of v) if (typeof item === 'string' && item.trim()) bodies.push(item.trim());
  }
  return { titel: str(d.titel), bodies };
}

const FRONTMATTERS = [
  'titel: A\ngranskade: [a, b]', 'titel: "A B"\ntill:\n  - x\n  - y', "titel: 'A'\nkännedom:\n- x\n- 'y'", 'titel: 2023', 'titel: true\ngranskade: [1, x, null]',
  'titel: a: b', 'titel: A # c', 'titel: |\n  A', 'titel: A\n  B', 'granskade:\n  - a\n    - b', 'granskade:\n  - a\n  - b\nx: y', 'titel: A\ntitel: B',
  'granskade: [a, [b]]', 'titel:\n  - a', 'granskade: a', 'granskade:', 'titel: ""', '# c\ntitel: A\n\n', 'a b: c\ntitel: A', 'titel: &x A\ntill: [*x]',
  'titel: A\n\tb: c', '- a\ntitel: x', 'titel: "a\\"b"', 'granskade: [ a , b ,]', 'granskade: []', 'titel: ~', 'titel: -x', 'titel: .5', 'titel: 0x1F',
  'titel: 1e3', 'titel: Rapport (del 1), 2023', 'titel: a #b', 'titel: a#b', 'titel: a:b', 'granskade:\n  -   a  \n  - b', 'granskade:\n  -\n  - b', 'titel: "  "',
  "titel: 'it''s'", 'other: {a: 1}\ntitel: A', 'other: [a,\n  b]\ntitel: A',
  'datum: 2023-12-15\nförfattare: [Caroline Liljebjörn]\ngranskade: [kommunstyrelsen, socialnämnden]\ntitel: Granskning av lokalförsörjning',
];

describe('workspace index (server/src/workspace/index.ts)', () => {
  it('reads a file’s bytes into the same entry as its text, whatever its line breaks and BOM', () => {
    const texts = collectFiles([path.join(ROOT, 'samples'), path.join(ROOT, 'test', 'fixtures')]).files.map((f) => fs.readFileSync(f, 'utf8'));
    assert.ok(texts.length > 20);
    for (const t of texts) {
      for (const variant of [t, t.replace(/\n/g, '\r\n'), '\ufeff' + t.replace(/\n/g, '\r')]) {
        assert.deepEqual(indexBytes('file:///a.rev.md', Buffer.from(variant, 'utf8')), indexText('file:///a.rev.md', variant));
      }
    }
  });

  it('reads titel and bodies from the frontmatter exactly as the YAML parser does', () => {
    for (const fm of FRONTMATTERS) {
      for (const nl of ['\n', '\r\n']) {
        const text = `---${nl}${fm.replace(/\n/g, nl)}${nl}---${nl}# Rubrik${nl}`;
        const entry = indexBytes('file:///a.rev.md', Buffer.from(text, 'utf8'));
        assert.deepEqual({ titel: entry.titel, bodies: entry.bodies }, yamlFields(fm), JSON.stringify(fm));
        assert.deepEqual(indexText('file:///a.rev.md', text), entry);
      }
    }
  });

  it('keeps the level-1 and level-2 headings workspace symbols show, a kontrollmål with its grade, and not the deeper ones', () => {
    const entry = indexText('file:///a.rev.md', '# Inledning\n\n## Kontrollmål 1\n\n### Iakttagelser\n\n### Bedömning: Delvis uppfyllt\n\n#### Detalj\n\n```\n# inte en rubrik\n```\n');
    assert.deepEqual(entry.headings, [
      { level: 1, text: 'Inledning', line: 0 },
      { level: 2, text: 'Kontrollmål 1', line: 2, grade: 'Delvis uppfyllt' },
    ]);
  });

  it('indexes files from disk a slice at a time, letting other work run in between, and drops unreadable ones', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-index-'));
    try {
      const files: string[] = [];
      for (let i = 0; i < 30; i++) {
        const file = path.join(dir, `r${i}.rev.md`);
        fs.writeFileSync(file, `---\ntitel: Rapport ${i}\n---\n# Kontrollmål ${i}\n\n[^1]: KF § ${i + 1}/2020-01-02 Beslut\n`);
        files.push(file);
      }
      const gone = path.join(dir, 'borta.rev.md');
      const index = new WorkspaceIndex();
      index.set(indexText(pathToFileURL(gone).href, '# Gammal\n'));
      const organs = organTable();
      let ranBetween = false;
      setImmediate(() => (ranBetween = true));
      await indexFiles(index, nodeFiles, [...files, gone], { uriOf: (f) => pathToFileURL(f).href, styleOf: () => ({ organs, style: 'A' }), skip: () => false, sliceMs: 0 });
      assert.ok(ranBetween, 'other work ran while indexing');
      const entries = [...index.all()];
      assert.equal(entries.length, 30);
      assert.deepEqual(entries.map((e) => e.titel).sort(), files.map((_, i) => `Rapport ${i}`).sort());
      assert.equal(index.citationsOf('KF § 3/2020-01-02')[0].uri, pathToFileURL(files[2]).href);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
