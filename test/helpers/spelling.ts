import { readSwedishDictionary } from '../../server/src/spelling/dictionary-node.ts';
import { createHunspellEngine } from '../../server/src/spelling/engine.ts';
import { loadSpeller, type Speller } from '../../server/src/spelling/speller.ts';

/** Loads the Swedish dictionary once for the test process (about a quarter of a second). */
export function loadTestSpeller(): Promise<Speller> {
  return loadSpeller(readSwedishDictionary, createHunspellEngine);
}
