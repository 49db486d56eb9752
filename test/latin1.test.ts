import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { escapeBeyondLatin1 } from '../scripts/latin1.mjs';
import { ROOT } from './helpers/lint.ts';

/**
 * The bundles hold no character beyond Latin-1, so that V8 keeps their source (which it
 * holds for the server's lifetime) at one byte a character; and the rewrite that makes it so
 * changes no regular expression's meaning.
 */
describe('bundles at one byte a character', () => {
  it('no bundle the server or the command line runs has a character beyond U+00FF', () => {
    for (const name of ['server.js', 'server-main.js', 'hunspell.js', 'render.js', 'cli.js', 'cli-commands.js', 'lint-worker.js', 'web/server.js']) {
      const code = fs.readFileSync(path.join(ROOT, 'dist', name), 'utf8');
      const at = code.search(/[^\u0000-\u00ff]/u);
      assert.equal(at, -1, `dist/${name} has ${JSON.stringify(code.slice(at, at + 1))} at ${at}: ${JSON.stringify(code.slice(Math.max(0, at - 60), at + 20))}`);
    }
  });

  it('escapes regular expressions and comments without changing what they match', () => {
    const source = [
      '// Tankstreck – och 😀 i en kommentar',
      'exports.a = /^\\s*[:–—-]?\\s*”(.+)”$/iu;',
      'exports.b = /[’😀]+/g;',
      'exports.c = /x–/.test(String.fromCharCode(97, 120, 8211)); /* ’ */',
    ].join('\n');
    const escaped = escapeBeyondLatin1(source, undefined, 'test.js');
    assert.ok(escaped);
    assert.doesNotMatch(escaped.code, /[^\u0000-\u00ff]/u);
    const run = (code: string) => {
      const exports: Record<string, unknown> = {};
      vm.runInNewContext(code, { exports });
      return exports as { a: RegExp; b: RegExp; c: number };
    };
    const before = run(source);
    const after = run(escaped.code);
    for (const input of [': ”Ja”', ' – ”x”', '— ”y', 'x', '’😀’', '😀', '\ud83d', 'a’b']) {
      // Results of two realms: compared as plain data.
      const plain = (m: RegExpMatchArray | null) => (m ? { groups: [...m], index: m.index } : null);
      assert.deepEqual(plain(after.a.exec(input)), plain(before.a.exec(input)), input);
      assert.deepEqual(plain(input.match(after.b)), plain(input.match(before.b)), input);
    }
    assert.equal(after.c, true);
    assert.equal(escapeBeyondLatin1('var x = 1;', undefined, 'test.js'), null);
  });

  it('stops at a character it cannot escape without changing the program', () => {
    assert.throws(() => escapeBeyondLatin1('var s = String.raw`–`;', undefined, 'test.js'), /U\+2013 outside a regular expression or comment/);
  });
});
