import * as assert from 'node:assert/strict';
import { fuzzLanguageServer } from './helpers/lsp-fuzz.ts';

describe('LSP fuzzer: the language server agrees with the command line after random edits', () => {
  it('publishes, for the last version of every burst of 400 seeded random edits, what granska lint gives for the same text, and never an outdated version', async function () {
    // A generous limit that only a hang can reach; `npm run fuzz` runs the long form.
    this.timeout(600_000);
    const stats = await fuzzLanguageServer({ seed: 5, edits: 400 });
    assert.deepEqual(stats.mismatches, []);
    assert.deepEqual(stats.outdated, []);
    assert.ok(stats.compared > 100, `only ${stats.compared} versions compared`);
  });
});
