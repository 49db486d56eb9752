import * as assert from 'node:assert/strict';
import { loadConfigFor } from '../server/src/config/load.ts';
import { DEFAULT_CONFIG, type LoadedConfig } from '../server/src/config/config.ts';
import type { FileRead } from '../server/src/io/files.ts';
import { MemoryFiles } from '../server/src/io/memory-files.ts';
import { loadRegister } from '../server/src/workspace/node-files.ts';
import type { DecisionRegister } from '../server/src/workspace/register.ts';

/**
 * The browser's host answers «missing» for a file it has not fetched yet, and the steps that
 * read it share the server's caches: one step's provisional answer must not become what the
 * next step reads (a report checked with the default configuration, published once before
 * its folder's configuration came).
 */
class NotYetRead extends MemoryFiles {
  readonly pending = new Set<string>();

  override readText(file: string): FileRead<string> {
    if (this.pending.has(file)) return { ok: false, missing: true, error: `not yet read: ${file}` };
    return super.readText(file);
  }
}

describe('caches of files read through the host', () => {
  it('do not keep a configuration file that was not read yet', () => {
    const files = new NotYetRead({ '/ws/a/.granskarc.json': '{ "regler": { "referens-stil": "warning" } }' });
    files.pending.add('/ws/a/.granskarc.json');
    const cache = new Map<string, LoadedConfig>();
    const early = loadConfigFor('/ws/a', cache, files);
    assert.equal(early.config.rules['referens-stil'], undefined);
    files.pending.clear();
    const later = loadConfigFor('/ws/a', cache, files);
    assert.equal(later.config.rules['referens-stil'], 'warning');
    assert.deepEqual(later.problems, []);
  });

  it('do not keep a decision register that was not read yet', () => {
    const file = '/ws/beslut.csv';
    const files = new NotYetRead({ [file]: 'organ;datum;paragraf;rubrik\nKF;2015-02-23;16;Integrationsplan\n' });
    files.pending.add(file);
    const cache = new Map<string, DecisionRegister>();
    assert.equal(loadRegister(file, DEFAULT_CONFIG.organs, cache, files).usable, false);
    files.pending.clear();
    assert.ok(loadRegister(file, DEFAULT_CONFIG.organs, cache, files).entries.length > 0);
  });
});
