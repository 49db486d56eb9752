import { loadModule } from 'hunspell-asm';

/**
 * The spelling engine behind a small interface. Only this module knows Hunspell; the
 * dictionary arrives as bytes, so the same code runs in Node and in a browser web worker
 * (hunspell-asm's WebAssembly runs in both).
 */
export interface SpellEngine {
  /** Whether the dictionary accepts a word (compounds included, the way Hunspell builds them). */
  check(word: string): boolean;
  /** Corrections for a misspelt word, best first. Slow (about 0.1 s): call it on request only. */
  suggest(word: string): string[];
  /**
   * The verdicts of many words at once, where one call costs more than the words (an engine
   * in another thread, `shared.ts`); without it, words are checked one by one.
   */
  checkMany?(words: readonly string[]): boolean[];
}

export interface DictionaryBytes {
  aff: Uint8Array;
  dic: Uint8Array;
}

/** Starts Hunspell over a dictionary's .aff and .dic bytes. */
export async function createHunspellEngine(bytes: DictionaryBytes): Promise<SpellEngine> {
  const factory = await loadModule();
  const aff = factory.mountBuffer(bytes.aff, 'sv.aff');
  const dic = factory.mountBuffer(bytes.dic, 'sv.dic');
  const hunspell = factory.create(aff, dic);
  // The buffers are copied into Hunspell's own tables; the mounted files are no longer needed.
  factory.unmount(aff);
  factory.unmount(dic);
  return {
    check: (word) => hunspell.spell(word),
    suggest: (word) => hunspell.suggest(word),
  };
}
