import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar } from 'vscode-textmate';
import { ROOT } from './helpers/lint.ts';

/**
 * Tokenizes lines with the real TextMate engine VS Code uses (vscode-textmate with
 * Oniguruma). Markdown's own grammar ships with VS Code, not on npm, so a minimal stand-in
 * for `text.html.markdown` (headings, fenced code, inline code, comments) lets the test see
 * that the injection stays out of code and comments.
 */
const MARKDOWN_STANDIN = JSON.stringify({
  scopeName: 'text.html.markdown',
  patterns: [
    { begin: '^```', end: '^```', name: 'markup.fenced_code.block.markdown' },
    { match: '`[^`]*`', name: 'markup.inline.raw.string.markdown' },
    { begin: '<!--', end: '-->', name: 'comment.block.html' },
    // As in VS Code's Markdown grammar: the heading text is a capture tokenized again with
    // inline patterns, which is where injections apply.
    {
      match: '^[ ]{0,3}(#{1,6}\\s+(.*?)(\\s+#{1,6})?\\s*)$',
      captures: { 1: { name: 'markup.heading.markdown' }, 2: { name: 'entity.name.section.markdown', patterns: [{ match: '\\*\\*[^*]+\\*\\*', name: 'markup.bold.markdown' }] } },
    },
  ],
});

let grammar: IGrammar;

before(async () => {
  const wasm = fs.readFileSync(path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => {
      const file = scope === 'text.html.markdown.granska' ? 'granska.tmLanguage.json' : scope === 'granska.injection' ? 'granska.injection.tmLanguage.json' : null;
      if (scope === 'text.html.markdown') return parseRawGrammar(MARKDOWN_STANDIN, 'markdown.json');
      return file ? parseRawGrammar(fs.readFileSync(path.join(ROOT, 'syntaxes', file), 'utf8'), file) : null;
    },
    getInjections: (scope) => (scope === 'text.html.markdown.granska' ? ['granska.injection'] : undefined),
  });
  grammar = (await registry.loadGrammar('text.html.markdown.granska'))!;
});

/** The scopes of the token that covers `fragment` on a single-line text. */
function scopesOf(line: string, fragment: string): string[] {
  const at = line.indexOf(fragment);
  assert.ok(at >= 0, `"${fragment}" is not in "${line}"`);
  const tokens = grammar.tokenizeLine(line, INITIAL).tokens;
  const t = tokens.find((x) => x.startIndex <= at && at < x.endIndex)!;
  return t.scopes;
}

describe('TextMate grammar (syntaxes/)', () => {
  it('is registered in the manifest for *.rev.md', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.languages[0].extensions, ['.rev.md']);
    assert.deepEqual(pkg.contributes.grammars.map((g: { scopeName: string }) => g.scopeName), ['text.html.markdown.granska', 'granska.injection']);
  });

  it('highlights a kontrollmål heading’s keyword and number', () => {
    const line = '## Kontrollmål 12: Finns mål och aktiviteter?';
    assert.ok(scopesOf(line, 'Kontrollmål').includes('keyword.other.kontrollmal.granska'));
    assert.ok(scopesOf(line, '12').includes('constant.numeric.kontrollmal.granska'));
  });

  it('gives the highest, middle and lowest grades scopes themes colour differently', () => {
    assert.ok(scopesOf('### Bedömning: Uppfyllt', 'Uppfyllt').includes('markup.inserted.grade.highest.granska'));
    assert.ok(scopesOf('### Bedömning: Delvis uppfyllt', 'Delvis').includes('markup.changed.grade.middle.granska'));
    assert.ok(scopesOf('### Bedömning: Ej uppfyllt', 'Ej').includes('markup.deleted.grade.lowest.granska'));
    assert.ok(scopesOf('### Bedömning: Nej', 'Nej').includes('markup.deleted.grade.lowest.granska'));
    assert.ok(scopesOf('| Kontrollmål 1 | Delvis uppfyllt |', 'Delvis').includes('markup.changed.grade.middle.granska'));
  });

  it('highlights decision references in all three forms, with the organ, § and date', () => {
    for (const [line, organ] of [
      ['[^1]: KF § 16/2015-02-23 — Program', 'KF'],
      ['Se KF 2018-12-17 § 153.', 'KF'],
      ['beslut i kommunfullmäktige den 25 februari 2019, § 7', 'kommunfullmäktige'],
    ] as const) {
      assert.ok(scopesOf(line, organ).includes('entity.name.type.organ.granska'), line);
      assert.ok(scopesOf(line, '§').includes('meta.reference.decision.granska'), line);
    }
    assert.ok(!scopesOf('6 kap. 6 § kommunallagen', '§').includes('meta.reference.decision.granska'));
  });

  it('highlights footnote references and definitions', () => {
    assert.ok(scopesOf('Beslutet togs i februari.[^3]', '3]').includes('entity.name.label.footnote.granska'));
    assert.ok(scopesOf('[^3]: KF § 7/2016-02-08', '^').includes('punctuation.definition.footnote.begin.granska'));
  });

  it('stays out of inline code and comments', () => {
    assert.ok(!scopesOf('Skriv `KF § 16/2015-02-23` så här.', 'KF').includes('meta.reference.decision.granska'));
    assert.ok(!scopesOf('<!-- KF § 16/2015-02-23 -->', 'KF').includes('meta.reference.decision.granska'));
  });
});
