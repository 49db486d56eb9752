import { lazyModule } from '../lazy.js';
import { readSwedishDictionary } from './dictionary-node.js';
import type * as Engine from './engine.js';
import { loadSpeller, type Speller } from './speller.js';

/**
 * Loads the Swedish dictionary from disk into Hunspell, for the Node hosts: the server,
 * one-thread `granska lint`, and the command line's main thread when workers lint (it
 * answers their words, `shared.ts`). Apart from `host.ts` so that `dist/cli.js` carries
 * only this, not the word list's writing.
 */
export function loadNodeSpeller(): Promise<Speller> {
  return loadSpeller(readSwedishDictionary, (bytes) => hunspell().createHunspellEngine(bytes));
}

/**
 * Hunspell compiled to WebAssembly is a third of the server's code and is needed only after
 * the first diagnostics: `dist/hunspell.js`, loaded when the dictionary is.
 */
const hunspell = lazyModule<typeof Engine>('hunspell.js', './spelling/engine.js');
