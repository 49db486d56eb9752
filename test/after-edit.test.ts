import * as assert from 'node:assert/strict';
import type { Position } from 'vscode-languageserver-types';
import { generateReport } from '../bench/generate.ts';
import { completionsAfterEdit, hoverAfterEdit, joinEdits, proseEdit, type TextEdit } from '../server/src/features/after-edit.ts';
import { completions } from '../server/src/features/completion.ts';
import { featureContext, type FeatureContext } from '../server/src/features/context.ts';
import { hover } from '../server/src/features/hover.ts';
import { parseAuditDocument, parseNextVersion } from '../server/src/model/parse.ts';
import type { AuditDocument } from '../server/src/model/types.ts';
import { WorkspaceIndex } from '../server/src/workspace/index.ts';
import { readDocuments } from './helpers/lint.ts';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Text where a keystroke in a line of prose could change more than its paragraph if the
 * proof in `after-edit.ts` were wrong: table rows, escapes, setext underlines, list and
 * heading markers, definitions, decisions and footnotes around paragraphs.
 */
const TRICKY = `---
typ: granskningsrapport
kommun: Exempelby kommun
titel: Test
datum: 2024-03-01
---

# Inledning

Text före tabellen a | b
-|-
och mer text[^1] här.

Rad ett med pipa |
| --- |
Andra stycket \\| och x\\a här[^2].

Stycke
-a
=b
1.a fortsätter
#a rubrik
[^9]x här
*a*b _c_d **e**
Enligt KF 2019-03-12 § 45 beslutades det.

## Kontrollmål 1: Finns det rutiner?

### Iakttagelser

Vi har sett [text][def] och [^3] samt [^4].

[def]: https://example.org

### Bedömning: Delvis uppfyllt

### Rekommendationer

- Gör något[^1].

[^1]: Kommunfullmäktige 2019-03-12 § 45.
[^2]: KS § 12/2020-01-15, se även KF 2018-11-20 § 101.
[^3]: Text utan beslut.
`;

const INSERTS = ['a', 'ö', 'Z', '7', ' ', 'ab', ' x', '|', '#', '\\', '[^', ']', '\n', '-', '=', '1. ', '*', '`', '>', '<', '§ 4', ':', '\t', '&amp;', '_', '\r', '[^1]', '[^9]: x'];

/** Positions where an answer could differ: every reference, the typing position, line starts and random places. */
function positionsToAsk(full: AuditDocument, typedAt: number, random: () => number): Position[] {
  const offsets = [typedAt, typedAt - 1, typedAt + 1];
  const some = <T>(xs: readonly T[]): T[] => (xs.length <= 8 ? [...xs] : Array.from({ length: 8 }, () => xs[Math.floor(random() * xs.length)]));
  for (const r of some(full.footnoteRefs)) offsets.push(r.span.start, r.span.start + 2, r.span.end);
  for (const d of some(full.decisions)) offsets.push(d.span.start, d.span.end);
  for (let i = 0; i < 12; i++) offsets.push(Math.floor(random() * (full.text.length + 1)));
  const positions = offsets.filter((o) => o >= 0 && o <= full.text.length).map((o) => full.lines.positionAt(o));
  const line = full.lines.positionAt(typedAt).line;
  positions.push({ line, character: 0 }, { line, character: 10_000 }, { line: line + 1, character: 0 }, { line: Math.max(0, line - 1), character: 3 });
  return positions;
}

/**
 * Runs `edits` random edits on `text`, the models made as the server makes them (each from
 * the previous one), and compares every answer given without a parse with the answer from a
 * full parse of the new version. Returns how many answers were given without a parse.
 */
function compare(text: string, edits: number, seed: number, nearProse: boolean): { completions: number; hovers: number; certified: number } {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const index = new WorkspaceIndex();
  const ctxOf = (doc: AuditDocument): FeatureContext => featureContext(doc, { uri: 'file:///r.rev.md', index, today: '2024-05-01' });
  let model = parseAuditDocument(text);
  let fast = { completions: 0, hovers: 0, certified: 0 };
  for (let i = 0; i < edits; i++) {
    const old = model.text;
    // Mostly letters, digits and spaces typed into or deleted from the text, as an auditor
    // types; now and then a few keystrokes before the next model, as while typing a word.
    let at = Math.floor(random() * (old.length + 1));
    if (nearProse) {
      const prose = /[\p{L}] /gu;
      prose.lastIndex = at;
      const m = prose.exec(old);
      if (m) at = m.index + Math.floor(random() * 3);
    }
    const edits: TextEdit[] = [];
    let next = old;
    const burst = random() < 0.7 ? 1 : 2 + Math.floor(random() * 4);
    for (let k = 0; k < burst; k++) {
      const cut = random() < 0.4 ? Math.floor(random() * 3) : 0;
      const insert = random() < 0.3 && cut > 0 ? '' : random() < 0.75 ? pick(['a', 'ö', 'e', '1', ' ', 'xy']) : pick(INSERTS);
      const end = Math.min(next.length, at + cut);
      edits.push({ start: at, end, text: insert });
      next = next.slice(0, at) + insert + next.slice(end);
      at = Math.max(0, Math.min(next.length, at + insert.length + Math.floor(random() * 5) - 3));
    }
    const joined = joinEdits(old, edits);
    if (joined) assert.equal(old.slice(0, joined.start) + joined.text + old.slice(joined.end), next, `joined ${JSON.stringify(edits)}`);
    const prose = joined ? proseEdit(model, joined) : null;
    at = joined ? joined.start : at;
    const insert = joined?.text ?? '';
    const cut = joined ? joined.end - joined.start : 0;
    if (prose) {
      fast.certified++;
      const full = parseAuditDocument(next);
      for (const position of positionsToAsk(full, at + insert.length, random)) {
        const offset = full.lines.offsetAt(position);
        const c = completionsAfterEdit(ctxOf(model), prose, position);
        if (c !== undefined) {
          fast.completions++;
          assert.deepEqual(c, completions(ctxOf(full), offset), `completion at ${JSON.stringify(position)} after ${JSON.stringify({ at, cut, insert })}`);
        }
        const h = hoverAfterEdit(ctxOf(model), prose, position);
        if (h !== undefined) {
          fast.hovers++;
          assert.deepEqual(h, hover(ctxOf(full), offset), `hover at ${JSON.stringify(position)} after ${JSON.stringify({ at, cut, insert })}`);
        }
      }
    }
    // The next model is made from this one, as the server makes it, after the answers.
    model = parseNextVersion(model, next);
  }
  return fast;
}

describe('completion and hover right after a keystroke, without parsing the new version', () => {
  it('give what a full parse of the new version gives, on random edits of a generated report', () => {
    const fast = compare(generateReport(20_000, 3), 150, 1, true);
    // The property says little unless the answers without a parse are common.
    assert.ok(fast.certified > 60 && fast.hovers > 500 && fast.completions > 300, JSON.stringify(fast));
  });

  it('give what a full parse gives, on random edits of the samples', () => {
    let total = 0;
    readDocuments('samples').forEach((text, i) => {
      total += compare(text, 20, 10 + i, i % 2 === 0).certified;
    });
    assert.ok(total > 150, `only ${total} edits were keystrokes in prose`);
  });

  it('give what a full parse gives, around tables, escapes, markers and decisions in prose', () => {
    let fast = { completions: 0, hovers: 0, certified: 0 };
    for (let seed = 1; seed <= 6; seed++) {
      const f = compare(TRICKY, 100, seed, seed % 2 === 0);
      fast = { completions: fast.completions + f.completions, hovers: fast.hovers + f.hovers, certified: fast.certified + f.certified };
    }
    assert.ok(fast.certified > 40 && fast.hovers > 100, JSON.stringify(fast));
  });

  it('join the keystrokes of a word typed before the next model into one change of its line', () => {
    const text = 'Första raden.\nAndra raden här.\nTredje.\n';
    const at = text.indexOf('här');
    // «hxr» typed, the «x» deleted and «ä» typed, then «här» deleted: one change each time.
    const typed = joinEdits(text, [{ start: at, end: at, text: 'h' }, { start: at + 1, end: at + 1, text: 'x' }, { start: at + 1, end: at + 2, text: 'ä' }]);
    assert.ok(typed && typed.end - typed.start === 0 && typed.text.length === 2);
    assert.equal(text.slice(0, typed.start) + typed.text + text.slice(typed.end), text.slice(0, at) + 'hä' + text.slice(at));
    assert.deepEqual(joinEdits(text, [{ start: at, end: at + 1, text: '' }, { start: at, end: at + 2, text: '' }]), { start: at, end: at + 3, text: '' });
    // Changes on two lines, or one that breaks the line, are not joined.
    assert.equal(joinEdits(text, [{ start: at, end: at, text: 'a' }, { start: 2, end: 2, text: 'a' }]), null);
    assert.equal(joinEdits(text, [{ start: at, end: at, text: 'a' }, { start: at, end: at, text: '\n' }]), null);
    assert.equal(joinEdits(text, [{ start: at, end: at, text: 'a' }, { start: at + 8, end: at + 9, text: '' }]), null);
  });

  it('answer nothing without a parse when the text before the cursor may start a completion', () => {
    const text = 'Första stycket med text här.\n\nAndra stycket[^1] med en fotnot.\n\n[^1]: KF 2019-03-12 § 45.\n';
    const model = parseAuditDocument(text);
    const at = text.indexOf('med en');
    const prose = proseEdit(model, { start: at, end: at, text: 'x' });
    assert.ok(prose, 'a letter typed in prose is a keystroke in running text');
    const ctx = featureContext(model);
    // Right after `[^` is typed elsewhere the labels are offered: that needs the parse.
    assert.equal(completionsAfterEdit(ctx, prose, { line: 2, character: 'Andra stycket[^'.length }), undefined);
    assert.deepEqual(completionsAfterEdit(ctx, prose, { line: 2, character: 5 }), []);
    // A hover on the reference in the edited paragraph needs the parse; one on another line does not.
    assert.equal(hoverAfterEdit(ctx, prose, { line: 2, character: 'Andra stycket[^'.length }), undefined);
    // A letter typed at a line's start keeps it a line of prose.
    const andra = text.indexOf('Andra');
    assert.ok(proseEdit(model, { start: andra, end: andra, text: 'x' }));
    // Syntax typed, a line broken, a digit or space at a line's start, or the first word cut: not a keystroke in running text.
    for (const edit of [{ start: at, end: at, text: '|' }, { start: at, end: at, text: '\n' }, { start: andra, end: andra, text: '1' }, { start: andra, end: andra, text: ' ' }, { start: andra, end: andra + 5, text: '' }, { start: 0, end: 1, text: '' }]) {
      assert.equal(proseEdit(model, edit), null, JSON.stringify(edit));
    }
  });
});
