import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DictionaryBytes } from './engine.js';

/**
 * Reads the Swedish dictionary (dictionary-sv, LGPL-3.0) from disk, for Node only. The
 * build copies it to `dist/dictionaries/` beside the bundles; run from the sources (tests,
 * tsx) it is found in node_modules. A browser build passes bytes fetched by the client instead.
 */
export async function readSwedishDictionary(): Promise<DictionaryBytes> {
  const base = typeof __dirname === 'string' ? __dirname : path.dirname(process.argv[1] ?? '.');
  const candidates = [path.join(base, 'dictionaries')];
  for (let dir = base; ; dir = path.dirname(dir)) {
    candidates.push(path.join(dir, 'node_modules', 'dictionary-sv'));
    if (path.dirname(dir) === dir) break;
  }
  for (const dir of candidates) {
    const aff = path.join(dir, 'sv.aff');
    const found = fs.existsSync(aff) ? { aff, dic: path.join(dir, 'sv.dic') } : fs.existsSync(path.join(dir, 'index.aff')) ? { aff: path.join(dir, 'index.aff'), dic: path.join(dir, 'index.dic') } : null;
    if (!found) continue;
    const [affBytes, dicBytes] = await Promise.all([fs.promises.readFile(found.aff), fs.promises.readFile(found.dic)]);
    return { aff: affBytes, dic: dicBytes };
  }
  throw new Error('The Swedish dictionary (dictionary-sv) was not found.');
}
