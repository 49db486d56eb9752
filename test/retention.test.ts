import * as assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { generateReport } from '../bench/generate.ts';
import { scanDecisions } from '../server/src/model/decisions.ts';
import { readFrontmatter } from '../server/src/model/frontmatter.ts';
import { organTable } from '../server/src/model/organs.ts';
import { parseAuditDocument, parseNextVersion } from '../server/src/model/parse.ts';
import type { AuditDocument } from '../server/src/model/types.ts';
import { useEngine } from '../server/src/spelling/speller.ts';
import { tokenize } from '../server/src/spelling/words.ts';

/**
 * What stays in memory once texts are gone: a substring kept in the model of a later
 * version, or in a cache, must not keep the whole text it was cut from (V8 shares the
 * characters of a substring with its parent). Each test makes texts of about a megabyte,
 * keeps a little of each the way the server does, drops the texts, and compares the live
 * heap after full collections with what it was before. Kept whole, the texts would hold
 * tens of megabytes; the limit is a quarter of that, far from both.
 */

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function liveHeap(): number {
  gc();
  gc();
  return v8.getHeapStatistics().used_heap_size;
}

const MB = 1024 * 1024;

/** Offsets of the first letter of each prose paragraph (a line after a blank line that starts with a capital). */
function paragraphStarts(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/\n\n(?=[A-ZÅÄÖ][a-zåäö]+ [a-zåäö])/g)) out.push(m.index + 2);
  return out;
}

describe('memory: what later versions and caches keep of a text', () => {
  after(() => {
    useEngine(null);
  });

  it('a report edited in many paragraphs does not keep the text of every version', function () {
    this.timeout(120_000);
    // A character beyond Latin-1 makes V8 store the text with two bytes a character, as a
    // report with a dash or typographic quotes is: about 1.2 MB a version.
    let text = `${generateReport(600_000, 7)}\n\nTankstreck – och ”citat”.\n`;
    let doc: AuditDocument | null = parseAuditDocument(text);
    const starts = paragraphStarts(text);
    assert.ok(starts.length >= 60, `only ${starts.length} paragraphs`);
    const before = liveHeap();
    // Forty versions, each typed into another paragraph, keeping only the newest as an editor does.
    for (let i = 0; i < 40; i++) {
      const at = starts[Math.floor((i * starts.length) / 40)] + i + 1;
      text = `${text.slice(0, at)}e${text.slice(at)}`;
      doc = parseNextVersion(doc, text);
      for (let j = 0; j < starts.length; j++) if (starts[j] > at) starts[j]++;
    }
    const grown = liveHeap() - before;
    assert.ok(doc.textRuns.length > 0);
    assert.ok(grown < 12 * MB, `the live heap grew by ${(grown / MB).toFixed(1)} MB over 40 versions`);
  });

  it('the spelling caches keep words, not the texts they were found in', () => {
    const speller = useEngine({ check: (w) => !w.startsWith('Okänt'), suggest: () => [] });
    const before = liveHeap();
    for (let i = 0; i < 40; i++) {
      // Each text has words of its own, long enough that V8 would cut them as views into it.
      const own = String.fromCharCode(97 + (i % 26), 97 + Math.floor(i / 26));
      const text = `Revisionsberättelsen${own} och kommunstyrelsens${own} ${' – '.repeat(200_000)}`;
      for (const t of tokenize(text)) speller.check(t.word);
    }
    const grown = liveHeap() - before;
    assert.ok(grown < 12 * MB, `the live heap grew by ${(grown / MB).toFixed(1)} MB over 40 texts`);
  });

  it('remembered decision references keep their runs, not the documents they stood in', () => {
    const organs = organTable();
    const before = liveHeap();
    const kept: unknown[] = [];
    for (let i = 0; i < 40; i++) {
      const document = `${'Löptext – '.repeat(60_000)}Kommunfullmäktige beslutade (KF § ${i + 1}/2023-05-1${i % 10}) om budgeten.${' Mer text.'.repeat(100)}`;
      const start = document.indexOf('Kommunfullmäktige');
      // A text run is cut from its document's text.
      kept.push(scanDecisions(document.slice(start, start + 200), organs, { malformed: false, style: 'A' }));
    }
    const grown = liveHeap() - before;
    assert.equal(kept.length, 40);
    assert.ok(grown < 12 * MB, `the live heap grew by ${(grown / MB).toFixed(1)} MB over 40 documents`);
  });

  it('a frontmatter read once keeps its own text, not the document it stood in', () => {
    const before = liveHeap();
    const kept: unknown[] = [];
    for (let i = 0; i < 40; i++) {
      const head = `---\ntyp: granskningsrapport\nkommun: Kommunen nummer ${i}\ntitel: Granskning av hemtjänsten\n---\n`;
      const document = `${head}${'Löptext – '.repeat(60_000)}`;
      // A model keeps its frontmatter for as long as the document is open.
      kept.push(readFrontmatter(document, { start: 0, end: head.length - 1 }));
    }
    const grown = liveHeap() - before;
    assert.equal((kept[39] as { fields: Map<string, { value: string }> }).fields.get('kommun')?.value, 'Kommunen nummer 39');
    assert.ok(grown < 12 * MB, `the live heap grew by ${(grown / MB).toFixed(1)} MB over 40 documents`);
  });
});
