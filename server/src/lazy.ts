import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

/**
 * Loads a part of the server that the first diagnostics do not need, the first time it is
 * needed. Bundled, each such part is its own file beside the entry bundle (`dist/render.js`,
 * `dist/hunspell.js`; see `esbuild.mjs`), so that starting the server reads and compiles only
 * what checking needs (docs/prestanda.md, «Över LSP»). Run from the sources (tests, tsx),
 * the module is loaded from them, by its path relative to this folder.
 *
 * Only modules without state shared with the entry bundle may be split off like this: the
 * part gets its own copy of every module it imports.
 */
export function lazyModule<T>(bundle: string, source: string): () => T {
  let loaded: T | undefined;
  return () => {
    if (loaded === undefined) {
      const bundled = path.join(__dirname, bundle);
      // createRequire keeps esbuild from bundling the module into the entry bundle.
      const load = createRequire(__filename);
      loaded = load(fs.existsSync(bundled) ? bundled : source) as T;
    }
    return loaded;
  };
}
